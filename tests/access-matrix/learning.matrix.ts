import { all, fullSession, type MatrixFixture, type MatrixRow } from './matrix.js';
import { learningEvent, learningRegistration, learningSeat, learningSession } from '../../src/server/db/schema/index.js';

/**
 * Learning events. Coordinators and platform admins run every event; the organisation admin of A
 * runs the events organisation A organises. Everyone with a full session sees published events and
 * registers for them; a draft is 404 for anyone who does not run it, and running a published event
 * (sessions, registrations list, attendance, export) is 403 for them.
 */

const DAY = 86_400_000;

async function makeEvent(f: MatrixFixture, status: 'draft' | 'published', publicRegistration = false): Promise<string> {
  const now = f.ctx.clock.now().getTime();
  const [row] = await f.ctx.database.db
    .insert(learningEvent)
    .values({
      kind: 'training', title: `Training ${f.unique()}`, organiserOrganisationId: f.orgA, date: '2026-12-05', startsAt: '09:00', endsAt: '12:00',
      registrationOpensAt: new Date(now - 365 * DAY), registrationClosesAt: new Date(now + 365 * DAY), status, feeCents: 1000, totalCostCents: 30_000, funder: 'IROJ', publicRegistration,
    })
    .returning({ id: learningEvent.id });
  if (!row) throw new Error('event not created');
  return row.id;
}

async function makeSession(f: MatrixFixture, status: 'draft' | 'published' = 'published'): Promise<{ eventId: string; sessionId: string }> {
  const eventId = await makeEvent(f, status);
  const [row] = await f.ctx.database.db
    .insert(learningSession)
    .values({ eventId, title: 'Plenair', room: 'Zaal A', kind: 'plenary', startsAt: '09:00', endsAt: '12:00', capacity: 50 })
    .returning({ id: learningSession.id });
  if (!row) throw new Error('session not created');
  return { eventId, sessionId: row.id };
}

/** A registration of a new person of organisation A (not the caller) with a confirmed place. */
async function makeRegistration(f: MatrixFixture, present: boolean | null = null): Promise<{ eventId: string; registrationId: string }> {
  const { eventId, sessionId } = await makeSession(f);
  const { personId } = await f.makePersonInA();
  const db = f.ctx.database.db;
  const [row] = await db.insert(learningRegistration).values({ eventId, personId, organisationId: f.orgA, present }).returning({ id: learningRegistration.id });
  if (!row) throw new Error('registration not created');
  await db.insert(learningSeat).values({ registrationId: row.id, sessionId, status: 'confirmed' });
  return { eventId, registrationId: row.id };
}

/** A draft of organisation A: only those who run it know it exists. */
const draftReach = { ...fullSession(404), orgAdmin: 200, coordinator: 200, platformAdmin: 200 };
/** Running a published event of organisation A. */
const runs = (status: number) => ({ ...fullSession(403), orgAdmin: status, coordinator: status, platformAdmin: status });

