import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestApp, type TestContext } from '../../../../tests/helpers/app.js';
import { expectAudited } from '../../../../tests/helpers/audit.js';
import { careFamily, type CareFamily } from '../../../../tests/helpers/care.js';
import type { LoggedIn } from '../../../../tests/helpers/login.js';
import { auditEvent, journalNote } from '../../db/schema/index.js';
import { ZJournalNoteResponse, ZJournalPageResponse } from '../../../shared/schemas/families/care.js';

let ctx: TestContext;
let f: CareFamily;
let contact: LoggedIn;
let colleague: LoggedIn;
let orgB: LoggedIn;

beforeAll(async () => {
  ctx = await createTestApp();
  f = await careFamily(ctx);
  contact = await f.as.contact();
  colleague = await f.as.colleague();
  orgB = await f.as.orgB();
});
afterAll(() => ctx.close());

const url = () => `/api/families/${f.familyId}/journal`;
const bodies = async (who: LoggedIn, query = '') => ZJournalPageResponse.parse((await who.client.get(`${url()}${query}`)).json()).data.items.map((n) => n.body);

describe('journal', () => {
  it('a note for the organisation only is seen by its own team members, not by another organisation’s; audited without content', async () => {
    const team = await colleague.client.post(url(), { body: 'Huisbezoek: het gaat beter met slapen.', visibility: 'team' });
    expect(team.statusCode).toBe(201);
    expect(ZJournalNoteResponse.parse(team.json()).data).toMatchObject({ visibility: 'team', authorOrganisationId: f.orgA, disclosure: 'normal' });
    const own = await colleague.client.post(url(), { body: 'Intern: vermoeden van schulden, eerst bespreken met de teamleider.', visibility: 'organisation' });
    expect(own.statusCode).toBe(201);
    const ownId = ZJournalNoteResponse.parse(own.json()).data.id;

    expect(await bodies(contact)).toEqual(expect.arrayContaining(['Huisbezoek: het gaat beter met slapen.', 'Intern: vermoeden van schulden, eerst bespreken met de teamleider.']));
    const seenByB = await bodies(orgB);
    expect(seenByB).toContain('Huisbezoek: het gaat beter met slapen.');
    expect(seenByB).not.toContain('Intern: vermoeden van schulden, eerst bespreken met de teamleider.');

    const added = await expectAudited(ctx.database.db, 'journal.add', { familyId: f.familyId, resourceId: ownId, details: { visibility: 'organisation' } });
    expect(JSON.stringify(added.details)).not.toContain('schulden');
    await expectAudited(ctx.database.db, 'journal.list', { familyId: f.familyId, actorPersonId: f.users.orgB.person.id });
    const rows = await ctx.database.db.select().from(auditEvent).where(eq(auditEvent.familyId, f.familyId));
    expect(JSON.stringify(rows)).not.toContain('schulden');
  });

  it('pages newest first without skipping or repeating notes written in the same instant', async () => {
    const other = await careFamily(ctx, { regionId: f.regionId });
    const writer = await other.as.colleague();
    const u = `/api/families/${other.familyId}/journal`;
    for (let i = 1; i <= 5; i++) {
      expect((await writer.client.post(u, { body: `Notitie ${i}`, visibility: 'team' })).statusCode).toBe(201);
      if (i === 3) ctx.clock.advance(1000);
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res = await writer.client.get(`${u}?limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      const page = ZJournalPageResponse.parse(res.json());
      seen.push(...page.data.items.map((n) => n.body));
      cursor = page.data.nextCursor;
      pages++;
    } while (cursor && pages < 10);
    expect(pages).toBe(3);
    expect(seen).toHaveLength(5);
    expect(new Set(seen).size).toBe(5);
    expect(seen.slice(0, 2).sort()).toEqual(['Notitie 4', 'Notitie 5']);
    expect((await writer.client.get(`${u}?cursor=niet-een-cursor`)).statusCode).toBe(400);
  });

  it('refusals: withdrawn consent, not on the team, coordinator and platform admin → 404; nothing written', async () => {
    const before = (await ctx.database.db.select().from(journalNote).where(eq(journalNote.familyId, f.familyId))).length;
    for (const who of [await f.as.withdrawn(), await f.as.outsider(), await f.as.coordinator(), await f.as.platformAdmin()]) {
      expect((await who.client.get(url())).statusCode).toBe(404);
      expect((await who.client.post(url(), { body: 'Mag niet', visibility: 'team' })).statusCode).toBe(404);
    }
    expect((await ctx.database.db.select().from(journalNote).where(eq(journalNote.familyId, f.familyId))).length).toBe(before);
  });

  it('bad input is a 400 and changes nothing', async () => {
    const before = (await ctx.database.db.select().from(journalNote).where(eq(journalNote.familyId, f.familyId))).length;
    expect((await colleague.client.post(url(), { body: '   ', visibility: 'team' })).statusCode).toBe(400);
    expect((await colleague.client.post(url(), { body: 'Tekst', visibility: 'iedereen' })).statusCode).toBe(400);
    expect((await colleague.client.post(url(), { body: 'Tekst', visibility: 'team', authorOrganisationId: f.orgB })).statusCode).toBe(400);
    expect((await colleague.client.post(url(), { body: 'x'.repeat(10_001), visibility: 'team' })).statusCode).toBe(400);
    expect((await ctx.database.db.select().from(journalNote).where(eq(journalNote.familyId, f.familyId))).length).toBe(before);
  });
});
