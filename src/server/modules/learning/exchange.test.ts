import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestApp, type TestContext } from '../../../../tests/helpers/app.js';
import { expectAudited } from '../../../../tests/helpers/audit.js';
import { makeOrganisation } from '../../../../tests/helpers/factories.js';
import { loginAs, type LoggedIn } from '../../../../tests/helpers/login.js';
import { brusselsDate, addDays } from '../../platform/clock.js';
import { learningExchangeRequest, mailOutbox, organisationSector, sector } from '../../db/schema/index.js';
import {
  ZExchangeMatrixResponse,
  ZExchangeRequestListResponse,
  ZExchangeRequestResponse,
  ZOfferListResponse,
  ZOfferResponse,
} from '../../../shared/schemas/exchange.js';

let ctx: TestContext;
let orgA: string; // the host
let orgB: string; // the visitors' organisation
let hostAdmin: LoggedIn;
let hostAdmin2: LoggedIn;
let hostPro: LoggedIn;
let visitor: LoggedIn;
let visitorAdmin: LoggedIn;
let coordinator: LoggedIn;
let admin: LoggedIn;
let hostSector: string;
let otherHostSector: string;
let visitorSector: string;

const today = () => brusselsDate(ctx.clock.now());
const day = (n: number) => addDays(today(), n);
const post = (who: LoggedIn, url: string, payload: unknown) => who.client.post(url, payload as Record<string, unknown>);
const patch = (who: LoggedIn, url: string, payload: unknown) => who.client.request({ method: 'PATCH', url, payload: payload as Record<string, unknown> });
const put = (who: LoggedIn, url: string, payload: unknown) => who.client.request({ method: 'PUT', url, payload: payload as Record<string, unknown> });
const O = '/api/learning/exchanges/offers';
const R = '/api/learning/exchanges/requests';

async function createOffer(over: Record<string, unknown> = {}, who: LoggedIn = hostAdmin) {
  const res = await post(who, O, { organisationId: orgA, sector: hostSector, team: 'Leefgroep De Brug', description: 'Een dag meedraaien in de leefgroep: ochtendoverleg, begeleiding, teamvergadering.', dates: [day(10), day(3), day(17)], visitorsPerDay: 2, ...over });
  expect(res.statusCode, res.body).toBe(201);
  return ZOfferResponse.parse(res.json()).data;
}

async function ask(who: LoggedIn, offerId: string, d: string, motivation = 'Ik wil zien hoe jullie met crisissen omgaan.') {
  const res = await post(who, `${O}/${offerId}/requests`, { day: d, motivation });
  expect(res.statusCode, res.body).toBe(201);
  return ZExchangeRequestResponse.parse(res.json()).data;
}

async function act(who: LoggedIn, requestId: string, step: string, body: Record<string, unknown>) {
  return post(who, `${R}/${requestId}/${step}`, body);
}

/** The visit day passes (the sessions of the test callers would not survive moving the clock by days). */
async function dayPasses(requestId: string, d = day(-1)) {
  await ctx.database.db.update(learningExchangeRequest).set({ day: d }).where(eq(learningExchangeRequest.id, requestId));
}

beforeAll(async () => {
  ctx = await createTestApp();
  const db = ctx.database.db;
  orgA = (await makeOrganisation(db)).id;
  orgB = (await makeOrganisation(db)).id;
  const sectors = await db.select({ id: sector.id, code: sector.code }).from(sector).orderBy(sector.position);
  expect(sectors.length).toBeGreaterThanOrEqual(3);
  const [s1, s2, s3] = sectors as [{ id: string; code: string }, { id: string; code: string }, { id: string; code: string }];
  hostSector = s1.code;
  otherHostSector = s2.code;
  visitorSector = s3.code;
  await db.insert(organisationSector).values([
    { organisationId: orgA, sectorId: s1.id },
    { organisationId: orgA, sectorId: s2.id },
    { organisationId: orgB, sectorId: s3.id },
  ]);
  hostAdmin = await loginAs(ctx, 'org-admin', { organisationId: orgA });
  hostAdmin2 = await loginAs(ctx, 'org-admin', { organisationId: orgA });
  hostPro = await loginAs(ctx, 'professional', { organisationId: orgA });
  visitor = await loginAs(ctx, 'professional', { organisationId: orgB });
  visitorAdmin = await loginAs(ctx, 'org-admin', { organisationId: orgB });
  coordinator = await loginAs(ctx, 'network-coordinator');
  admin = await loginAs(ctx, 'platform-admin');
});
afterAll(() => ctx.close());

