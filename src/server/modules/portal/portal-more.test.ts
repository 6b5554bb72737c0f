import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inflateSync } from 'node:zlib';
import { PDFDocument } from 'pdf-lib';
import { createTestApp, type TestContext } from '../../../../tests/helpers/app.js';
import { makeOrganisation } from '../../../../tests/helpers/factories.js';
import { addToTeam, giveConsent, makeFamily, testRegion } from '../../../../tests/helpers/families.js';
import { freshIp, loginAs } from '../../../../tests/helpers/login.js';
import { Client } from '../../../../tests/helpers/session.js';
import { expectAudited } from '../../../../tests/helpers/audit.js';
import { linkPortalAccount, makeConfidant, portalLogin } from '../../../../tests/helpers/portal.js';
import { atelier, familyMember, journalNote, wait } from '../../db/schema/index.js';
import { DISCLOSURES } from '../../../shared/schemas/families/enums.js';
import { ZPortalContributionsResponse } from '../../../shared/schemas/portal.js';

/**
 * The family portal, part 3: "Mijn gegevens" as a readable document (PDF) with the same
 * filtering as the JSON export, and the team's view of the family's contributions and objections.
 */
let ctx: TestContext;
let regionId: string;
let orgA: string;
let orgB: string;

beforeAll(async () => {
  ctx = await createTestApp();
  regionId = await testRegion(ctx.database.db);
  orgA = (await makeOrganisation(ctx.database.db)).id;
  orgB = (await makeOrganisation(ctx.database.db)).id;
});
afterAll(async () => ctx?.close());

const db = () => ctx.database.db;

/** A family with a contact person (org A, edit_plan), a reader of org B, a youth of 14, a parent, a confidant, and items of every disclosure class. */
async function portalFamily() {
  const f = await makeFamily(db(), { regionId, now: ctx.clock.now() });
  const contact = await loginAs(ctx, 'professional', { organisationId: orgA });
  await addToTeam(db(), f.family.id, contact.user!.person.id, orgA, { contact: true });
  const proB = await loginAs(ctx, 'professional', { organisationId: orgB });
  await addToTeam(db(), f.family.id, proB.user!.person.id, orgB);
  await giveConsent(db(), { familyId: f.family.id, memberId: f.child.id, organisationId: orgA, scopes: ['edit_plan', 'read_plan', 'journal'] });
  await giveConsent(db(), { familyId: f.family.id, memberId: f.child.id, organisationId: orgB, scopes: ['read_plan'] });
  const emails = {
    youth: await linkPortalAccount(ctx, f.child.id),
    parent: await linkPortalAccount(ctx, f.parent.id),
    confidant: await makeConfidant(ctx, f.family.id, f.child.id),
  };
  const tag = f.family.id.slice(0, 8);
  for (const d of DISCLOSURES) {
    await db().insert(journalNote).values({ familyId: f.family.id, authorPersonId: contact.user!.person.id, authorOrganisationId: orgA, visibility: 'team', body: `note-${d}-${tag}`, disclosure: d, youthMemberId: d === 'youth_own' ? f.child.id : null });
    await db().insert(wait).values({ familyId: f.family.id, serviceText: `wait-${d}-${tag}`, sinceOn: '2026-01-05', disclosure: d, youthMemberId: d === 'youth_own' ? f.child.id : null });
    await db().insert(atelier).values({ familyId: f.family.id, heldOn: '2026-02-01', ideas: `idea-${d}-${tag}`, disclosure: d, youthMemberId: d === 'youth_own' ? f.child.id : null });
  }
  return { ...f, contact, proB, emails, tag };
}

/** The text drawn on a pdf-lib PDF's pages: its content streams inflated, the hex strings of `Tj` decoded (WinAnsi ≈ latin1). */
function pdfText(pdf: Buffer): string {
  const raw = pdf.toString('latin1');
  const parts: string[] = [];
  const stream = /stream\r?\n/g;
  let m: RegExpExecArray | null;
  while ((m = stream.exec(raw))) {
    const start = m.index + m[0].length;
    const end = raw.indexOf('endstream', start);
    if (end < 0) break;
    try {
      const text = inflateSync(pdf.subarray(start, end)).toString('latin1');
      for (const tj of text.matchAll(/<([0-9A-Fa-f]*)>\s*Tj/g)) parts.push(Buffer.from(tj[1] ?? '', 'hex').toString('latin1'));
    } catch {
      // Not a deflated stream (fonts are embedded by name only): nothing to read.
    }
    stream.lastIndex = end + 'endstream'.length;
  }
  return parts.join('\n');
}

