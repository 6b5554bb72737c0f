import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestApp, type TestContext } from '../../../../tests/helpers/app.js';
import { expectAudited } from '../../../../tests/helpers/audit.js';
import { freshIp, loginAs, type LoggedIn } from '../../../../tests/helpers/login.js';
import { Client } from '../../../../tests/helpers/session.js';
import { learningPublicRequest, learningRegistration, learningSession } from '../../db/schema/index.js';
import {
  ZEventResponse,
  ZPublicEventResponse,
  ZPublicRegistrationResponse,
  ZRegistrationListResponse,
  ZSessionResponse,
} from '../../../shared/schemas/learning.js';

/**
 * The public form: parents and young people register without a login when the organiser opened it,
 * confirm by the link in a mail (single use, 48 h, hashed at rest), and cancel by the link in the
 * confirmation mail. Places are taken only on confirmation, with the same conditional update as
 * professional registrations.
 */

let ctx: TestContext;
let coordinator: LoggedIn;
let pro: LoggedIn;
const DAY = 86_400_000;
const iso = (offsetMs: number) => new Date(ctx.clock.now().getTime() + offsetMs).toISOString();
const db = () => ctx.database.db;
let n = 0;
const address = (who = 'ouder') => `${who}-${++n}-${Date.now()}@example.test`;

async function createEvent(over: Record<string, unknown> = {}) {
  const res = await coordinator.client.post('/api/learning/events', {
    kind: 'network_day', title: 'Netwerkdag voor gezinnen', organiserName: 'IROJ Oost-Vlaanderen', date: '2026-12-05', startsAt: '09:00', endsAt: '16:30',
    registrationOpensAt: iso(-DAY), registrationClosesAt: iso(30 * DAY), status: 'published', publicRegistration: true, ...over,
  });
  expect(res.statusCode, res.body).toBe(201);
  return ZEventResponse.parse(res.json()).data;
}

async function createSession(eventId: string, over: Record<string, unknown> = {}) {
  const res = await coordinator.client.post(`/api/learning/events/${eventId}/sessions`, { title: 'Plenair', room: 'Zaal A', kind: 'plenary', startsAt: '09:00', endsAt: '12:00', capacity: 50, ...over });
  expect(res.statusCode, res.body).toBe(201);
  return ZSessionResponse.parse(res.json()).data;
}

/** The token after `#` in the newest mail to `to` whose subject starts with `subject`. */
async function tokenFromMail(to: string, subject: string): Promise<string> {
  const mails = await ctx.app.deps.mailer.outbox(500);
  const mail = mails.find((m) => m.recipient === to && m.subject.startsWith(subject));
  const token = /#([A-Za-z0-9_-]{20,})/.exec(mail?.body ?? '')?.[1];
  if (!token) throw new Error(`no "${subject}" mail with a link to ${to}`);
  return token;
}

const anon = () => new Client(ctx.app, freshIp());

async function ask(eventId: string, email: string, sessionIds: string[], role = 'parent') {
  const res = await anon().post(`/api/learning/public/events/${eventId}/registrations`, { name: 'Elise Decoster', email, role, sessionIds });
  expect(res.statusCode, res.body).toBe(202);
  return tokenFromMail(email, 'Bevestig');
}

async function taken(sessionId: string) {
  const [row] = await db().select({ taken: learningSession.taken }).from(learningSession).where(eq(learningSession.id, sessionId));
  return row?.taken;
}

beforeAll(async () => {
  ctx = await createTestApp();
  coordinator = await loginAs(ctx, 'network-coordinator');
  pro = await loginAs(ctx, 'professional');
});
afterAll(() => ctx.close());