describe('host offers', () => {
  it('an organisation admin publishes an offer; it is audited; everyone with a session lists and opens it', async () => {
    const o = await createOffer();
    expect(o).toMatchObject({ organisationId: orgA, sector: hostSector, team: 'Leefgroep De Brug', visitorsPerDay: 2, status: 'published', version: 1 });
    expect(o.dates).toEqual([day(3), day(10), day(17)]);
    await expectAudited(ctx.database.db, 'learning.exchange.offer.create', { resourceType: 'learning_exchange_offer', resourceId: o.id, outcome: 'success', actorPersonId: hostAdmin.user?.person.id });
    for (const who of [visitor, hostPro, coordinator, admin]) {
      const got = await who.client.get(`${O}/${o.id}`);
      expect(got.statusCode).toBe(200);
    }
    expect(ZOfferResponse.parse((await visitor.client.get(`${O}/${o.id}`)).json()).abilities).toEqual({ view: true, update: false, request: true });
    expect(ZOfferResponse.parse((await hostPro.client.get(`${O}/${o.id}`)).json()).abilities).toEqual({ view: true, update: false, request: false });
    expect(ZOfferResponse.parse((await hostAdmin.client.get(`${O}/${o.id}`)).json()).abilities).toEqual({ view: true, update: true, request: false });
    const list = ZOfferListResponse.parse((await visitor.client.get(`${O}?limit=100&sector=${hostSector}`)).json());
    expect(list.data.items.map((i) => i.id)).toContain(o.id);
    const otherSector = ZOfferListResponse.parse((await visitor.client.get(`${O}?limit=100&sector=${visitorSector}`)).json());
    expect(otherSector.data.items.map((i) => i.id)).not.toContain(o.id);
    const later = ZOfferListResponse.parse((await visitor.client.get(`${O}?limit=100&from=${day(18)}`)).json());
    expect(later.data.items.map((i) => i.id)).not.toContain(o.id);
    const soon = ZOfferListResponse.parse((await visitor.client.get(`${O}?limit=100&from=${day(17)}`)).json());
    expect(soon.data.items.map((i) => i.id)).toContain(o.id);
  });

  it('pages with a keyset cursor', async () => {
    for (const t of ['Aa-team 1', 'Aa-team 2', 'Aa-team 3']) await createOffer({ team: t });
    const first = ZOfferListResponse.parse((await visitor.client.get(`${O}?limit=2`)).json());
    expect(first.data.items).toHaveLength(2);
    expect(first.data.nextCursor).not.toBeNull();
    const second = ZOfferListResponse.parse((await visitor.client.get(`${O}?limit=2&cursor=${first.data.nextCursor}`)).json());
    expect(second.data.items[0]?.id).not.toBe(first.data.items[1]?.id);
    expect((await visitor.client.get(`${O}?cursor=rommel`)).statusCode).toBe(400);
  });

  it('refuses other organisations, other roles, a sector the organisation does not work in and bad input (Dutch, field paths)', async () => {
    expect((await post(visitorAdmin, O, { organisationId: orgA, sector: hostSector, team: 'Kaping', description: 'x', dates: [day(5)], visitorsPerDay: 1 })).statusCode).toBe(403);
    expect((await post(visitor, O, { organisationId: orgB, sector: visitorSector, team: 'Mijn team', description: 'x', dates: [day(5)], visitorsPerDay: 1 })).statusCode).toBe(403);
    expect((await post(coordinator, O, { organisationId: orgA, sector: hostSector, team: 'Team', description: 'x', dates: [day(5)], visitorsPerDay: 1 })).statusCode).toBe(403);
    const wrongSector = await post(hostAdmin, O, { organisationId: orgA, sector: visitorSector, team: 'Team', description: 'x', dates: [day(5)], visitorsPerDay: 1 });
    expect(wrongSector.statusCode).toBe(400);
    expect(wrongSector.json().error.message).toMatch(/sector/);
    expect(wrongSector.json().error.details[0].path).toBe('body.sector');
    const base = { organisationId: orgA, sector: hostSector, team: 'Team', description: 'Omschrijving', dates: [day(5)], visitorsPerDay: 1 };
    const cases: [Record<string, unknown>, string][] = [
      [{ team: 'Team\u0000X' }, 'body.team'],
      [{ description: 'a\u0000b' }, 'body.description'],
      [{ visitorsPerDay: 0 }, 'body.visitorsPerDay'],
      [{ visitorsPerDay: 2 ** 31 }, 'body.visitorsPerDay'],
      [{ dates: [] }, 'body.dates'],
      [{ dates: ['2026-02-30'] }, 'body.dates.0'],
      [{ dates: [day(5), day(5)] }, 'body.dates'],
      [{ sector: 'x\u0000' }, 'body.sector'],
    ];
    for (const [over, path] of cases) {
      const res = await post(hostAdmin, O, { ...base, ...over });
      expect(res.statusCode, `${JSON.stringify(over)}: ${res.body}`).toBe(400);
      expect(res.json().error.details.map((d: { path: string }) => d.path)).toContain(path);
    }
  });

  it('changes with the version (stale: 409), only by the host; withdraws; a withdrawn offer is 404 for others', async () => {
    const o = await createOffer();
    expect((await patch(visitor, `${O}/${o.id}`, { version: 1, team: 'Gekaapt' })).statusCode).toBe(403);
    expect((await patch(visitorAdmin, `${O}/${o.id}`, { version: 1, team: 'Gekaapt' })).statusCode).toBe(403);
    const ok = await patch(hostAdmin, `${O}/${o.id}`, { version: 1, sector: otherHostSector, visitorsPerDay: 3 });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ZOfferResponse.parse(ok.json()).data).toMatchObject({ sector: otherHostSector, visitorsPerDay: 3, version: 2 });
    const stale = await patch(hostAdmin2, `${O}/${o.id}`, { version: 1, team: 'Oud' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('version_conflict');
    await expectAudited(ctx.database.db, 'learning.exchange.offer.update', { resourceId: o.id });
    expect((await post(hostAdmin, `${O}/${o.id}/withdraw`, { version: 1 })).statusCode).toBe(409);
    const w = await post(hostAdmin, `${O}/${o.id}/withdraw`, { version: 2 });
    expect(w.statusCode, w.body).toBe(200);
    expect(ZOfferResponse.parse(w.json()).data.status).toBe('withdrawn');
    await expectAudited(ctx.database.db, 'learning.exchange.offer.withdraw', { resourceId: o.id });
    expect((await visitor.client.get(`${O}/${o.id}`)).statusCode).toBe(404);
    expect((await post(visitor, `${O}/${o.id}/requests`, { day: day(3), motivation: 'x' })).statusCode).toBe(404);
    expect(ZOfferListResponse.parse((await visitor.client.get(`${O}?limit=100`)).json()).data.items.map((i) => i.id)).not.toContain(o.id);
    expect((await hostAdmin.client.get(`${O}/${o.id}`)).statusCode).toBe(200);
    expect((await patch(hostAdmin, `${O}/${o.id}`, { version: 3, team: 'Terug' })).statusCode).toBe(403);
  });
});

describe('requests and the status flow', () => {
  it('a professional asks; the host accepts; mails go to the other side; both read it; strangers get 404', async () => {
    const o = await createOffer();
    const r = await ask(visitor, o.id, day(3));
    expect(r).toMatchObject({ status: 'requested', day: day(3), proposedDay: null, hostOrganisationId: orgA, visitorOrganisationId: orgB, visitorSector, hostSector, version: 1 });
    await expectAudited(ctx.database.db, 'learning.exchange.request.create', { resourceId: r.id, actorPersonId: visitor.user?.person.id });
    const hostMail = await ctx.database.db.select().from(mailOutbox).where(eq(mailOutbox.recipient, hostAdmin.user?.person.email ?? ''));
    expect(hostMail.some((m) => m.subject.includes('Leefgroep De Brug'))).toBe(true);
    expect(ZExchangeRequestResponse.parse((await hostAdmin.client.get(`${R}/${r.id}`)).json()).abilities).toEqual({ view: true, host: true, visit: false });
    expect(ZExchangeRequestResponse.parse((await visitor.client.get(`${R}/${r.id}`)).json()).abilities).toEqual({ view: true, host: false, visit: true });
    for (const who of [hostPro, visitorAdmin, coordinator, admin]) expect((await who.client.get(`${R}/${r.id}`)).statusCode).toBe(404);
    expect((await act(visitorAdmin, r.id, 'accept', { version: 1 })).statusCode).toBe(404);
    // The visitor cannot accept their own request.
    expect((await act(visitor, r.id, 'accept', { version: 1 })).statusCode).toBe(403);
    const accepted = await act(hostAdmin, r.id, 'accept', { version: 1 });
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(ZExchangeRequestResponse.parse(accepted.json()).data).toMatchObject({ status: 'accepted', day: day(3), version: 2 });
    await expectAudited(ctx.database.db, 'learning.exchange.request.accept', { resourceId: r.id, actorPersonId: hostAdmin.user?.person.id });
    const visitorMail = await ctx.database.db.select().from(mailOutbox).where(eq(mailOutbox.recipient, visitor.user?.person.email ?? ''));
    expect(visitorMail.some((m) => m.subject.startsWith('Je bent welkom'))).toBe(true);
    const mine = ZExchangeRequestListResponse.parse((await visitor.client.get(`${R}?side=visitor`)).json());
    expect(mine.data.items.map((i) => i.id)).toContain(r.id);
    const hosted = ZExchangeRequestListResponse.parse((await hostAdmin2.client.get(`${R}?side=host&status=accepted`)).json());
    expect(hosted.data.items.map((i) => i.id)).toContain(r.id);
    expect(ZExchangeRequestListResponse.parse((await hostPro.client.get(R)).json()).data.items.map((i) => i.id)).not.toContain(r.id);
    // Finished steps are refused in Dutch.
    const again = await act(hostAdmin, r.id, 'decline', { version: 2 });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toMatch(/aanvaard; dat kan nu niet meer/);
  });

  it('the host proposes another day; the visitor accepts it; a proposal can also be declined; the visitor cancels', async () => {
    const o = await createOffer();
    const r = await ask(visitor, o.id, day(4), 'Een dag die niet in het aanbod staat.');
    expect((await act(hostAdmin, r.id, 'propose', { version: 1, day: day(4) })).statusCode).toBe(400);
    expect((await act(hostAdmin, r.id, 'propose', { version: 1, day: day(-1) })).statusCode).toBe(400);
    const p = await act(hostAdmin, r.id, 'propose', { version: 1, day: day(10) });
    expect(p.statusCode, p.body).toBe(200);
    expect(ZExchangeRequestResponse.parse(p.json()).data).toMatchObject({ status: 'proposed', day: day(4), proposedDay: day(10) });
    // Now it is the visitor's turn: the host cannot accept the own proposal.
    expect((await act(hostAdmin, r.id, 'accept', { version: 2 })).statusCode).toBe(403);
    expect((await act(visitor, r.id, 'accept', { version: 1 })).statusCode).toBe(409);
    const a = await act(visitor, r.id, 'accept', { version: 2 });
    expect(a.statusCode, a.body).toBe(200);
    expect(ZExchangeRequestResponse.parse(a.json()).data).toMatchObject({ status: 'accepted', day: day(10), proposedDay: null, version: 3 });
    const hostMail = await ctx.database.db.select().from(mailOutbox).where(eq(mailOutbox.recipient, hostAdmin2.user?.person.email ?? ''));
    expect(hostMail.some((m) => m.subject.startsWith('Voorstel aanvaard'))).toBe(true);

    const r2 = await ask(visitor, o.id, day(3));
    await act(hostAdmin, r2.id, 'propose', { version: 1, day: day(17) });
    const d = await act(visitor, r2.id, 'decline', { version: 2 });
    expect(ZExchangeRequestResponse.parse(d.json()).data.status).toBe('declined');
    await expectAudited(ctx.database.db, 'learning.exchange.request.decline', { resourceId: r2.id, actorPersonId: visitor.user?.person.id });
    expect((await act(visitor, r2.id, 'cancel', { version: 3 })).statusCode).toBe(409);

    const r3 = await ask(visitor, o.id, day(3));
    expect((await act(hostAdmin, r3.id, 'cancel', { version: 1 })).statusCode).toBe(403);
    const c = await act(visitor, r3.id, 'cancel', { version: 1 });
    expect(ZExchangeRequestResponse.parse(c.json()).data.status).toBe('cancelled');
    const host = await ctx.database.db.select().from(mailOutbox).where(eq(mailOutbox.recipient, hostAdmin.user?.person.email ?? ''));
    expect(host.some((m) => m.subject.startsWith('Aanvraag geannuleerd'))).toBe(true);

    const r4 = await ask(visitor, o.id, day(3));
    const dec = await act(hostAdmin, r4.id, 'decline', { version: 1 });
    expect(ZExchangeRequestResponse.parse(dec.json()).data.status).toBe('declined');
    expect((await act(hostAdmin, r4.id, 'accept', { version: 2 })).statusCode).toBe(409);
  });

  it('refuses asking one\'s own organisation, past days, NUL bytes, unknown and another organisation\'s ids', async () => {
    const o = await createOffer();
    const own = await post(hostPro, `${O}/${o.id}/requests`, { day: day(3), motivation: 'Bij mezelf' });
    expect(own.statusCode).toBe(403);
    expect(own.json().error.message).toMatch(/eigen organisatie/);
    expect((await post(hostAdmin, `${O}/${o.id}/requests`, { day: day(3), motivation: 'Bij mezelf' })).statusCode).toBe(403);
    expect((await post(coordinator, `${O}/${o.id}/requests`, { day: day(3), motivation: 'Zonder organisatie' })).statusCode).toBe(403);
    const past = await post(visitor, `${O}/${o.id}/requests`, { day: today(), motivation: 'Vandaag' });
    expect(past.statusCode).toBe(400);
    expect(past.json().error.details[0].path).toBe('body.day');
    const nul = await post(visitor, `${O}/${o.id}/requests`, { day: day(3), motivation: 'a\u0000b' });
    expect(nul.statusCode).toBe(400);
    expect(nul.json().error.details.map((d: { path: string }) => d.path)).toContain('body.motivation');
    expect((await post(visitor, `${O}/${o.id}/requests`, { day: day(3), motivation: 'x', organisationId: orgA })).statusCode).toBe(400);
    const first = await ask(visitor, o.id, day(10));
    const twice = await post(visitor, `${O}/${o.id}/requests`, { day: day(10), motivation: 'Nog eens' });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.message).toMatch(/al aan/);
    await act(visitor, first.id, 'cancel', { version: 1 });
    await ask(visitor, o.id, day(10), 'Toch wel');
    expect((await post(visitor, `${O}/00000000-0000-4000-8000-000000000000/requests`, { day: day(3), motivation: 'x' })).statusCode).toBe(404);
    expect((await visitor.client.get(`${O}/niet-een-uuid`)).statusCode).toBe(400);
    expect((await act(hostAdmin, '00000000-0000-4000-8000-000000000000', 'accept', { version: 1 })).statusCode).toBe(404);
    expect((await act(hostAdmin, (await ask(visitor, o.id, day(3))).id, 'accept', { version: 2 ** 31 })).statusCode).toBe(400);
  });

  it('parallel accepts on one day never exceed the visitors per day; a smaller number per day is refused', async () => {
    const o = await createOffer({ visitorsPerDay: 2 });
    const visitors = await Promise.all(Array.from({ length: 6 }, () => loginAs(ctx, 'professional', { organisationId: orgB })));
    const requests = [];
    for (const v of visitors) requests.push(await ask(v, o.id, day(10)));
    const results = await Promise.all(requests.map((r, i) => act(i % 2 ? hostAdmin : hostAdmin2, r.id, 'accept', { version: 1 })));
    const codes = results.map((r) => r.statusCode).sort();
    expect(codes).toEqual([200, 200, 409, 409, 409, 409]);
    const full = results.find((r) => r.statusCode === 409);
    expect(full?.json().error.message).toMatch(/plaatsen voor bezoekers al ingenomen/);
    const accepted = await ctx.database.db.select().from(learningExchangeRequest).where(eq(learningExchangeRequest.offerId, o.id));
    expect(accepted.filter((r) => r.status === 'accepted' && r.day === day(10))).toHaveLength(2);
    const lower = await patch(hostAdmin, `${O}/${o.id}`, { version: 1, visitorsPerDay: 1 });
    expect(lower.statusCode).toBe(409);
    // Another day still has room.
    const other = await ask(visitors[0] as LoggedIn, o.id, day(17));
    expect((await act(hostAdmin, other.id, 'accept', { version: 1 })).statusCode).toBe(200);
  });
});

