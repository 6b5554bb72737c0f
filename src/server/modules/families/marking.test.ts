import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestApp, type TestContext } from '../../../../tests/helpers/app.js';
import { makeOrganisation } from '../../../../tests/helpers/factories.js';
import { addToTeam, giveConsent, makeFamily, testRegion, withdrawConsent } from '../../../../tests/helpers/families.js';
import { loginAs, type LoggedIn } from '../../../../tests/helpers/login.js';
import { expectAudited } from '../../../../tests/helpers/audit.js';
import { linkPortalAccount, portalLogin } from '../../../../tests/helpers/portal.js';
import { familyMember, journalNote, wait } from '../../db/schema/index.js';
import { ZAtelierResponse, ZJournalNoteResponse, ZJournalPageResponse, ZWaitResponse } from '../../../shared/schemas/families/care.js';
import { ZPortalPlanResponse } from '../../../shared/schemas/portal.js';

/**
 * Issue 11: a professional marks what the family sees of a wait or an atelier (on creation and
 * afterwards) and corrects a journal note's marking (its author or the contact person); the
 * portal then shows or hides the item accordingly, and the audit trail keeps the old marking.
 */
let ctx: TestContext;
let regionId: string;

beforeAll(async () => {
  ctx = await createTestApp();
  regionId = await testRegion(ctx.database.db);
});
afterAll(async () => ctx?.close());

const db = () => ctx.database.db;
const patch = (who: LoggedIn, url: string, payload: unknown) => who.client.request({ method: 'PATCH', url, payload: payload as Record<string, unknown> });

function birthYearsAgo(years: number) {
  const d = new Date(ctx.clock.now());
  d.setUTCFullYear(d.getUTCFullYear() - years);
  return d.toISOString().slice(0, 10);
}

/**
 * A family with a youth (14), a child of 8 and a parent (both with a portal login); on the team:
 * the contact person (A), an author (B) and a colleague (C), each with every scope; a reader (D)
 * with read_plan only, and E whose consent was withdrawn.
 */
async function world() {
  const f = await makeFamily(db(), { regionId, now: ctx.clock.now() });
  const [young] = await db().insert(familyMember).values({ familyId: f.family.id, role: 'child', name: 'Klein Kind', birthDate: birthYearsAgo(8) }).returning();
  const org = async () => (await makeOrganisation(db())).id;
  const cast: Record<'contact' | 'author' | 'colleague' | 'reader' | 'withdrawn', LoggedIn> = {} as never;
  for (const [name, scopes] of [
    ['contact', ['read_plan', 'edit_plan', 'journal']],
    ['author', ['read_plan', 'edit_plan', 'journal']],
    ['colleague', ['read_plan', 'edit_plan', 'journal']],
    ['reader', ['read_plan']],
    ['withdrawn', ['read_plan', 'edit_plan', 'journal']],
  ] as const) {
    const organisationId = await org();
    const who = await loginAs(ctx, 'professional', { organisationId });
    await addToTeam(db(), f.family.id, who.user!.person.id, organisationId, { contact: name === 'contact' });
    const given = await giveConsent(db(), { familyId: f.family.id, memberId: f.child.id, organisationId, scopes: [...scopes] });
    if (name === 'withdrawn') await withdrawConsent(db(), given.id, new Date(ctx.clock.now().getTime() - 1000));
    cast[name] = who;
  }
  const other = await makeFamily(db(), { regionId, now: ctx.clock.now() });
  const emails = { youth: await linkPortalAccount(ctx, f.child.id), parent: await linkPortalAccount(ctx, f.parent.id) };
  const base = `/api/families/${f.family.id}`;
  return { ...f, young: young!, other, cast, emails, base, tag: f.family.id.slice(0, 8) };
}
type World = Awaited<ReturnType<typeof world>>;

/** One portal session per address (the code requests per address are limited). */
const sessions = new Map<string, ReturnType<typeof portalLogin>>();
function portalClient(email: string) {
  let client = sessions.get(email);
  if (!client) {
    client = portalLogin(ctx, email);
    sessions.set(email, client);
  }
  return client;
}

