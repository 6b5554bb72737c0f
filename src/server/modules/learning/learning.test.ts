import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fc } from '@fast-check/vitest';
import { eq, inArray } from 'drizzle-orm';
import { PDFDocument } from 'pdf-lib';
import { createTestApp, type TestContext } from '../../../../tests/helpers/app.js';
import { expectAudited, expectNotAudited } from '../../../../tests/helpers/audit.js';
import { makeOrganisation } from '../../../../tests/helpers/factories.js';
import { loginAs, type LoggedIn } from '../../../../tests/helpers/login.js';
import { learningEvent, learningRegistration, learningSeat, learningSession, mailOutbox, person } from '../../db/schema/index.js';
import {
  ZEventListResponse,
  ZEventResponse,
  ZMyRegistrationResponse,
  ZRegistrationListResponse,
  ZRegistrationResponse,
  ZSessionListResponse,
  ZSessionResponse,
} from '../../../shared/schemas/learning.js';

let ctx: TestContext;
let orgA: string;
let orgB: string;
let admin: LoggedIn;
let coordinator: LoggedIn;
let orgAdminA: LoggedIn;
let orgAdminB: LoggedIn;
let pro: LoggedIn;

const iso = (offsetMs: number) => new Date(ctx.clock.now().getTime() + offsetMs).toISOString();
const DAY = 86_400_000;
const patch = (who: LoggedIn, url: string, payload: unknown) => who.client.request({ method: 'PATCH', url, payload: payload as Record<string, unknown> });

function eventInput(over: Record<string, unknown> = {}) {
  return {
    kind: 'network_day',
    title: 'Netwerkdag 5 december',
    description: 'Plenair in de voormiddag, drie ateliers in de namiddag.',
    organiserName: 'IROJ Oost-Vlaanderen',
    audienceRoles: ['education_ambassador', 'group_care_worker', 'teacher', 'parent'],
    audienceSectors: ['clb', 'onderwijs'],
    date: '2026-12-05',
    startsAt: '09:00',
    endsAt: '16:30',
    place: 'ICC Gent',
    feeCents: 1000,
    totalCostCents: 30_000,
    funder: 'IROJ',
    registrationOpensAt: iso(-DAY),
    registrationClosesAt: iso(30 * DAY),
    status: 'published',
    ...over,
  };
}

async function createEvent(who: LoggedIn = coordinator, over: Record<string, unknown> = {}) {
  const res = await who.client.post('/api/learning/events', eventInput(over));
  expect(res.statusCode, res.body).toBe(201);
  return ZEventResponse.parse(res.json()).data;
}

async function createSession(eventId: string, over: Record<string, unknown> = {}, who: LoggedIn = coordinator) {
  const res = await who.client.post(`/api/learning/events/${eventId}/sessions`, { title: 'Plenaire opening', room: 'Zaal A', kind: 'plenary', startsAt: '09:00', endsAt: '12:00', capacity: 200, ...over });
  expect(res.statusCode, res.body).toBe(201);
  return ZSessionResponse.parse(res.json()).data;
}

async function register(who: LoggedIn, eventId: string, sessionIds: string[]) {
  const res = await who.client.post(`/api/learning/events/${eventId}/registrations`, { sessionIds });
  expect(res.statusCode, res.body).toBe(201);
  return ZRegistrationResponse.parse(res.json()).data;
}

beforeAll(async () => {
  ctx = await createTestApp();
  orgA = (await makeOrganisation(ctx.database.db)).id;
  orgB = (await makeOrganisation(ctx.database.db)).id;
  admin = await loginAs(ctx, 'platform-admin');
  coordinator = await loginAs(ctx, 'network-coordinator');
  orgAdminA = await loginAs(ctx, 'org-admin', { organisationId: orgA });
  orgAdminB = await loginAs(ctx, 'org-admin', { organisationId: orgB });
  pro = await loginAs(ctx, 'professional', { organisationId: orgA });
});
afterAll(() => ctx.close());