describe('reflections and the matrix', () => {
  it('after the visit day both sides write a reflection once; only its author edits it', async () => {
    const o = await createOffer();
    const r = await ask(visitor, o.id, day(3));
    await act(hostAdmin, r.id, 'accept', { version: 1 });
    const early = await put(visitor, `${R}/${r.id}/reflection`, { version: 2, text: 'Te vroeg' });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.message).toMatch(/na een aanvaarde bezoekdag/);
    await dayPasses(r.id);
    const v = await put(visitor, `${R}/${r.id}/reflection`, { version: 2, text: 'Boeiend: ik zag hoe de leefgroep een crisis opving.' });
    expect(v.statusCode, v.body).toBe(200);
    expect(ZExchangeRequestResponse.parse(v.json()).data).toMatchObject({ visitorReflection: 'Boeiend: ik zag hoe de leefgroep een crisis opving.', hostReflection: null, version: 3 });
    await expectAudited(ctx.database.db, 'learning.exchange.reflection.create', { resourceId: r.id, actorPersonId: visitor.user?.person.id });
    expect((await put(hostAdmin, `${R}/${r.id}/reflection`, { version: 2, text: 'Oud' })).statusCode).toBe(409);
    const h = await put(hostAdmin, `${R}/${r.id}/reflection`, { version: 3, text: 'Goede vragen over onze werking.' });
    expect(ZExchangeRequestResponse.parse(h.json()).data).toMatchObject({ hostReflection: 'Goede vragen over onze werking.', hostReflectionByName: hostAdmin.user?.person.name });
    const other = await put(hostAdmin2, `${R}/${r.id}/reflection`, { version: 4, text: 'Overschreven' });
    expect(other.statusCode).toBe(409);
    expect(other.json().error.message).toMatch(/alleen wie ze schreef/);
    const edit = await put(hostAdmin, `${R}/${r.id}/reflection`, { version: 4, text: 'Goede vragen; we nodigen hen opnieuw uit.' });
    expect(edit.statusCode).toBe(200);
    await expectAudited(ctx.database.db, 'learning.exchange.reflection.update', { resourceId: r.id, actorPersonId: hostAdmin.user?.person.id });
    expect((await put(hostPro, `${R}/${r.id}/reflection`, { version: 5, text: 'x' })).statusCode).toBe(404);
    expect((await put(visitor, `${R}/${r.id}/reflection`, { version: 5, text: 'a\u0000' })).statusCode).toBe(400);
  });

  it('the coordinator sees visits that took place this year as visitor sector × host sector; others may not', async () => {
    const before = ZExchangeMatrixResponse.parse((await coordinator.client.get('/api/learning/exchanges/matrix')).json()).data;
    const year = Number(today().slice(0, 4));
    expect(before.year).toBe(year);
    const o = await createOffer();
    const held = await ask(visitor, o.id, day(3));
    await act(hostAdmin, held.id, 'accept', { version: 1 });
    const upcoming = await ask(visitor, o.id, day(10));
    await act(hostAdmin, upcoming.id, 'accept', { version: 1 });
    const declined = await ask(visitor, o.id, day(17));
    await act(hostAdmin, declined.id, 'decline', { version: 1 });
    const firstOfYear = `${year}-01-01`;
    await dayPasses(held.id, today() === firstOfYear ? firstOfYear : day(-1));
    await dayPasses(declined.id);
    const after = ZExchangeMatrixResponse.parse((await coordinator.client.get(`/api/learning/exchanges/matrix?year=${year}`)).json()).data;
    const cell = (m: typeof after) => m.cells.find((c) => c.visitorSector === visitorSector && c.hostSector === hostSector)?.count ?? 0;
    if (today() !== firstOfYear) {
      expect(cell(after)).toBe(cell(before) + 1);
      expect(after.total).toBe(before.total + 1);
      expect(after.sectors.map((s) => s.code)).toEqual(expect.arrayContaining([visitorSector, hostSector]));
    }
    const lastYear = ZExchangeMatrixResponse.parse((await admin.client.get(`/api/learning/exchanges/matrix?year=${year - 1}`)).json()).data;
    expect(lastYear.year).toBe(year - 1);
    for (const who of [visitor, hostAdmin]) expect((await who.client.get('/api/learning/exchanges/matrix')).statusCode).toBe(403);
    expect((await coordinator.client.get('/api/learning/exchanges/matrix?year=99999999999')).statusCode).toBe(400);
  });
});