/** The waits in the portal's plan view and the JSON export's text, for one family login. */
async function portalView(email: string) {
  const client = await portalClient(email);
  const plan = await client.get('/api/portal/plan');
  expect(plan.statusCode, plan.body).toBe(200);
  const exp = await client.get('/api/portal/export');
  expect(exp.statusCode, exp.body).toBe(200);
  return { waits: ZPortalPlanResponse.parse(plan.json()).data.waits.map((w) => w.service), exportText: exp.body };
}

describe('waits: the marking on creation and afterwards', () => {
  let w: World;
  beforeAll(async () => {
    w = await world();
  });

  it('a wait marked confidential disappears from the parent’s portal view and export; youth_own shows to that youth only', async () => {
    const service = `wait-mark-${w.tag}`;
    const created = await w.cast.author.client.post(`${w.base}/waits`, { serviceText: service, sinceOn: '2026-01-05' });
    expect(created.statusCode, created.body).toBe(201);
    const made = ZWaitResponse.parse(created.json()).data;
    expect(made).toMatchObject({ disclosure: 'normal', youthMemberId: null, version: 1 });
    expect((await portalView(w.emails.parent)).waits).toContain(service);

    const hidden = await patch(w.cast.author, `${w.base}/waits/${made.id}`, { version: 1, disclosure: 'confidential' });
    expect(hidden.statusCode, hidden.body).toBe(200);
    expect(ZWaitResponse.parse(hidden.json()).data).toMatchObject({ disclosure: 'confidential', youthMemberId: null, version: 2 });
    const parent = await portalView(w.emails.parent);
    expect(parent.waits).not.toContain(service);
    expect(parent.exportText).not.toContain(service);
    expect((await portalView(w.emails.youth)).waits).not.toContain(service);
    await expectAudited(db(), 'wait.update', {
      resourceId: made.id,
      familyId: w.family.id,
      details: { marking: { from: { disclosure: 'normal', youthMemberId: null }, to: { disclosure: 'confidential', youthMemberId: null } } },
    });

    // The contact person marks it as the youth's own: the youth sees it, the parent still does not.
    const own = await patch(w.cast.contact, `${w.base}/waits/${made.id}`, { version: 2, disclosure: 'youth_own', youthMemberId: w.child.id });
    expect(own.statusCode, own.body).toBe(200);
    expect(ZWaitResponse.parse(own.json()).data).toMatchObject({ disclosure: 'youth_own', youthMemberId: w.child.id, version: 3 });
    const youth = await portalView(w.emails.youth);
    expect(youth.waits).toContain(service);
    expect(youth.exportText).toContain(service);
    const parentAgain = await portalView(w.emails.parent);
    expect(parentAgain.waits).not.toContain(service);
    expect(parentAgain.exportText).not.toContain(service);

    // Another change of the wait keeps the marking (and its youth).
    const status = await patch(w.cast.author, `${w.base}/waits/${made.id}`, { version: 3, expectedStartOn: '2026-09-01' });
    expect(ZWaitResponse.parse(status.json()).data).toMatchObject({ disclosure: 'youth_own', youthMemberId: w.child.id, version: 4 });
  });

  it('sets the marking on creation, youth_own with its youth', async () => {
    const res = await w.cast.contact.client.post(`${w.base}/waits`, { serviceText: `wait-own-${w.tag}`, sinceOn: '2026-01-05', disclosure: 'youth_own', youthMemberId: w.child.id });
    expect(res.statusCode, res.body).toBe(201);
    const made = ZWaitResponse.parse(res.json()).data;
    expect(made).toMatchObject({ disclosure: 'youth_own', youthMemberId: w.child.id });
    await expectAudited(db(), 'wait.create', { resourceId: made.id, details: { disclosure: 'youth_own', youthMemberId: w.child.id } });
    expect((await portalView(w.emails.parent)).waits).not.toContain(`wait-own-${w.tag}`);
  });

  it('refuses bad input with 400 (a Dutch message for a wrong youth) and changes nothing', async () => {
    const [row] = await db().insert(wait).values({ familyId: w.family.id, serviceText: 'Thuisbegeleiding', sinceOn: '2026-01-05' }).returning();
    const url = `${w.base}/waits/${row!.id}`;
    const cases: [string, Record<string, unknown>][] = [
      ['youth_own without a youth', { disclosure: 'youth_own' }],
      ['a youth with another marking', { disclosure: 'court', youthMemberId: w.child.id }],
      ['a youth without a marking', { youthMemberId: w.child.id }],
      ['an unknown marking', { disclosure: 'secret' }],
    ];
    for (const [why, body] of cases) {
      const res = await patch(w.cast.author, url, { version: 1, ...body });
      expect(res.statusCode, why).toBe(400);
    }
    for (const [why, youthMemberId] of [
      ['an unknown youth', '00000000-0000-4000-8000-000000000000'],
      ['a youth of another family', w.other.child.id],
      ['a child under 12', w.young.id],
      ['a parent', w.parent.id],
    ] as const) {
      const res = await patch(w.cast.author, url, { version: 1, disclosure: 'youth_own', youthMemberId });
      expect(res.statusCode, why).toBe(400);
      expect(res.json().error.message, why).toBe('Kies een jongere van 12 jaar of ouder uit dit gezin.');
      expect(res.json().error.details).toEqual([expect.objectContaining({ path: 'body.youthMemberId' })]);
    }
    const create = await w.cast.author.client.post(`${w.base}/waits`, { serviceText: 'Kinderopvang', sinceOn: '2026-01-05', disclosure: 'youth_own', youthMemberId: w.young.id });
    expect(create.statusCode).toBe(400);
    const [after] = await db().select().from(wait).where(eq(wait.id, row!.id));
    expect(after).toMatchObject({ disclosure: 'normal', youthMemberId: null, version: 1 });
  });

  it('a stale version is 409; a reader without edit_plan 403; a withdrawn consent or another family 404', async () => {
    const [row] = await db().insert(wait).values({ familyId: w.family.id, serviceText: 'Logopedie', sinceOn: '2026-01-05' }).returning();
    const url = `${w.base}/waits/${row!.id}`;
    expect((await patch(w.cast.author, url, { version: 1, disclosure: 'third_party' })).statusCode).toBe(200);
    const stale = await patch(w.cast.colleague, url, { version: 1, disclosure: 'normal' });
    expect(stale.statusCode).toBe(409);
    expect((await patch(w.cast.reader, url, { version: 2, disclosure: 'normal' })).statusCode).toBe(403);
    expect((await patch(w.cast.withdrawn, url, { version: 2, disclosure: 'normal' })).statusCode).toBe(404);
    expect((await patch(w.cast.author, `/api/families/${w.other.family.id}/waits/${row!.id}`, { version: 2, disclosure: 'normal' })).statusCode).toBe(404);
    const [after] = await db().select().from(wait).where(eq(wait.id, row!.id));
    expect(after).toMatchObject({ disclosure: 'third_party', version: 2 });
  });
});