describe('my data as a readable document (PDF)', () => {
  const leftOut = { youth: ['confidential', 'third_party', 'court', 'agogic_exception'], parent: ['confidential', 'third_party', 'court', 'agogic_exception', 'youth_own'], confidant: ['confidential', 'third_party', 'court'] } as const;
  const shown = { youth: ['normal', 'youth_own'], parent: ['normal'], confidant: ['normal', 'youth_own', 'agogic_exception'] } as const;

  it('the youth downloads a PDF with their plan, consents, notes, waits and ateliers — and none of the excluded items; audited', async () => {
    const f = await portalFamily();
    const youth = await portalLogin(ctx, f.emails.youth);
    expect((await youth.post('/api/portal/plan/voice', { kind: 'goal', basedOn: 0, domain: 'school', text: 'Elke dag naar school' })).statusCode).toBe(201);
    await youth.post('/api/portal/objections', { personId: f.proB.user!.person.id });
    const res = await youth.get('/api/portal/export.pdf');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toMatch(/samenplan-mijn-gegevens-\d{4}-\d{2}-\d{2}\.pdf/);
    expect(res.headers['cache-control']).toContain('no-store');
    expect(res.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const doc = await PDFDocument.load(res.rawPayload);
    expect(doc.getTitle()).toContain('Mijn gegevens');
    expect(doc.getTitle()).toContain('Test Jongere');
    const text = pdfText(res.rawPayload);
    expect(text).toContain('Mijn gegevens');
    expect(text).toContain('Elke dag naar school');
    expect(text).toContain(`Bezwaar tegen ${f.proB.user!.person.name}`);
    for (const d of shown.youth) for (const kind of ['note', 'wait', 'idea']) expect(text).toContain(`${kind}-${d}-${f.tag}`);
    for (const d of leftOut.youth) for (const kind of ['note', 'wait', 'idea']) expect(text).not.toContain(`${kind}-${d}-`);
    await expectAudited(db(), 'portal.export', { familyId: f.family.id, details: { format: 'pdf' } });
  });

  it('a parent’s and a confidant’s document leave out what the JSON leaves out for them', async () => {
    const f = await portalFamily();
    for (const who of ['parent', 'confidant'] as const) {
      const client = await portalLogin(ctx, f.emails[who]);
      const json = (await client.get('/api/portal/export')).body;
      const res = await client.get('/api/portal/export.pdf');
      expect(res.statusCode).toBe(200);
      const text = pdfText(res.rawPayload);
      for (const d of shown[who]) {
        expect(text, `${who} sees ${d}`).toContain(`note-${d}-${f.tag}`);
        expect(json).toContain(`note-${d}-${f.tag}`);
      }
      for (const d of leftOut[who]) {
        for (const kind of ['note', 'wait', 'idea']) {
          expect(text, `${who} does not see ${d}`).not.toContain(`${kind}-${d}-`);
          expect(json).not.toContain(`${kind}-${d}-`);
        }
      }
    }
  });

  it('in English when the browser asks for it; long content runs over several pages', async () => {
    const f = await portalFamily();
    for (let i = 0; i < 60; i++) {
      await db().insert(journalNote).values({ familyId: f.family.id, authorPersonId: f.contact.user!.person.id, authorOrganisationId: orgA, visibility: 'team', body: `Lange notitie ${i} ${'woord '.repeat(40)}`, disclosure: 'normal' });
    }
    const youth = await portalLogin(ctx, f.emails.youth);
    const res = await youth.request({ method: 'GET', url: '/api/portal/export.pdf', headers: { 'accept-language': 'en' } });
    expect(res.statusCode).toBe(200);
    const doc = await PDFDocument.load(res.rawPayload);
    expect(doc.getPageCount()).toBeGreaterThan(2);
    const text = pdfText(res.rawPayload);
    expect(text).toContain('My data');
    expect(text).toContain('Lange notitie 59');
    expect(text).toContain(`Page 1 / ${doc.getPageCount()}`);
  });

  it('refused to professionals (403) and anonymous callers (401)', async () => {
    const f = await portalFamily();
    expect((await f.contact.client.get('/api/portal/export.pdf')).statusCode).toBe(403);
    expect((await new Client(ctx.app, freshIp()).get('/api/portal/export.pdf')).statusCode).toBe(401);
  });
});

describe('whose consent I may give', () => {
  it('a parent may give it for themselves and a child under 12, never for the youth of 12+; the youth only for themselves', async () => {
    const f = await portalFamily();
    const [young] = await db().insert(familyMember).values({ familyId: f.family.id, role: 'child', name: 'Klein Kind', birthDate: '2019-03-01' }).returning();
    const parent = await portalLogin(ctx, f.emails.parent);
    const youth = await portalLogin(ctx, f.emails.youth);
    expect((await parent.get('/api/portal/consents')).json().data.subjects).toEqual([
      { memberId: f.parent.id, name: 'Test Ouder' },
      { memberId: young!.id, name: 'Klein Kind' },
    ]);
    expect((await youth.get('/api/portal/consents')).json().data.subjects).toEqual([{ memberId: f.child.id, name: 'Test Jongere' }]);
    const confidant = await portalLogin(ctx, f.emails.confidant);
    expect((await confidant.get('/api/portal/consents')).json().data.subjects).toEqual([]);
  });
});

describe('the team sees what the family said through the portal', () => {
  it('objections, the family’s comments (with what they are about), their versions and agreement; behind the consent gate; audited', async () => {
    const f = await portalFamily();
    const youth = await portalLogin(ctx, f.emails.youth);
    const parent = await portalLogin(ctx, f.emails.parent);
    const url = `/api/families/${f.family.id}/portal-contributions`;

    const empty = ZPortalContributionsResponse.parse((await f.contact.client.get(url)).json()).data;
    expect(empty).toEqual({ objections: [], comments: [], versions: [], agreement: null });

    await youth.post('/api/portal/plan/voice', { kind: 'goal', basedOn: 0, domain: 'school', text: 'Naar school' });
    const goalKey = (await youth.get('/api/portal/plan')).json().data.current.content.goals[0].key as string;
    expect((await youth.post('/api/portal/plan/voice', { kind: 'comment', basedOn: 1, on: { kind: 'goal', key: goalKey }, text: 'Dit vind ik belangrijk' })).statusCode).toBe(201);
    expect((await parent.post('/api/portal/plan/voice', { kind: 'comment', basedOn: 2, text: 'Goed plan' })).statusCode).toBe(201);
    expect((await parent.post('/api/portal/plan/voice', { kind: 'agree', basedOn: 3 })).statusCode).toBe(201);
    expect((await youth.post('/api/portal/objections', { personId: f.proB.user!.person.id })).statusCode).toBe(201);

    const res = await f.contact.client.get(url);
    expect(res.statusCode, res.body).toBe(200);
    const data = ZPortalContributionsResponse.parse(res.json()).data;
    expect(data.objections).toEqual([expect.objectContaining({ member: 'Test Jongere', personId: f.proB.user!.person.id, person: f.proB.user!.person.name })]);
    expect(data.comments.map((c) => [c.text, c.member, c.on?.kind ?? null, c.on?.text ?? null])).toEqual([
      ['Dit vind ik belangrijk', 'Test Jongere', 'goal', 'Naar school'],
      ['Goed plan', 'Test Ouder', null, null],
    ]);
    expect(data.versions.map((v) => [v.number, v.member])).toEqual([[3, 'Test Ouder'], [2, 'Test Jongere'], [1, 'Test Jongere']]);
    expect(data.agreement?.version).toBe(3);
    await expectAudited(db(), 'portal.contributions.view', { familyId: f.family.id, details: { version: 3 } });

    // The person the youth objected to no longer opens the file; someone not on the team never did.
    expect((await f.proB.client.get(url)).statusCode).toBe(404);
    const outsider = await loginAs(ctx, 'professional', { organisationId: orgB });
    expect((await outsider.client.get(url)).statusCode).toBe(404);
    expect((await f.contact.client.get(`/api/families/not-a-uuid/portal-contributions`)).statusCode).toBe(400);
    expect((await f.contact.client.get(`/api/families/00000000-0000-4000-8000-000000000000/portal-contributions`)).statusCode).toBe(404);
    // A family login never passes a professional's route.
    expect((await youth.get(url)).statusCode).toBe(403);
  });

  it('the youth’s comment on an action reaches the team with the action’s text', async () => {
    const f = await portalFamily();
    const youth = await portalLogin(ctx, f.emails.youth);
    await youth.post('/api/portal/plan/voice', { kind: 'goal', basedOn: 0, domain: 'school', text: 'Naar school' });
    const plan = (await f.contact.client.get(`/api/families/${f.family.id}/plan`)).json().data;
    const { comments: _c, ...content } = plan.current.content;
    const actionKey = '5f8b8f3e-3f1e-4a8a-9d7e-0c3c2b1a0f11';
    const saved = await f.contact.client.request({
      method: 'PUT',
      url: `/api/families/${f.family.id}/plan`,
      payload: { basedOn: 1, summary: 'Actie', content: { ...content, actions: [{ key: actionKey, goalKey: content.goals[0].key, what: 'Wekker zetten', owner: { kind: 'member', memberId: f.child.id }, dueOn: null, status: 'planned' }] } },
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect((await youth.post('/api/portal/plan/voice', { kind: 'comment', basedOn: 2, on: { kind: 'action', key: actionKey }, text: 'Lukt me niet altijd' })).statusCode).toBe(201);
    // An action that is not in the plan: 422, nothing written.
    const wrong = await youth.post('/api/portal/plan/voice', { kind: 'comment', basedOn: 3, on: { kind: 'action', key: '00000000-0000-4000-8000-000000000000' }, text: 'x' });
    expect(wrong.statusCode).toBe(422);
    const data = ZPortalContributionsResponse.parse((await f.contact.client.get(`/api/families/${f.family.id}/portal-contributions`)).json()).data;
    expect(data.comments).toEqual([expect.objectContaining({ text: 'Lukt me niet altijd', on: { kind: 'action', key: actionKey, text: 'Wekker zetten' } })]);
    expect(data.versions[0]?.number).toBe(3);
  });
});
