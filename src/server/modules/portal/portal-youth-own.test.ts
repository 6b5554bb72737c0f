import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestApp, type TestContext } from '../../../../tests/helpers/app.js';
import { makeOrganisation } from '../../../../tests/helpers/factories.js';
import { addToTeam, giveConsent, makeFamily, testRegion } from '../../../../tests/helpers/families.js';
import { loginAs } from '../../../../tests/helpers/login.js';
import { expectAudited } from '../../../../tests/helpers/audit.js';
import { linkPortalAccount, makeConfidant, portalLogin } from '../../../../tests/helpers/portal.js';
import { atelier, familyMember, journalNote, wait } from '../../db/schema/index.js';
import { ZJournalNoteResponse, ZJournalPageResponse } from '../../../shared/schemas/families/care.js';
import { ZPortalExportResponse, ZPortalPlanResponse } from '../../../shared/schemas/portal.js';

/**
 * "A parent does not see what is marked as the youth's own" — per youth: an item marked `youth_own`
 * names the youth it belongs to; that youth and their confidant see it, the parents and a sibling
 * of 12+ (a different youth) do not; the professional who marks a note chooses the youth.
 */
let ctx: TestContext;
let regionId: string;
let orgA: string;

beforeAll(async () => {
  ctx = await createTestApp();
  regionId = await testRegion(ctx.database.db);
  orgA = (await makeOrganisation(ctx.database.db)).id;
});
afterAll(async () => ctx?.close());

const db = () => ctx.database.db;

function birthYearsAgo(years: number) {
  const d = new Date(ctx.clock.now());
  d.setUTCFullYear(d.getUTCFullYear() - years);
  return d.toISOString().slice(0, 10);
}

/**
 * A family with two youths (14 and 13), a child of 8 and a parent, each youth with a confidant; the
 * contact person writes a normal note and one note of each youth's own through the API; a wait and
 * an atelier of each kind are in the database (they have no marking route).
 */
async function twoYouths() {
  const f = await makeFamily(db(), { regionId, now: ctx.clock.now() });
  const [sibling] = await db().insert(familyMember).values({ familyId: f.family.id, role: 'child', name: 'Broer Jongere', birthDate: birthYearsAgo(13) }).returning();
  const [young] = await db().insert(familyMember).values({ familyId: f.family.id, role: 'child', name: 'Klein Kind', birthDate: birthYearsAgo(8) }).returning();
  const contact = await loginAs(ctx, 'professional', { organisationId: orgA });
  await addToTeam(db(), f.family.id, contact.user!.person.id, orgA, { contact: true });
  for (const memberId of [f.child.id, sibling!.id]) await giveConsent(db(), { familyId: f.family.id, memberId, organisationId: orgA, scopes: ['edit_plan', 'read_plan', 'journal'] });
  const tag = f.family.id.slice(0, 8);
  const url = `/api/families/${f.family.id}/journal`;
  const notes = {
    normal: await contact.client.post(url, { body: `note-normal-${tag}`, visibility: 'team' }),
    youth: await contact.client.post(url, { body: `note-own-youth-${tag}`, visibility: 'team', disclosure: 'youth_own', youthMemberId: f.child.id }),
    sibling: await contact.client.post(url, { body: `note-own-sibling-${tag}`, visibility: 'team', disclosure: 'youth_own', youthMemberId: sibling!.id }),
  };
  for (const res of Object.values(notes)) expect(res.statusCode, res.body).toBe(201);
  const items = [
    { label: 'normal', disclosure: 'normal' as const, youthMemberId: null },
    { label: 'own-youth', disclosure: 'youth_own' as const, youthMemberId: f.child.id },
    { label: 'own-sibling', disclosure: 'youth_own' as const, youthMemberId: sibling!.id },
  ];
  for (const i of items) {
    await db().insert(wait).values({ familyId: f.family.id, serviceText: `wait-${i.label}-${tag}`, sinceOn: '2026-01-05', disclosure: i.disclosure, youthMemberId: i.youthMemberId });
    await db().insert(atelier).values({ familyId: f.family.id, heldOn: '2026-02-01', ideas: `idea-${i.label}-${tag}`, disclosure: i.disclosure, youthMemberId: i.youthMemberId });
  }
  const emails = {
    youth: await linkPortalAccount(ctx, f.child.id),
    sibling: await linkPortalAccount(ctx, sibling!.id),
    parent: await linkPortalAccount(ctx, f.parent.id),
    confidant: await makeConfidant(ctx, f.family.id, f.child.id),
    siblingConfidant: await makeConfidant(ctx, f.family.id, sibling!.id),
  };
  return { ...f, sibling: sibling!, young: young!, contact, tag, url, notes, emails };
}
type TwoYouths = Awaited<ReturnType<typeof twoYouths>>;