describe('ateliers: the marking on creation and afterwards', () => {
  it('youth_own shows the atelier to that youth only; marked for a court it is gone for everyone; wrong input refused', async () => {
    const w = await world();
    const idea = `idea-mark-${w.tag}`;
    const created = await w.cast.author.client.post(`${w.base}/ateliers`, {
      heldOn: '2026-02-01',
      participants: [{ kind: 'member', id: w.child.id }],
      ideas: idea,
      disclosure: 'youth_own',
      youthMemberId: w.child.id,
    });
    expect(created.statusCode, created.body).toBe(201);
    const made = ZAtelierResponse.parse(created.json()).data;
    expect(made).toMatchObject({ disclosure: 'youth_own', youthMemberId: w.child.id, version: 1 });
    expect((await portalView(w.emails.youth)).exportText).toContain(idea);
    expect((await portalView(w.emails.parent)).exportText).not.toContain(idea);

    const url = `${w.base}/ateliers/${made.id}`;
    expect((await patch(w.cast.author, url, { version: 1, disclosure: 'youth_own', youthMemberId: w.young.id })).statusCode).toBe(400);
    expect((await patch(w.cast.author, url, { version: 1, disclosure: 'youth_own', youthMemberId: w.other.child.id })).statusCode).toBe(400);
    expect((await patch(w.cast.author, url, { version: 1, disclosure: 'youth_own', youthMemberId: null })).statusCode).toBe(400);
    expect((await patch(w.cast.reader, url, { version: 1, disclosure: 'court' })).statusCode).toBe(403);
    expect((await patch(w.cast.withdrawn, url, { version: 1, disclosure: 'court' })).statusCode).toBe(404);

    const court = await patch(w.cast.contact, url, { version: 1, disclosure: 'court' });
    expect(court.statusCode, court.body).toBe(200);
    expect(ZAtelierResponse.parse(court.json()).data).toMatchObject({ disclosure: 'court', youthMemberId: null, version: 2 });
    expect((await portalView(w.emails.youth)).exportText).not.toContain(idea);
    expect((await patch(w.cast.author, url, { version: 1, disclosure: 'normal' })).statusCode).toBe(409);
    await expectAudited(db(), 'atelier.update', {
      resourceId: made.id,
      details: { marking: { from: { disclosure: 'youth_own', youthMemberId: w.child.id }, to: { disclosure: 'court', youthMemberId: null } } },
    });

    const bad = await w.cast.author.client.post(`${w.base}/ateliers`, { heldOn: '2026-02-01', participants: [{ kind: 'member', id: w.child.id }], disclosure: 'youth_own' });
    expect(bad.statusCode).toBe(400);
  });
});