export const rows: MatrixRow[] = [
  { route: 'GET /api/learning/events', expect: fullSession(200), note: 'published events and the drafts the caller runs' },
  {
    route: 'POST /api/learning/events',
    request: (f) => ({
      url: '/api/learning/events',
      payload: {
        kind: 'webinar', title: `Webinar ${f.unique()}`, organiserOrganisationId: f.orgA, date: '2026-12-05', startsAt: '19:00', endsAt: '20:00',
        registrationOpensAt: '2026-01-01T00:00:00Z', registrationClosesAt: '2026-12-01T00:00:00Z',
      },
    }),
    expect: runs(201),
    note: 'organisation admins only for their own organisation (B: 403 in the service)',
  },
  { route: 'GET /api/learning/events/:id', request: async (f) => ({ url: `/api/learning/events/${await makeEvent(f, 'draft')}` }), expect: draftReach },
  {
    route: 'PATCH /api/learning/events/:id',
    request: async (f) => ({ url: `/api/learning/events/${await makeEvent(f, 'draft')}`, payload: { version: 1, description: 'Nieuwe omschrijving' } }),
    expect: draftReach,
  },
  { route: 'GET /api/learning/events/:id/sessions', request: async (f) => ({ url: `/api/learning/events/${await makeEvent(f, 'draft')}/sessions` }), expect: draftReach },
  {
    route: 'POST /api/learning/events/:id/sessions',
    request: async (f) => ({
      url: `/api/learning/events/${await makeEvent(f, 'published')}/sessions`,
      payload: { title: 'Atelier 1', room: 'Zaal B', kind: 'parallel', startsAt: '13:30', endsAt: '15:00', capacity: 30 },
    }),
    expect: runs(201),
  },
  {
    route: 'PATCH /api/learning/events/:id/sessions/:sessionId',
    request: async (f) => {
      const s = await makeSession(f);
      return { url: `/api/learning/events/${s.eventId}/sessions/${s.sessionId}`, payload: { version: 1, capacity: 60 } };
    },
    expect: runs(200),
  },
  {
    route: 'DELETE /api/learning/events/:id/sessions/:sessionId',
    request: async (f) => {
      const s = await makeSession(f);
      return { url: `/api/learning/events/${s.eventId}/sessions/${s.sessionId}?version=1` };
    },
    expect: runs(200),
  },
  { route: 'GET /api/learning/events/:id/registrations', request: async (f) => ({ url: `/api/learning/events/${await makeEvent(f, 'published')}/registrations` }), expect: runs(200) },
  {
    route: 'GET /api/learning/events/:id/my-registration',
    request: async (f) => ({ url: `/api/learning/events/${await makeEvent(f, 'published')}/my-registration` }),
    expect: fullSession(200),
  },
  {
    route: 'POST /api/learning/events/:id/registrations',
    request: async (f) => {
      const s = await makeSession(f);
      return { url: `/api/learning/events/${s.eventId}/registrations`, payload: { sessionIds: [s.sessionId] } };
    },
    expect: fullSession(201),
    note: 'every logged-in person registers for a published event',
  },
  {
    route: 'DELETE /api/learning/events/:id/registrations/:registrationId',
    request: async (f) => {
      const r = await makeRegistration(f);
      return { url: `/api/learning/events/${r.eventId}/registrations/${r.registrationId}` };
    },
    expect: { ...fullSession(404), orgAdmin: 200, coordinator: 200, platformAdmin: 200 },
    note: 'somebody else\'s registration is unknown to all but the organiser (the person themselves may cancel: learning.test.ts)',
  },
  {
    route: 'POST /api/learning/events/:id/registrations/:registrationId/attendance',
    request: async (f) => {
      const r = await makeRegistration(f);
      return { url: `/api/learning/events/${r.eventId}/registrations/${r.registrationId}/attendance`, payload: { present: true } };
    },
    expect: runs(200),
  },
  { route: 'GET /api/learning/events/:id/participants.csv', request: async (f) => ({ url: `/api/learning/events/${await makeEvent(f, 'published')}/participants.csv` }), expect: runs(200) },
  {
    route: 'GET /api/learning/events/:id/registrations/:registrationId/certificate.pdf',
    request: async (f) => {
      const r = await makeRegistration(f, true);
      return { url: `/api/learning/events/${r.eventId}/registrations/${r.registrationId}/certificate.pdf` };
    },
    expect: { ...fullSession(404), orgAdmin: 200, coordinator: 200, platformAdmin: 200 },
    note: "somebody else's certificate is unknown to all but the organiser (the person's own: learning.test.ts)",
  },
  // The public form: no login; an event the organiser opened it for.
  { route: 'GET /api/learning/public/events/:id', request: async (f) => ({ url: `/api/learning/public/events/${await makeEvent(f, 'published', true)}` }), expect: all(200), note: 'public: a published event with the form opened' },
  {
    route: 'POST /api/learning/public/events/:id/registrations',
    request: async (f) => ({ url: `/api/learning/public/events/${await makeEvent(f, 'published', true)}/registrations`, payload: { name: 'Elise Decoster', email: `ouder-${f.unique()}@example.test`, role: 'parent', sessionIds: [] } }),
    expect: all(202),
    note: 'public: only mails a confirmation link',
  },
  { route: 'POST /api/learning/public/confirm', request: () => ({ url: '/api/learning/public/confirm', payload: { token: 'x'.repeat(43) } }), expect: all(404), note: 'public: an unknown token' },
  { route: 'POST /api/learning/public/cancel', request: () => ({ url: '/api/learning/public/cancel', payload: { token: 'x'.repeat(43) } }), expect: all(404), note: 'public: an unknown token' },
];