/** What one portal viewer gets: the plan view's waits and the JSON export's notes, waits and ateliers (as text). */
async function seenBy(f: TwoYouths, email: string) {
  const client = await portalLogin(ctx, email);
  const plan = await client.get('/api/portal/plan');
  expect(plan.statusCode, plan.body).toBe(200);
  const exp = await client.get('/api/portal/export');
  expect(exp.statusCode, exp.body).toBe(200);
  ZPortalExportResponse.parse(exp.json());
  const pdf = await client.get('/api/portal/export.pdf');
  expect(pdf.statusCode).toBe(200);
  return { planWaits: ZPortalPlanResponse.parse(plan.json()).data.waits.map((w) => w.service).sort(), exportText: exp.body };
}

/** Every item label of the family, per kind, that the export should (not) hold. */
function expectExport(f: TwoYouths, text: string, shown: string[], hidden: string[]) {
  for (const label of shown) for (const kind of ['note', 'wait', 'idea']) expect(text).toContain(`${kind}-${label}-${f.tag}`);
  for (const label of hidden) for (const kind of ['note', 'wait', 'idea']) expect(text).not.toContain(`${kind}-${label}-${f.tag}`);
}

describe('a youth’s own items belong to one youth', () => {
  let f: TwoYouths;
  beforeAll(async () => {
    f = await twoYouths();
  });

  it('the youth sees their own items, not their sibling’s — in the plan view and the export', async () => {
    const seen = await seenBy(f, f.emails.youth);
    expect(seen.planWaits).toEqual([`wait-normal-${f.tag}`, `wait-own-youth-${f.tag}`]);
    expectExport(f, seen.exportText, ['normal', 'own-youth'], ['own-sibling']);
    await expectAudited(db(), 'portal.export', { familyId: f.family.id });
  });

  it('the sibling of 12+ is a different youth: sees their own items, not the other youth’s', async () => {
    const seen = await seenBy(f, f.emails.sibling);
    expect(seen.planWaits).toEqual([`wait-normal-${f.tag}`, `wait-own-sibling-${f.tag}`]);
    expectExport(f, seen.exportText, ['normal', 'own-sibling'], ['own-youth']);
  });

  it('a parent sees neither youth’s own items', async () => {
    const seen = await seenBy(f, f.emails.parent);
    expect(seen.planWaits).toEqual([`wait-normal-${f.tag}`]);
    expectExport(f, seen.exportText, ['normal'], ['own-youth', 'own-sibling']);
  });

  it('a confidant sees the own items of the youth they stand by, not those of the sibling', async () => {
    const mine = await seenBy(f, f.emails.confidant);
    expect(mine.planWaits).toEqual([`wait-normal-${f.tag}`, `wait-own-youth-${f.tag}`]);
    expectExport(f, mine.exportText, ['normal', 'own-youth'], ['own-sibling']);
    const theirs = await seenBy(f, f.emails.siblingConfidant);
    expectExport(f, theirs.exportText, ['normal', 'own-sibling'], ['own-youth']);
  });

  it('the professional sees every note in the journal, each youth_own note naming its youth; the mark is audited', async () => {
    const page = ZJournalPageResponse.parse((await f.contact.client.get(`${f.url}?limit=100`)).json()).data.items;
    const byBody = new Map(page.map((n) => [n.body, n]));
    expect(byBody.get(`note-normal-${f.tag}`)).toMatchObject({ disclosure: 'normal', youthMemberId: null });
    expect(byBody.get(`note-own-youth-${f.tag}`)).toMatchObject({ disclosure: 'youth_own', youthMemberId: f.child.id });
    expect(byBody.get(`note-own-sibling-${f.tag}`)).toMatchObject({ disclosure: 'youth_own', youthMemberId: f.sibling.id });
    const created = ZJournalNoteResponse.parse(f.notes.sibling.json()).data;
    expect(created.youthMemberId).toBe(f.sibling.id);
    await expectAudited(db(), 'journal.add', { familyId: f.family.id, resourceId: created.id, details: { disclosure: 'youth_own', youthMemberId: f.sibling.id } });
  });
});