describe('journal notes: correcting the marking afterwards', () => {
  let w: World;
  beforeAll(async () => {
    w = await world();
  });

  async function noteBy(who: LoggedIn, body: string, extra: Record<string, unknown> = {}) {
    const res = await who.client.post(`${w.base}/journal`, { body, visibility: 'team', ...extra });
    expect(res.statusCode, res.body).toBe(201);
    return ZJournalNoteResponse.parse(res.json()).data;
  }
  const markUrl = (id: string) => `${w.base}/journal/${id}/marking`;

  it('the author corrects a wrong marking: the family no longer sees the note; the audit row keeps the old marking', async () => {
    const body = `note-mark-${w.tag}`;
    const note = await noteBy(w.cast.author, body);
    expect(note).toMatchObject({ disclosure: 'normal', version: 1, markable: true });
    expect((await portalView(w.emails.parent)).exportText).toContain(body);

    const res = await patch(w.cast.author, markUrl(note.id), { version: 1, disclosure: 'confidential' });
    expect(res.statusCode, res.body).toBe(200);
    const marked = ZJournalNoteResponse.parse(res.json()).data;
    expect(marked).toMatchObject({ id: note.id, body, disclosure: 'confidential', youthMemberId: null, version: 2 });
    expect((await portalView(w.emails.parent)).exportText).not.toContain(body);
    expect((await portalView(w.emails.youth)).exportText).not.toContain(body);
    await expectAudited(db(), 'journal.mark', {
      resourceId: note.id,
      familyId: w.family.id,
      actorPersonId: w.cast.author.user!.person.id,
      details: { marking: { from: { disclosure: 'normal', youthMemberId: null }, to: { disclosure: 'confidential', youthMemberId: null } } },
    });

    // Then the youth's own: the youth sees it again, the parent does not.
    const own = await patch(w.cast.author, markUrl(note.id), { version: 2, disclosure: 'youth_own', youthMemberId: w.child.id });
    expect(own.statusCode, own.body).toBe(200);
    expect((await portalView(w.emails.youth)).exportText).toContain(body);
    expect((await portalView(w.emails.parent)).exportText).not.toContain(body);
  });

  it('the contact person may correct another’s note; a colleague who is neither author nor contact gets 403; the list says who may', async () => {
    const note = await noteBy(w.cast.author, `note-contact-${w.tag}`);
    const list = async (who: LoggedIn) => ZJournalPageResponse.parse((await who.client.get(`${w.base}/journal?limit=100`)).json()).data.items.find((n) => n.id === note.id);
    expect((await list(w.cast.colleague))?.markable).toBe(false);
    expect((await list(w.cast.contact))?.markable).toBe(true);
    expect((await list(w.cast.author))?.markable).toBe(true);

    const refused = await patch(w.cast.colleague, markUrl(note.id), { version: 1, disclosure: 'third_party' });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.message).toBe('Alleen wie de notitie schreef of de contactpersoon kan de markering aanpassen.');
    const byContact = await patch(w.cast.contact, markUrl(note.id), { version: 1, disclosure: 'third_party' });
    expect(byContact.statusCode, byContact.body).toBe(200);
    await expectAudited(db(), 'journal.mark', { resourceId: note.id, actorPersonId: w.cast.contact.user!.person.id });
  });

  it('a stale version is 409 and changes nothing', async () => {
    const note = await noteBy(w.cast.author, `note-stale-${w.tag}`);
    expect((await patch(w.cast.author, markUrl(note.id), { version: 1, disclosure: 'court' })).statusCode).toBe(200);
    const stale = await patch(w.cast.contact, markUrl(note.id), { version: 1, disclosure: 'normal' });
    expect(stale.statusCode).toBe(409);
    const [row] = await db().select().from(journalNote).where(eq(journalNote.id, note.id));
    expect(row).toMatchObject({ disclosure: 'court', version: 2 });
  });

  it('bad input is 400: youth_own without a youth, a youth of another family or under 12, an unknown youth, no version', async () => {
    const note = await noteBy(w.cast.author, `note-bad-${w.tag}`);
    for (const [why, payload] of [
      ['no youth', { version: 1, disclosure: 'youth_own' }],
      ['a youth with another marking', { version: 1, disclosure: 'normal', youthMemberId: w.child.id }],
      ['no marking', { version: 1 }],
      ['no version', { disclosure: 'court' }],
      ['unknown field', { version: 1, disclosure: 'court', body: 'nieuwe tekst' }],
    ] as const) {
      expect((await patch(w.cast.author, markUrl(note.id), payload)).statusCode, why).toBe(400);
    }
    for (const [why, youthMemberId] of [
      ['unknown youth', '00000000-0000-4000-8000-000000000000'],
      ['another family', w.other.child.id],
      ['under 12', w.young.id],
    ] as const) {
      const res = await patch(w.cast.author, markUrl(note.id), { version: 1, disclosure: 'youth_own', youthMemberId });
      expect(res.statusCode, why).toBe(400);
      expect(res.json().error.message, why).toBe('Kies een jongere van 12 jaar of ouder uit dit gezin.');
    }
    const [row] = await db().select().from(journalNote).where(eq(journalNote.id, note.id));
    expect(row).toMatchObject({ disclosure: 'normal', youthMemberId: null, version: 1 });
  });

  it('no consent (withdrawn) or another family: 404; without the journal scope: 403; a family login cannot reach it', async () => {
    const note = await noteBy(w.cast.author, `note-refused-${w.tag}`);
    expect((await patch(w.cast.withdrawn, markUrl(note.id), { version: 1, disclosure: 'court' })).statusCode).toBe(404);
    expect((await patch(w.cast.author, `/api/families/${w.other.family.id}/journal/${note.id}/marking`, { version: 1, disclosure: 'court' })).statusCode).toBe(404);
    expect((await patch(w.cast.reader, markUrl(note.id), { version: 1, disclosure: 'court' })).statusCode).toBe(403);
    const youth = await portalClient(w.emails.youth);
    expect((await youth.request({ method: 'PATCH', url: markUrl(note.id), payload: { version: 1, disclosure: 'normal' } })).statusCode).toBe(403);
    const [row] = await db().select().from(journalNote).where(eq(journalNote.id, note.id));
    expect(row).toMatchObject({ disclosure: 'normal', version: 1 });
  });

  it('a note for one organisation stays hidden from another organisation’s contact person: 404', async () => {
    const res = await w.cast.author.client.post(`${w.base}/journal`, { body: `note-org-${w.tag}`, visibility: 'organisation' });
    const note = ZJournalNoteResponse.parse(res.json()).data;
    expect((await patch(w.cast.contact, markUrl(note.id), { version: 1, disclosure: 'court' })).statusCode).toBe(404);
  });
});