describe('events', () => {
  it('a coordinator creates a published event; it is audited; a professional sees it in the list and opens it', async () => {
    const e = await createEvent();
    expect(e).toMatchObject({ title: 'Netwerkdag 5 december', startsAt: '09:00', endsAt: '16:30', status: 'published', organiserOrganisationId: null, version: 1 });
    expect(e.costSplit).toEqual({ participants: 0, feeCents: 1000, participantsPayCents: 0, totalCostCents: 30_000, funderPaysCents: 30_000, funder: 'IROJ' });
    await expectAudited(ctx.database.db, 'learning.event.create', { resourceType: 'learning_event', resourceId: e.id, outcome: 'success', actorPersonId: coordinator.user?.person.id });
    const got = await pro.client.get(`/api/learning/events/${e.id}`);
    expect(got.statusCode).toBe(200);
    expect(ZEventResponse.parse(got.json()).abilities).toEqual({ view: true, update: false, manage: false, register: true });
    const list = ZEventListResponse.parse((await pro.client.get('/api/learning/events?limit=100')).json());
    expect(list.data.items.map((i) => i.id)).toContain(e.id);
  });

  it('an organisation admin creates events of their own organisation only; a draft stays hidden from others (404)', async () => {
    const mine = await createEvent(orgAdminA, { organiserOrganisationId: orgA, organiserName: '', status: 'draft', kind: 'training', title: 'Training Cachet' });
    expect(mine.organiserOrganisationName).not.toBeNull();
    const foreign = await orgAdminA.client.post('/api/learning/events', eventInput({ organiserOrganisationId: orgB }));
    expect(foreign.statusCode).toBe(403);
    const bodyName = await orgAdminA.client.post('/api/learning/events', eventInput());
    expect(bodyName.statusCode).toBe(403);
    expect((await pro.client.post('/api/learning/events', eventInput())).statusCode).toBe(403);
    for (const who of [pro, orgAdminB]) {
      expect((await who.client.get(`/api/learning/events/${mine.id}`)).statusCode).toBe(404);
      expect((await patch(who, `/api/learning/events/${mine.id}`, { version: 1, title: 'Gekaapt' })).statusCode).toBe(404);
      const list = ZEventListResponse.parse((await who.client.get('/api/learning/events?limit=100')).json());
      expect(list.data.items.map((i) => i.id)).not.toContain(mine.id);
    }
    expect((await admin.client.get(`/api/learning/events/${mine.id}`)).statusCode).toBe(200);
    const ok = await patch(orgAdminA, `/api/learning/events/${mine.id}`, { version: 1, status: 'published' });
    expect(ok.statusCode, ok.body).toBe(200);
    // Published: others see it now, but still may not change it.
    expect((await pro.client.get(`/api/learning/events/${mine.id}`)).statusCode).toBe(200);
    expect((await patch(pro, `/api/learning/events/${mine.id}`, { version: 2, title: 'Gekaapt' })).statusCode).toBe(403);
    expect((await patch(orgAdminB, `/api/learning/events/${mine.id}`, { version: 2, title: 'Gekaapt' })).statusCode).toBe(403);
  });

  it('refuses bad input with field paths and creates nothing', async () => {
    const before = (await ctx.database.db.select().from(learningEvent)).length;
    const cases: [Record<string, unknown>, string][] = [
      [{ kind: 'feestje' }, 'body.kind'],
      [{ title: 'X\u0000y' }, 'body.title'],
      [{ startsAt: '25:00' }, 'body.startsAt'],
      [{ endsAt: '08:00' }, 'body.endsAt'],
      [{ feeCents: -1 }, 'body.feeCents'],
      [{ feeCents: 2 ** 31 }, 'body.feeCents'],
      [{ registrationClosesAt: iso(-2 * DAY) }, 'body.registrationClosesAt'],
      [{ audienceSectors: ['bestaat-niet'] }, 'body.audienceSectors'],
      [{ audienceRoles: ['astronaut'] }, 'body.audienceRoles.0'],
      [{ onlineUrl: 'javascript:alert(1)' }, 'body.onlineUrl'],
      [{ organiserName: '' }, 'body.organiserName'],
      [{ organiserOrganisationId: '00000000-0000-4000-8000-000000000000' }, 'body.organiserOrganisationId'],
      [{ date: '2026-02-30' }, 'body.date'],
    ];
    for (const [over, path] of cases) {
      const res = await coordinator.client.post('/api/learning/events', eventInput(over));
      expect(res.statusCode, `${JSON.stringify(over)}: ${res.body}`).toBe(400);
      expect(res.json().error.details.map((d: { path: string }) => d.path)).toContain(path);
    }
    expect(await ctx.database.db.select().from(learningEvent)).toHaveLength(before);
  });

  it('changes an event with the version it read; a stale version is 409 and changes nothing; audited', async () => {
    const e = await createEvent();
    const ok = await patch(coordinator, `/api/learning/events/${e.id}`, { version: 1, title: 'Netwerkdag (nieuwe titel)', feeCents: 1500 });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ZEventResponse.parse(ok.json()).data).toMatchObject({ title: 'Netwerkdag (nieuwe titel)', feeCents: 1500, version: 2 });
    await expectAudited(ctx.database.db, 'learning.event.update', { resourceId: e.id, details: { fields: ['title', 'feeCents'] } });
    const stale = await patch(coordinator, `/api/learning/events/${e.id}`, { version: 1, title: 'Overschreven' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('version_conflict');
    const bad = await patch(coordinator, `/api/learning/events/${e.id}`, { version: 2, endsAt: '08:00' });
    expect(bad.statusCode).toBe(400);
    const [row] = await ctx.database.db.select().from(learningEvent).where(eq(learningEvent.id, e.id));
    expect(row).toMatchObject({ title: 'Netwerkdag (nieuwe titel)', version: 2, endsAt: '16:30:00' });
  });

  it('pages the list by day with a cursor and filters by kind', async () => {
    const kind = 'fair';
    const days = ['2027-03-01', '2027-01-15', '2027-02-10'];
    for (const date of days) await createEvent(coordinator, { kind, date, title: `Beurs ${date}` });
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const url: string = `/api/learning/events?kind=${kind}&limit=2${cursor ? `&cursor=${cursor}` : ''}`;
      const page = ZEventListResponse.parse((await pro.client.get(url)).json());
      seen.push(...page.data.items.map((i) => i.date));
      cursor = page.data.nextCursor;
    } while (cursor);
    expect(seen).toEqual([...days].sort());
    const from = ZEventListResponse.parse((await pro.client.get(`/api/learning/events?kind=${kind}&from=2027-02-01`)).json());
    expect(from.data.items.map((i) => i.date)).toEqual(['2027-02-10', '2027-03-01']);
    expect((await pro.client.get('/api/learning/events?cursor=rommel')).statusCode).toBe(400);
  });

  it('anonymous callers get 401; unknown ids 404', async () => {
    const anon = await loginAs(ctx, 'anonymous');
    expect((await anon.client.get('/api/learning/events')).statusCode).toBe(401);
    expect((await pro.client.get('/api/learning/events/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
  });
});

describe('sessions', () => {
  it('the organiser adds, changes and removes sessions; others may only read them', async () => {
    const e = await createEvent();
    const plenary = await createSession(e.id);
    const room = await createSession(e.id, { title: 'Atelier 1', room: 'Zaal B', kind: 'parallel', startsAt: '13:30', endsAt: '15:00', capacity: 30 });
    await expectAudited(ctx.database.db, 'learning.session.create', { resourceId: room.id, details: { eventId: e.id, capacity: 30 } });
    const list = ZSessionListResponse.parse((await pro.client.get(`/api/learning/events/${e.id}/sessions`)).json());
    expect(list.data.items.map((s) => s.title)).toEqual(['Plenaire opening', 'Atelier 1']);
    expect((await pro.client.post(`/api/learning/events/${e.id}/sessions`, { title: 'Atelier 9', room: 'Kelder', kind: 'parallel', startsAt: '13:00', endsAt: '14:00', capacity: 5 })).statusCode).toBe(403);
    const bad = await coordinator.client.post(`/api/learning/events/${e.id}/sessions`, { title: 'Atelier 9', room: 'Kelder', kind: 'parallel', startsAt: '13:00', endsAt: '14:00', capacity: 0 });
    expect(bad.statusCode).toBe(400);
    const changed = await patch(coordinator, `/api/learning/events/${e.id}/sessions/${room.id}`, { version: 1, capacity: 25 });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(ZSessionResponse.parse(changed.json()).data).toMatchObject({ capacity: 25, version: 2 });
    expect((await patch(coordinator, `/api/learning/events/${e.id}/sessions/${room.id}`, { version: 1, capacity: 20 })).statusCode).toBe(409);
    // A session of another event is not found under this event.
    const other = await createEvent();
    expect((await patch(coordinator, `/api/learning/events/${other.id}/sessions/${room.id}`, { version: 2, capacity: 20 })).statusCode).toBe(404);
    const del = await coordinator.client.delete(`/api/learning/events/${e.id}/sessions/${plenary.id}?version=1`);
    expect(del.statusCode, del.body).toBe(200);
    await expectAudited(ctx.database.db, 'learning.session.delete', { resourceId: plenary.id });
    expect(await ctx.database.db.select().from(learningSession).where(eq(learningSession.id, plenary.id))).toHaveLength(0);
  });
});

describe('registration', () => {
  it('a professional registers; twice is 409; the cost split counts participants × fee', async () => {
    const e = await createEvent();
    const s = await createSession(e.id);
    const atelier = await createSession(e.id, { title: 'Atelier 1', room: 'Zaal B', kind: 'parallel', startsAt: '13:30', endsAt: '15:00', capacity: 30 });
    const reg = await register(pro, e.id, [s.id]);
    expect(reg).toMatchObject({ status: 'registered', present: null, personId: pro.user?.person.id, seats: [{ sessionId: s.id, status: 'confirmed', waitingPosition: null }] });
    await expectAudited(ctx.database.db, 'learning.registration.create', { resourceId: reg.id, details: { eventId: e.id } });
    const mine = ZMyRegistrationResponse.parse((await pro.client.get(`/api/learning/events/${e.id}/my-registration`)).json());
    expect(mine.data?.id).toBe(reg.id);
    expect(ZMyRegistrationResponse.parse((await orgAdminB.client.get(`/api/learning/events/${e.id}/my-registration`)).json()).data).toBeNull();
    const twice = await pro.client.post(`/api/learning/events/${e.id}/registrations`, { sessionIds: [s.id] });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.message).toBe('Je bent al ingeschreven voor deze activiteit.');
    const both = await register(orgAdminB, e.id, [atelier.id, s.id]);
    expect(both.seats.map((x) => [x.sessionTitle, x.status])).toEqual([['Plenaire opening', 'confirmed'], ['Atelier 1', 'confirmed']]);
    const detail = ZEventResponse.parse((await pro.client.get(`/api/learning/events/${e.id}`)).json()).data;
    expect(detail.costSplit).toMatchObject({ participants: 2, participantsPayCents: 2000, funderPaysCents: 28_000 });
  });

  it('outside the registration window or for a draft: 409 in Dutch; a foreign session or bad body: 400; nothing registered', async () => {
    const early = await createEvent(coordinator, { registrationOpensAt: iso(DAY), registrationClosesAt: iso(2 * DAY) });
    const late = await createEvent(coordinator, { registrationOpensAt: iso(-3 * DAY), registrationClosesAt: iso(-DAY) });
    for (const e of [early, late]) {
      const s = await createSession(e.id);
      const res = await pro.client.post(`/api/learning/events/${e.id}/registrations`, { sessionIds: [s.id] });
      expect(res.statusCode).toBe(409);
      expect(res.json().error.message).toBe('De inschrijvingen voor deze activiteit zijn niet open.');
    }
    const open = await createEvent();
    const foreign = await createSession(early.id);
    const wrong = await pro.client.post(`/api/learning/events/${open.id}/registrations`, { sessionIds: [foreign.id] });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.details).toEqual([expect.objectContaining({ path: 'body.sessionIds' })]);
    const s = await createSession(open.id);
    expect((await pro.client.post(`/api/learning/events/${open.id}/registrations`, { sessionIds: [s.id, s.id] })).statusCode).toBe(400);
    expect((await pro.client.post(`/api/learning/events/${open.id}/registrations`, { sessionIds: ['nope'] })).statusCode).toBe(400);
    const none = await pro.client.post(`/api/learning/events/${open.id}/registrations`, { sessionIds: [] });
    expect(none.statusCode).toBe(400);
    expect(none.json().error.message).toBe('Kies minstens één sessie.');
    const atelier1 = await createSession(open.id, { title: 'Atelier 1', room: 'Zaal B', kind: 'parallel', startsAt: '13:30', endsAt: '15:00', capacity: 30 });
    const atelier2 = await createSession(open.id, { title: 'Atelier 2', room: 'Zaal C', kind: 'parallel', startsAt: '14:00', endsAt: '15:30', capacity: 30 });
    const clash = await pro.client.post(`/api/learning/events/${open.id}/registrations`, { sessionIds: [atelier1.id, atelier2.id] });
    expect(clash.statusCode).toBe(400);
    expect(clash.json().error.message).toBe('Deze sessies lopen tegelijk; kies er één.');
    const draft = await createEvent(coordinator, { status: 'draft' });
    expect((await pro.client.post(`/api/learning/events/${draft.id}/registrations`, { sessionIds: [] })).statusCode).toBe(404);
    const regs = await ctx.database.db.select().from(learningRegistration).where(eq(learningRegistration.personId, pro.user?.person.id ?? ''));
    expect(regs.filter((r) => [early.id, late.id, open.id, draft.id].includes(r.eventId))).toHaveLength(0);
  });

  it('10 parallel registrations for 3 places: exactly 3 confirmed, 7 on the waiting list in order', async () => {
    const e = await createEvent();
    const s = await createSession(e.id, { title: 'Atelier klein', room: 'Zaal C', kind: 'parallel', capacity: 3 });
    const people = await Promise.all(Array.from({ length: 10 }, () => loginAs(ctx, 'professional', { organisationId: orgA })));
    const results = await Promise.all(people.map((p) => p.client.post(`/api/learning/events/${e.id}/registrations`, { sessionIds: [s.id] })));
    expect(results.map((r) => r.statusCode)).toEqual(Array(10).fill(201));
    const seats = results.map((r) => ZRegistrationResponse.parse(r.json()).data.seats[0]);
    expect(seats.filter((x) => x?.status === 'confirmed')).toHaveLength(3);
    expect(seats.filter((x) => x?.status === 'waiting')).toHaveLength(7);
    const [row] = await ctx.database.db.select().from(learningSession).where(eq(learningSession.id, s.id));
    expect(row).toMatchObject({ taken: 3, capacity: 3 });
    const list = ZRegistrationListResponse.parse((await coordinator.client.get(`/api/learning/events/${e.id}/registrations`)).json());
    const positions = list.data.items.flatMap((r) => r.seats).map((x) => x.waitingPosition).filter((x) => x !== null).sort();
    expect(positions).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it('cancelling frees the place: the first on the waiting list is promoted and mailed; audited', async () => {
    const e = await createEvent();
    const s = await createSession(e.id, { title: 'Atelier intervisie', room: 'Zaal D', kind: 'parallel', capacity: 1 });
    const first = await loginAs(ctx, 'professional', { organisationId: orgA });
    const second = await loginAs(ctx, 'professional', { organisationId: orgA });
    const third = await loginAs(ctx, 'professional', { organisationId: orgA });
    const r1 = await register(first, e.id, [s.id]);
    const r2 = await register(second, e.id, [s.id]);
    const r3 = await register(third, e.id, [s.id]);
    expect(r2.seats[0]).toMatchObject({ status: 'waiting', waitingPosition: 1 });
    expect(r3.seats[0]).toMatchObject({ status: 'waiting', waitingPosition: 2 });
    // The session tells how full it is and how many wait.
    const sessions = ZSessionListResponse.parse((await first.client.get(`/api/learning/events/${e.id}/sessions`)).json());
    expect(sessions.data.items.find((x) => x.id === s.id)).toMatchObject({ capacity: 1, taken: 1, waiting: 2 });
    // Somebody else cannot cancel it (404); the person themselves can.
    expect((await second.client.delete(`/api/learning/events/${e.id}/registrations/${r1.id}`)).statusCode).toBe(404);
    const res = await first.client.delete(`/api/learning/events/${e.id}/registrations/${r1.id}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(ZRegistrationResponse.parse(res.json()).data).toMatchObject({ status: 'cancelled', seats: [{ status: 'cancelled' }] });
    const list = ZRegistrationListResponse.parse((await coordinator.client.get(`/api/learning/events/${e.id}/registrations`)).json());
    expect(list.data.items.find((r) => r.id === r2.id)?.seats[0]).toMatchObject({ status: 'confirmed', waitingPosition: null });
    expect(list.data.items.find((r) => r.id === r3.id)?.seats[0]).toMatchObject({ status: 'waiting', waitingPosition: 1 });
    const mails = await ctx.database.db.select().from(mailOutbox).where(eq(mailOutbox.recipient, second.user?.email ?? ''));
    expect(mails).toHaveLength(1);
    expect(mails[0]?.subject).toContain('Netwerkdag');
    expect(mails[0]?.body).toContain('Atelier intervisie');
    expect(await ctx.database.db.select().from(mailOutbox).where(eq(mailOutbox.recipient, third.user?.email ?? ''))).toHaveLength(0);
    await expectAudited(ctx.database.db, 'learning.registration.cancel', { resourceId: r1.id, details: { promotedRegistrationIds: [r2.id] } });
    await expectAudited(ctx.database.db, 'learning.registration.promote', { resourceId: r2.id });
    const [row] = await ctx.database.db.select().from(learningSession).where(eq(learningSession.id, s.id));
    expect(row?.taken).toBe(1);
    // Cancelled twice: 409. Registering again is possible (at the back of the queue).
    expect((await first.client.delete(`/api/learning/events/${e.id}/registrations/${r1.id}`)).statusCode).toBe(409);
    const again = await register(first, e.id, [s.id]);
    expect(again.seats[0]).toMatchObject({ status: 'waiting', waitingPosition: 2 });
    // A session with registrations cannot be removed.
    expect((await coordinator.client.delete(`/api/learning/events/${e.id}/sessions/${s.id}?version=1`)).statusCode).toBe(409);
    // A larger room promotes the waiting list too.
    const bigger = await patch(coordinator, `/api/learning/events/${e.id}/sessions/${s.id}`, { version: 1, capacity: 3 });
    expect(bigger.statusCode, bigger.body).toBe(200);
    expect(ZSessionResponse.parse(bigger.json()).data).toMatchObject({ taken: 3, waiting: 0 });
    expect(await ctx.database.db.select().from(mailOutbox).where(eq(mailOutbox.recipient, third.user?.email ?? ''))).toHaveLength(1);
    await expectAudited(ctx.database.db, 'learning.registration.promote', { resourceId: r3.id, details: { sessionId: s.id } });
  });
});

describe('property: random interleavings of registering, cancelling and promoting', () => {
  it('a session is never over its capacity, never has a free place while someone waits, and promotes and numbers its waiting list in order of arrival', async () => {
    const people = await Promise.all(Array.from({ length: 5 }, () => loginAs(ctx, 'professional', { organisationId: orgA })));
    const db = ctx.database.db;
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          capacities: fc.tuple(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 2 })),
          // Waves of requests sent together: each person at most once a wave (registering for one or
          // both sessions, or cancelling when registered), and sometimes a room made larger meanwhile.
          waves: fc.array(
            fc.record({
              moves: fc.uniqueArray(fc.record({ who: fc.integer({ min: 0, max: 4 }), sessions: fc.subarray([0, 1], { minLength: 1 }) }), { selector: (m) => m.who, minLength: 1, maxLength: 5 }),
              grow: fc.option(fc.integer({ min: 0, max: 1 }), { nil: undefined }),
            }),
            { minLength: 1, maxLength: 5 },
          ),
        }),
        async ({ capacities, waves }) => {
          const e = await createEvent();
          const sessions = await Promise.all(capacities.map((capacity, i) => createSession(e.id, { title: `Atelier ${i + 1}`, room: `Zaal ${i + 1}`, kind: 'parallel', startsAt: `1${3 + i}:00`, endsAt: `1${3 + i}:45`, capacity })));
          const sessionIds = sessions.map((x) => x.id);
          /** Each person's registration that is not cancelled, as this test made it. */
          const active = new Map<number, string>();
          for (const wave of waves) {
            const [grown] = wave.grow === undefined ? [] : await db.select().from(learningSession).where(eq(learningSession.id, sessionIds[wave.grow]!));
            const grow = grown
              ? patch(coordinator, `/api/learning/events/${e.id}/sessions/${grown.id}`, { version: grown.version, capacity: grown.capacity + 1 })
              : Promise.resolve(undefined);
            const results = await Promise.all(
              wave.moves.map(async ({ who, sessions: chosen }) => {
                const me = people[who]!;
                const mine = active.get(who);
                if (mine) return { who, cancelled: mine, res: await me.client.delete(`/api/learning/events/${e.id}/registrations/${mine}`) };
                return { who, res: await me.client.post(`/api/learning/events/${e.id}/registrations`, { sessionIds: chosen.map((i) => sessionIds[i]!) }) };
              }),
            );
            const grew = await grow;
            // A larger room is taken or, when the taken count moved meanwhile, refused as stale.
            if (grew) expect([200, 409], grew.body).toContain(grew.statusCode);
            for (const r of results) {
              if (r.cancelled) {
                expect(r.res.statusCode, r.res.body).toBe(200);
                active.delete(r.who);
              } else {
                expect(r.res.statusCode, r.res.body).toBe(201);
                const reg = ZRegistrationResponse.parse(r.res.json()).data;
                expect(reg.seats.every((x) => x.status === 'confirmed' || x.status === 'waiting')).toBe(true);
                active.set(r.who, reg.id);
              }
            }

            // What the database holds after the wave, per session.
            const rows = await db.select().from(learningSession).where(inArray(learningSession.id, sessionIds));
            const seats = await db.select().from(learningSeat).where(inArray(learningSeat.sessionId, sessionIds));
            const listed = ZRegistrationListResponse.parse((await coordinator.client.get(`/api/learning/events/${e.id}/registrations`)).json()).data.items;
            expect(new Set(listed.filter((x) => x.status !== 'cancelled').map((x) => x.id))).toEqual(new Set(active.values()));
            for (const row of rows) {
              const own = seats.filter((x) => x.sessionId === row.id);
              const confirmed = own.filter((x) => x.status === 'confirmed');
              const waiting = own.filter((x) => x.status === 'waiting').sort((a, b) => a.seq - b.seq);
              expect(confirmed.length).toBe(row.taken);
              expect(row.taken).toBeLessThanOrEqual(row.capacity);
              if (waiting.length > 0) expect(row.taken).toBe(row.capacity);
              // Promotion by arrival: whoever waits came after everyone who holds a place.
              if (waiting.length > 0 && confirmed.length > 0) expect(Math.min(...waiting.map((x) => x.seq))).toBeGreaterThan(Math.max(...confirmed.map((x) => x.seq)));
              // The waiting list is numbered 1, 2, 3… in order of arrival.
              const positions = waiting.map((x) => listed.find((l) => l.id === x.registrationId)?.seats.find((y) => y.sessionId === row.id)?.waitingPosition);
              expect(positions).toEqual(waiting.map((_, i) => i + 1));
            }
          }
        },
      ),
      { numRuns: 60 },
    );
  }, 180_000);
});

describe('participants and attendance', () => {
  it('the organiser exports the participant list as CSV with formulas neutralised; others are refused', async () => {
    const e = await createEvent();
    const s = await createSession(e.id);
    const sneaky = await loginAs(ctx, 'professional', { organisationId: orgA });
    await ctx.database.db.update(person).set({ name: '=HYPERLINK("http://evil")' }).where(eq(person.id, sneaky.user?.person.id ?? ''));
    await register(sneaky, e.id, [s.id]);
    const res = await coordinator.client.get(`/api/learning/events/${e.id}/participants.csv`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.headers['content-disposition']).toContain('deelnemers-2026-12-05.csv');
    expect(res.body).toContain('"\'=HYPERLINK(""http://evil"")"');
    expect(res.body).toContain('Plenaire opening (bevestigd)');
    await expectAudited(ctx.database.db, 'learning.participants.export', { resourceId: e.id, details: { rows: 1 } });
    expect((await pro.client.get(`/api/learning/events/${e.id}/participants.csv`)).statusCode).toBe(403);
    expect((await pro.client.get(`/api/learning/events/${e.id}/registrations`)).statusCode).toBe(403);
  });

  it('the organiser checks a participant in; a professional may not; a cancelled registration is 409', async () => {
    const e = await createEvent(orgAdminA, { organiserOrganisationId: orgA, organiserName: '' });
    const s = await createSession(e.id, {}, orgAdminA);
    const r = await register(pro, e.id, [s.id]);
    expect((await pro.client.post(`/api/learning/events/${e.id}/registrations/${r.id}/attendance`, { present: true })).statusCode).toBe(403);
    expect((await orgAdminB.client.post(`/api/learning/events/${e.id}/registrations/${r.id}/attendance`, { present: true })).statusCode).toBe(403);
    expect((await orgAdminA.client.post(`/api/learning/events/${e.id}/registrations/${r.id}/attendance`, { present: 'ja' })).statusCode).toBe(400);
    await expectNotAudited(ctx.database.db, 'learning.registration.attendance', { resourceId: r.id });
    const ok = await orgAdminA.client.post(`/api/learning/events/${e.id}/registrations/${r.id}/attendance`, { present: true });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ZRegistrationResponse.parse(ok.json()).data.present).toBe(true);
    await expectAudited(ctx.database.db, 'learning.registration.attendance', { resourceId: r.id, details: { present: true } });
    // The organiser cancels on the person's behalf.
    expect((await orgAdminA.client.delete(`/api/learning/events/${e.id}/registrations/${r.id}`)).statusCode).toBe(200);
    expect((await orgAdminA.client.post(`/api/learning/events/${e.id}/registrations/${r.id}/attendance`, { present: false })).statusCode).toBe(409);
  });

  it('a certificate of attendance: a PDF for whoever was present (the person or the organiser), 409 before check-in, 404 for others; audited', async () => {
    const e = await createEvent(coordinator, { title: 'Vorming verbindend communiceren — één dag' });
    const s = await createSession(e.id, { title: 'Oefenen in duo’s', room: 'Zaal B', kind: 'parallel', capacity: 10 });
    const me = await loginAs(ctx, 'professional', { organisationId: orgA });
    const other = await loginAs(ctx, 'professional', { organisationId: orgB });
    const reg = await register(me, e.id, [s.id]);
    const url = `/api/learning/events/${e.id}/registrations/${reg.id}/certificate.pdf`;

    const early = await me.client.get(url);
    expect(early.statusCode).toBe(409);
    expect(early.json().error.message).toContain('aanwezig');
    await expectNotAudited(ctx.database.db, 'learning.certificate.issue', { resourceId: reg.id });

    const checkIn = await coordinator.client.post(`/api/learning/events/${e.id}/registrations/${reg.id}/attendance`, { present: true });
    expect(checkIn.statusCode, checkIn.body).toBe(200);
    const res = await me.client.get(url);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toContain('attest-2026-12-05.pdf');
    expect(res.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const doc = await PDFDocument.load(res.rawPayload);
    expect(doc.getPageCount()).toBe(1);
    expect(doc.getTitle()).toBe(`Attest van deelname — ${me.user?.person.name ?? ''} — Vorming verbindend communiceren — één dag`);
    await expectAudited(ctx.database.db, 'learning.certificate.issue', { resourceId: reg.id, details: { eventId: e.id, byOrganiser: false } });

    // The organiser may print it too; another participant does not know it exists.
    expect((await coordinator.client.get(url)).statusCode).toBe(200);
    expect((await other.client.get(url)).statusCode).toBe(404);
    expect((await me.client.get(`/api/learning/events/${e.id}/registrations/00000000-0000-4000-8000-000000000000/certificate.pdf`)).statusCode).toBe(404);
    expect((await me.client.get(`/api/learning/events/${e.id}/registrations/not-a-uuid/certificate.pdf`)).statusCode).toBe(400);

    // Checked out again (absent): no certificate.
    await coordinator.client.post(`/api/learning/events/${e.id}/registrations/${reg.id}/attendance`, { present: false });
    expect((await me.client.get(url)).statusCode).toBe(409);
  });
});