describe('the public event', () => {
  it('is shown without a login only when published with the public form opened', async () => {
    const e = await createEvent();
    const s = await createSession(e.id);
    const res = await anon().get(`/api/learning/public/events/${e.id}`);
    expect(res.statusCode, res.body).toBe(200);
    const data = ZPublicEventResponse.parse(res.json()).data;
    expect(data).toMatchObject({ id: e.id, title: 'Netwerkdag voor gezinnen', organiser: 'IROJ Oost-Vlaanderen', open: true });
    expect(data.sessions).toEqual([expect.objectContaining({ id: s.id, title: 'Plenair', full: false })]);
    expect(res.body).not.toContain('participants');

    const closedForm = await createEvent({ publicRegistration: false });
    expect((await anon().get(`/api/learning/public/events/${closedForm.id}`)).statusCode).toBe(404);
    const draft = await createEvent({ status: 'draft' });
    expect((await anon().get(`/api/learning/public/events/${draft.id}`)).statusCode).toBe(404);
    expect((await anon().get('/api/learning/public/events/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
  });

  it('the organiser opens and closes the form with the event flag', async () => {
    const e = await createEvent({ publicRegistration: false });
    expect(e.publicRegistration).toBe(false);
    const res = await coordinator.client.request({ method: 'PATCH', url: `/api/learning/events/${e.id}`, payload: { version: e.version, publicRegistration: true } });
    expect(res.statusCode, res.body).toBe(200);
    expect(ZEventResponse.parse(res.json()).data.publicRegistration).toBe(true);
    expect((await anon().get(`/api/learning/public/events/${e.id}`)).statusCode).toBe(200);
  });
});

describe('registering through the public form', () => {
  it('pending until confirmed; the link works once; the organiser sees the parent; cancel by the second link', async () => {
    const e = await createEvent();
    const s = await createSession(e.id, { capacity: 5 });
    const email = address();
    const token = await ask(e.id, email, [s.id]);
    // Nothing reserved yet, and only the token's hash is stored.
    expect(await taken(s.id)).toBe(0);
    const [pending] = await db().select().from(learningPublicRequest).where(eq(learningPublicRequest.email, email));
    expect(pending).toMatchObject({ role: 'parent', usedAt: null, sessionIds: [s.id] });
    expect(pending?.tokenHash).not.toContain(token);
    expect(JSON.stringify(pending)).not.toContain(token);
    expect(pending!.expiresAt.getTime() - ctx.clock.now().getTime()).toBe(48 * 3_600_000);
    await expectAudited(db(), 'learning.registration.public_request', { resourceType: 'learning_event', resourceId: e.id, actorLabel: email });

    const confirmed = await anon().post('/api/learning/public/confirm', { token });
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    const reg = ZPublicRegistrationResponse.parse(confirmed.json()).data;
    expect(reg).toMatchObject({ eventId: e.id, name: 'Elise Decoster', status: 'registered', seats: [{ sessionId: s.id, status: 'confirmed', waitingPosition: null }] });
    expect(await taken(s.id)).toBe(1);
    await expectAudited(db(), 'learning.registration.create', { resourceType: 'learning_registration', actorLabel: email, outcome: 'success' });

    // Single use.
    const again = await anon().post('/api/learning/public/confirm', { token });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toContain('al gebruikt');
    expect(await taken(s.id)).toBe(1);

    // The organiser's participant list and export.
    const list = ZRegistrationListResponse.parse((await coordinator.client.get(`/api/learning/events/${e.id}/registrations`)).json()).data.items;
    expect(list).toEqual([expect.objectContaining({ personId: null, personName: 'Elise Decoster', guestRole: 'parent', status: 'registered' })]);
    const csv = await coordinator.client.get(`/api/learning/events/${e.id}/participants.csv`);
    expect(csv.body).toContain(email);

    // A professional cannot treat the guest's registration as theirs.
    const row = list[0]!;
    expect((await pro.client.request({ method: 'DELETE', url: `/api/learning/events/${e.id}/registrations/${row.id}` })).statusCode).toBe(404);

    // Cancellation by the link in the confirmation mail.
    const cancelToken = await tokenFromMail(email, 'Inschrijving bevestigd');
    const cancelled = await anon().post('/api/learning/public/cancel', { token: cancelToken });
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    expect(ZPublicRegistrationResponse.parse(cancelled.json()).data.status).toBe('cancelled');
    expect(await taken(s.id)).toBe(0);
    await expectAudited(db(), 'learning.registration.cancel', { resourceType: 'learning_registration', resourceId: row.id, actorLabel: email });
    expect((await anon().post('/api/learning/public/cancel', { token: cancelToken })).statusCode).toBe(409);
    // The confirmation link stays used.
    expect((await anon().post('/api/learning/public/confirm', { token })).statusCode).toBe(409);
  });

  it('an expired link (after 48 hours) and an unknown one are refused; nothing is reserved', async () => {
    const e = await createEvent();
    const s = await createSession(e.id);
    const email = address('jongere');
    const token = await ask(e.id, email, [s.id], 'youth');
    ctx.clock.advance(48 * 3_600_000 + 1_000);
    const late = await anon().post('/api/learning/public/confirm', { token });
    expect(late.statusCode).toBe(409);
    expect(late.json().error.message).toContain('verlopen');
    expect(await taken(s.id)).toBe(0);
    expect((await anon().post('/api/learning/public/confirm', { token: 'x'.repeat(43) })).statusCode).toBe(404);
    expect((await anon().post('/api/learning/public/cancel', { token: 'x'.repeat(43) })).statusCode).toBe(404);
    // The clock moved past the sessions' lifetime: log in again for the next tests.
    coordinator = await loginAs(ctx, 'network-coordinator');
    pro = await loginAs(ctx, 'professional');
  });

  it('the form closed by the organiser or a draft: 404; outside the window: 409; a second registration of the same address: 409', async () => {
    const payload = (sessionIds: string[] = []) => ({ name: 'Jonas', email: address(), role: 'youth', sessionIds });
    const notPublic = await createEvent({ publicRegistration: false });
    expect((await anon().post(`/api/learning/public/events/${notPublic.id}/registrations`, payload())).statusCode).toBe(404);
    const draft = await createEvent({ status: 'draft' });
    expect((await anon().post(`/api/learning/public/events/${draft.id}/registrations`, payload())).statusCode).toBe(404);
    const later = await createEvent({ registrationOpensAt: iso(2 * DAY), registrationClosesAt: iso(9 * DAY) });
    const closed = await anon().post(`/api/learning/public/events/${later.id}/registrations`, payload());
    expect(closed.statusCode).toBe(409);
    expect(closed.json().error.message).toBe('De inschrijvingen voor deze activiteit zijn niet open.');

    const e = await createEvent();
    const s = await createSession(e.id);
    const email = address();
    const first = await ask(e.id, email, [s.id]);
    const second = await ask(e.id, email.toUpperCase().toLowerCase(), [s.id]);
    expect((await anon().post('/api/learning/public/confirm', { token: first })).statusCode).toBe(200);
    const dup = await anon().post('/api/learning/public/confirm', { token: second });
    expect(dup.statusCode).toBe(409);
    expect(await taken(s.id)).toBe(1);
  });

  it('bad input is a 400 with the field, and nothing is stored', async () => {
    const e = await createEvent();
    const s = await createSession(e.id);
    const other = await createSession((await createEvent()).id);
    const before = (await db().select().from(learningPublicRequest)).length;
    const post = (body: Record<string, unknown>) => anon().post(`/api/learning/public/events/${e.id}/registrations`, { name: 'Elise', email: address(), role: 'parent', sessionIds: [s.id], ...body });
    for (const body of [{ email: 'geen-adres' }, { role: 'grandparent' }, { name: 'E\u0000lise' }, { name: '' }, { sessionIds: [s.id, s.id] }, { extra: 1 }]) {
      const res = await post(body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
    }
    const foreign = await post({ sessionIds: [other.id] });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().error.details[0].path).toBe('body.sessionIds');
    const none = await post({ sessionIds: [] });
    expect(none.statusCode).toBe(400);
    expect((await anon().post('/api/learning/public/confirm', { token: '' })).statusCode).toBe(400);
    expect((await db().select().from(learningPublicRequest)).length).toBe(before);
  });

  it('one address gets at most 5 confirmation mails an hour (429 after)', async () => {
    const e = await createEvent();
    const s = await createSession(e.id);
    const email = address();
    for (let i = 0; i < 5; i++) await ask(e.id, email, [s.id]);
    const res = await anon().post(`/api/learning/public/events/${e.id}/registrations`, { name: 'Elise', email, role: 'parent', sessionIds: [s.id] });
    expect(res.statusCode).toBe(429);
  });
});

describe('capacity', () => {
  it('6 parallel confirmations for 2 places: exactly 2 confirmed, 4 waiting in order; a cancellation promotes the first with a mail', async () => {
    const e = await createEvent();
    const s = await createSession(e.id, { title: 'Atelier voor ouders', kind: 'parallel', capacity: 2 });
    const emails = Array.from({ length: 6 }, () => address());
    const tokens = [];
    for (const email of emails) tokens.push(await ask(e.id, email, [s.id]));
    expect(await taken(s.id)).toBe(0);
    const results = await Promise.all(tokens.map((token) => anon().post('/api/learning/public/confirm', { token })));
    expect(results.map((r) => r.statusCode)).toEqual([200, 200, 200, 200, 200, 200]);
    const seats = results.map((r) => ZPublicRegistrationResponse.parse(r.json()).data.seats[0]!);
    expect(seats.filter((x) => x.status === 'confirmed')).toHaveLength(2);
    expect(seats.filter((x) => x.status === 'waiting').map((x) => x.waitingPosition).sort()).toEqual([1, 2, 3, 4]);
    expect(await taken(s.id)).toBe(2);

    const confirmedIndex = seats.findIndex((x) => x.status === 'confirmed');
    const firstWaitingIndex = seats.findIndex((x) => x.waitingPosition === 1);
    const cancelToken = await tokenFromMail(emails[confirmedIndex]!, 'Inschrijving bevestigd');
    expect((await anon().post('/api/learning/public/cancel', { token: cancelToken })).statusCode).toBe(200);
    expect(await taken(s.id)).toBe(2);
    const mails = await ctx.app.deps.mailer.outbox(500);
    expect(mails.find((m) => m.recipient === emails[firstWaitingIndex] && m.subject.startsWith('Je hebt een plaats'))?.body).toContain('bevestigingsmail');
    const regs = await db().select().from(learningRegistration).where(eq(learningRegistration.eventId, e.id));
    expect(regs.filter((r) => r.status === 'registered')).toHaveLength(5);
    await expectAudited(db(), 'learning.registration.promote', { resourceType: 'learning_registration' });
  });
});
