import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestContext } from '../../../../tests/helpers/app.js';
import { makeOrganisation } from '../../../../tests/helpers/factories.js';
import { addToTeam, giveConsent, makeFamily, testRegion } from '../../../../tests/helpers/families.js';
import { loginAs } from '../../../../tests/helpers/login.js';
import type { Client } from '../../../../tests/helpers/session.js';
import { linkPortalAccount, portalLogin } from '../../../../tests/helpers/portal.js';
import { auditEvent } from '../../db/schema/index.js';
import { ZPortalAccessResponse } from '../../../shared/schemas/portal.js';

/**
 * "Wie opende mijn dossier": the access log's keyset paging (`before` = the previous page's
 * nextCursor), as "Meer laden" uses it — no duplicates, no gaps, a stable order also for accesses
 * in the same instant, and a new access during paging does not shift the later pages.
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
type Entry = ReturnType<typeof ZPortalAccessResponse.parse>['data']['items'][number];
const sig = (e: Entry) => `${e.at}|${e.who}|${e.action}`;

async function page(client: Client, query: string) {
  const res = await client.get(`/api/portal/access-log${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return ZPortalAccessResponse.parse(res.json()).data;
}

/** Every page from the first, `limit` at a time, following nextCursor; `between` runs after the first page. */
async function allPages(client: Client, limit: number, between?: () => Promise<void>) {
  const pages: Entry[][] = [];
  let cursor: number | null | undefined;
  do {
    const p = await page(client, `?limit=${limit}${cursor ? `&before=${cursor}` : ''}`);
    pages.push(p.items);
    if (pages.length === 1 && between) await between();
    cursor = p.nextCursor;
    expect(pages.length).toBeLessThan(100);
  } while (cursor !== null);
  return pages;
}

describe('who opened my file: paging', () => {
  let youth: Client;
  let contact: Awaited<ReturnType<typeof loginAs>>;
  let colleague: Awaited<ReturnType<typeof loginAs>>;
  let familyId: string;
  let burstAt: Date;
  const BURST = ['family.view', 'plan.view', 'journal.list', 'family.view', 'plan.view', 'journal.list'];

  beforeAll(async () => {
    const f = await makeFamily(db(), { regionId, now: ctx.clock.now() });
    familyId = f.family.id;
    contact = await loginAs(ctx, 'professional', { organisationId: orgA });
    colleague = await loginAs(ctx, 'professional', { organisationId: orgA });
    for (const p of [contact, colleague]) await addToTeam(db(), familyId, p.user!.person.id, orgA, { contact: p === contact });
    await giveConsent(db(), { familyId, memberId: f.child.id, organisationId: orgA, scopes: ['edit_plan', 'read_plan', 'journal'] });
    youth = await portalLogin(ctx, await linkPortalAccount(ctx, f.child.id));
    // 21 accesses through the API (family, plan, journal by turns) …
    const urls = [`/api/families/${familyId}`, `/api/families/${familyId}/plan`, `/api/families/${familyId}/journal`];
    for (let i = 0; i < 21; i++) expect((await contact.client.get(urls[i % 3]!)).statusCode).toBe(200);
    // … six in one and the same instant (two people, three kinds: told apart only by their order) …
    burstAt = new Date();
    for (const [i, action] of BURST.entries()) {
      const who = i % 2 === 0 ? contact : colleague;
      await db().insert(auditEvent).values({ occurredAt: burstAt, actorPersonId: who.user!.person.id, organisationId: orgA, action, resourceType: 'family', resourceId: familyId, familyId, outcome: 'success' });
    }
    // … and three more through the API.
    for (let i = 0; i < 3; i++) expect((await colleague.client.get(urls[i]!)).statusCode).toBe(200);
  });

  it('pages of 4 add up to the whole log: every access once, newest first, the same-instant accesses in a stable order', async () => {
    const whole = await page(youth, '?limit=200');
    expect(whole.nextCursor).toBeNull();
    expect(whole.items).toHaveLength(30);
    // Newest first: the last three API reads, then the burst (its last insert first), then the first 21.
    expect(whole.items.slice(0, 3).every((e) => e.who === colleague.user!.person.name)).toBe(true);
    const burst = whole.items.slice(3, 9);
    expect(burst.every((e) => e.at === burstAt.toISOString())).toBe(true);
    expect(burst.map((e) => e.action)).toEqual([...BURST].reverse());
    expect(burst.map((e) => e.who)).toEqual(BURST.map((_, i) => (i % 2 === 0 ? contact : colleague).user!.person.name).reverse());
    const times = whole.items.map((e) => e.at);
    expect([...times].sort().reverse()).toEqual(times);

    const pages = await allPages(youth, 4);
    expect(pages.map((p) => p.length)).toEqual([4, 4, 4, 4, 4, 4, 4, 2]);
    // The burst is split over pages 1–3 and still comes out in the same order, nothing twice, nothing missing.
    expect(pages.flat().map(sig)).toEqual(whole.items.map(sig));
    expect(pages.flat()).toEqual(whole.items);
    // Asking again gives the very same pages.
    expect(await allPages(youth, 4)).toEqual(pages);
  });

  it('the default page is 50; a short log has no next page', async () => {
    const first = await page(youth, '');
    expect(first.items).toHaveLength(30);
    expect(first.nextCursor).toBeNull();
  });

  it('an access while paging does not shift the later pages; it shows at the top when the log is opened again', async () => {
    const before = (await page(youth, '?limit=200')).items;
    const pages = await allPages(youth, 7, async () => {
      expect((await contact.client.get(`/api/families/${familyId}/plan`)).statusCode).toBe(200);
    });
    expect(pages.flat()).toEqual(before);
    const again = (await page(youth, '?limit=200')).items;
    expect(again).toHaveLength(before.length + 1);
    expect(again[0]).toMatchObject({ who: contact.user!.person.name, action: 'plan.view' });
    expect(again.slice(1)).toEqual(before);
  });

  it('a cursor past the end gives an empty last page; bad paging input is a 400', async () => {
    const last = await page(youth, '?limit=200');
    const tail = await page(youth, '?limit=5&before=1');
    expect(tail).toMatchObject({ items: [], nextCursor: null });
    expect(last.overrides).toEqual(tail.overrides);
    for (const q of ['?before=0', '?before=-3', '?before=abc', '?before=1.5', '?limit=0', '?limit=201', `?before=${'9'.repeat(20)}`]) {
      const res = await youth.get(`/api/portal/access-log${q}`);
      expect(res.statusCode, q).toBe(400);
      expect(res.json().error.code).toBe('validation_failed');
    }
  });

  it('another family’s youth pages through their own log, never these accesses; a professional cannot page it', async () => {
    const other = await makeFamily(db(), { regionId, now: ctx.clock.now() });
    const otherYouth = await portalLogin(ctx, await linkPortalAccount(ctx, other.child.id));
    const theirs = await allPages(otherYouth, 4);
    expect(theirs.flat()).toEqual([]);
    expect((await contact.client.get('/api/portal/access-log?limit=4&before=10')).statusCode).toBe(403);
  });
});
