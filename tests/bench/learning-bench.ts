/**
 * Registrations under contention (issue 10), part of `npm run bench` (run.ts; BENCH_PARTS=learning,
 * PostgreSQL only): LEARNING_REGISTRANTS generated professionals (bench.N@bench.invalid, given the
 * demo password and second factor here) are logged in, then all of them register at the same moment
 * for one session of LEARNING_PLACES places, each over its own connection.
 *
 * Passes when exactly LEARNING_PLACES registrations are confirmed, the rest wait, and the order is
 * the order of arrival: the confirmed seats are the first LEARNING_PLACES by arrival (the seat's
 * `seq`, taken while the session row is locked), the waiting positions run 1…n without gaps in the
 * same order, and every answer told its caller the status and position the database holds. Also
 * reports the registrations' latency (every request counted, from the moment all were sent).
 */
import pg from 'pg';
import { fmt, login, stats, type Measured, type Session } from './measure.js';
import { giveDemoLogin } from './modules-bench.js';
import { DEMO_IROJ_NAME } from '../../src/server/db/demo/governance.js';

export const LEARNING_REGISTRANTS = 1000;
export const LEARNING_PLACES = 200;

export interface LearningRow {
  name: string;
  m?: Measured;
  note?: string;
  noFloor?: boolean;
  budget: string;
  ok: boolean | null;
}

interface Seat {
  sessionId: string;
  status: 'confirmed' | 'waiting' | 'cancelled';
  waitingPosition: number | null;
}

async function send(appUrl: string, session: Session, method: string, path: string, body: unknown): Promise<{ status: number; json: unknown }> {
  const res = await fetch(appUrl + path, {
    method,
    headers: { 'content-type': 'application/json', cookie: session.cookie, 'x-csrf-token': session.csrfToken },
    body: JSON.stringify(body),
  });
  return { status: res.status, json: await res.json().catch(() => null) };
}

/** Logs `emails` in, `parallel` at a time (each login verifies an argon2id hash). */
async function loginAll(appUrl: string, emails: string[], parallel = 8): Promise<Session[]> {
  const sessions: Session[] = new Array<Session>(emails.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: parallel }, async () => {
      while (next < emails.length) {
        const i = next++;
        sessions[i] = await login(appUrl, emails[i]);
      }
    }),
  );
  return sessions;
}