describe('marking a note as a youth’s own: the professional chooses the youth', () => {
  it('refuses a missing or wrong youth with a 400 in Dutch, and changes nothing', async () => {
    const f = await twoYouths();
    const other = await makeFamily(db(), { regionId, now: ctx.clock.now() });
    const countNotes = async () => (await db().select({ id: journalNote.id }).from(journalNote).where(eq(journalNote.familyId, f.family.id))).length;
    const before = await countNotes();
    const post = (extra: Record<string, unknown>) => f.contact.client.post(f.url, { body: 'Geheim van de jongere', visibility: 'team', ...extra });

    const missing = await post({ disclosure: 'youth_own' });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.details).toEqual([expect.objectContaining({ path: 'body.youthMemberId' })]);
    // Naming a youth without marking the note as theirs makes no sense either.
    const unmarked = await post({ disclosure: 'normal', youthMemberId: f.child.id });
    expect(unmarked.statusCode).toBe(400);
    expect(unmarked.json().error.details).toEqual([expect.objectContaining({ path: 'body.youthMemberId' })]);
    expect((await post({ disclosure: 'youth_own', youthMemberId: 'geen-id' })).statusCode).toBe(400);

    // Not a youth of 12+ of this family: the parent, the child of 8, another family's youth, an unknown id.
    for (const youthMemberId of [f.parent.id, f.young.id, other.child.id, '00000000-0000-4000-8000-000000000000']) {
      const res = await post({ disclosure: 'youth_own', youthMemberId });
      expect(res.statusCode, youthMemberId).toBe(400);
      expect(res.json().error.message).toBe('Kies een jongere van 12 jaar of ouder uit dit gezin.');
      expect(res.json().error.details).toEqual([expect.objectContaining({ path: 'body.youthMemberId' })]);
    }
    // A youth who left the family can no longer be named.
    await db().update(familyMember).set({ endedAt: ctx.clock.now() }).where(eq(familyMember.id, f.sibling.id));
    expect((await post({ disclosure: 'youth_own', youthMemberId: f.sibling.id })).statusCode).toBe(400);
    expect(await countNotes()).toBe(before);
  });

  it('a professional without the journal scope cannot mark anything; a portal login cannot reach the route', async () => {
    const f = await twoYouths();
    const outsider = await loginAs(ctx, 'professional', { organisationId: (await makeOrganisation(db())).id });
    const res = await outsider.client.post(f.url, { body: 'x', visibility: 'team', disclosure: 'youth_own', youthMemberId: f.child.id });
    expect([403, 404]).toContain(res.statusCode);
    const youth = await portalLogin(ctx, f.emails.youth);
    expect([401, 403, 404]).toContain((await youth.post(f.url, { body: 'x', visibility: 'team', disclosure: 'youth_own', youthMemberId: f.child.id })).statusCode);
  });

  it('the database refuses a youth_own item without its youth (and a youth on any other item)', async () => {
    const f = await twoYouths();
    await expect(db().insert(wait).values({ familyId: f.family.id, serviceText: 'x', sinceOn: '2026-01-05', disclosure: 'youth_own' })).rejects.toThrow();
    await expect(db().insert(atelier).values({ familyId: f.family.id, heldOn: '2026-02-01', disclosure: 'normal', youthMemberId: f.child.id })).rejects.toThrow();
  });
});