export async function learningBench(appUrl: string, dbUrl: string): Promise<LearningRow[]> {
  const client = new pg.Client({ connectionString: dbUrl });
  await client.connect();
  try {
    const { rows: people } = await client.query<{ email: string }>(
      `select a.email from account a join person p on p.id = a.person_id
       where a.email ~ '^bench\\.[0-9]+@bench\\.invalid$' and exists (select 1 from membership m where m.person_id = p.id)
       order by (substring(a.email from 7 for position('@' in a.email) - 7))::int limit $1`,
      [LEARNING_REGISTRANTS],
    );
    if (people.length < LEARNING_REGISTRANTS) {
      return [{ name: 'learning registrations', note: `skipped: only ${people.length} generated professionals (BENCH_PEOPLE ≥ ${LEARNING_REGISTRANTS})`, budget: '', ok: false }];
    }
    // Every generated account gets the demo password and second factor (as bench:data does).
    await giveDemoLogin(client, people.map((p) => p.email));

    // The organiser (the platform admin) opens an event with one session of LEARNING_PLACES places.
    const admin = await login(appUrl);
    const day = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
    const event = await send(appUrl, admin, 'POST', '/api/learning/events', {
      kind: 'network_day',
      title: 'Benchdag: iedereen tegelijk',
      date: day,
      startsAt: '09:00',
      endsAt: '16:00',
      place: 'Gent',
      organiserName: DEMO_IROJ_NAME,
      status: 'published',
      registrationOpensAt: new Date(Date.now() - 3_600_000).toISOString(),
      registrationClosesAt: new Date(Date.now() + 86_400_000).toISOString(),
    });
    if (event.status !== 201) throw new Error(`bench event: ${event.status} ${JSON.stringify(event.json)}`);
    const eventId = (event.json as { data: { id: string } }).data.id;
    const sessionRes = await send(appUrl, admin, 'POST', `/api/learning/events/${eventId}/sessions`, {
      title: 'Plenaire zaal',
      room: 'Zaal 1',
      kind: 'plenary',
      startsAt: '09:00',
      endsAt: '12:00',
      capacity: LEARNING_PLACES,
    });
    if (sessionRes.status !== 201) throw new Error(`bench session: ${sessionRes.status} ${JSON.stringify(sessionRes.json)}`);
    const sessionId = (sessionRes.json as { data: { id: string } }).data.id;

    const loginStarted = performance.now();
    const sessions = await loginAll(appUrl, people.map((p) => p.email));
    const loginSeconds = (performance.now() - loginStarted) / 1000;

    // Everyone at once.
    const started = performance.now();
    const answers = await Promise.all(
      sessions.map(async (s) => {
        const res = await send(appUrl, s, 'POST', `/api/learning/events/${eventId}/registrations`, { sessionIds: [sessionId] });
        return { ...res, ms: performance.now() - started, at: performance.now() };
      }),
    );
    const seconds = (performance.now() - started) / 1000;

    const { rows: seats } = await client.query<{ registration_id: string; status: string; seq: string; position: number | null }>(
      `select s.registration_id, s.status, s.seq::text,
              case when s.status = 'waiting' then row_number() over (partition by s.status = 'waiting' order by s.seq) end::int as position
       from learning_seat s where s.session_id = $1 order by s.seq`,
      [sessionId],
    );
    const { rows: taken } = await client.query<{ taken: number }>('select taken from learning_session where id = $1', [sessionId]);

    const problems: string[] = [];
    const ok201 = answers.filter((a) => a.status === 201);
    if (ok201.length !== LEARNING_REGISTRANTS) {
      const byStatus: Record<string, number> = {};
      for (const a of answers) byStatus[a.status] = (byStatus[a.status] ?? 0) + 1;
      problems.push(`answers ${JSON.stringify(byStatus)}`);
    }
    const confirmed = seats.filter((s) => s.status === 'confirmed');
    const waiting = seats.filter((s) => s.status === 'waiting');
    if (confirmed.length !== LEARNING_PLACES) problems.push(`${confirmed.length} confirmed`);
    if (taken[0]?.taken !== LEARNING_PLACES) problems.push(`session counts ${taken[0]?.taken} taken`);
    if (waiting.length !== LEARNING_REGISTRANTS - LEARNING_PLACES) problems.push(`${waiting.length} waiting`);
    // Arrival order: the first LEARNING_PLACES seats by seq are the confirmed ones.
    if (seats.slice(0, LEARNING_PLACES).some((s) => s.status !== 'confirmed')) problems.push('a later arrival got a place before an earlier one');
    // What each caller was told is what the database holds.
    const bySeat = new Map(seats.map((s) => [s.registration_id, s]));
    let mismatched = 0;
    for (const a of ok201) {
      const reg = (a.json as { data: { id: string; seats: Seat[] } }).data;
      const told = reg.seats.find((s) => s.sessionId === sessionId);
      const held = bySeat.get(reg.id);
      if (!told || !held || told.status !== held.status || (told.status === 'waiting' && told.waitingPosition !== held.position)) mismatched++;
    }
    if (mismatched) problems.push(`${mismatched} callers were told another status or position than the database holds`);

    const latencies = answers.map((a) => a.ms);
    const m: Measured = {
      connections: LEARNING_REGISTRANTS,
      duration: seconds,
      rps: answers.length / seconds,
      errors: answers.length - ok201.length,
      samples: answers.map((a) => [a.at, a.ms]),
      statuses: {},
      ...stats(latencies),
    };
    return [
      {
        name: `POST registrations: ${LEARNING_REGISTRANTS} at once for ${LEARNING_PLACES} places`,
        m,
        noFloor: true,
        note:
          problems.length === 0
            ? `${confirmed.length} confirmed, ${waiting.length} waiting in arrival order (positions 1–${waiting.length}), all answers match; all done in ${fmt(seconds)} s (logins before: ${fmt(loginSeconds)} s)`
            : `wrong: ${problems.join('; ')}`,
        budget: `exactly ${LEARNING_PLACES} confirmed, the rest waiting in arrival order`,
        ok: problems.length === 0,
      },
    ];
  } finally {
    await client.end();
  }
}
