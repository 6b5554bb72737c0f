/**
 * `npm run bench:families`: the family scenarios of issue 7 at 64 concurrent clients, on the
 * Flanders-sized data set of `npm run bench:data` (PostgreSQL; run that first), each next to its
 * raw SQL floor (the same statements straight on the database with pgbench, 64 connections) and the
 * HTTP floor (a bare Fastify route):
 *  - "my families" (GET /api/families) as 32 generated professionals in turn;
 *  - the family page (GET /api/families/:id) of their families, audited like every read;
 *  - a plan save with its audit row (PUT /api/families/:id/plan);
 *  - the coordinator's request board of a network (GET /api/requests: open requests by due date, first page).
 * A scenario whose endpoint is not in the app yet is reported as skipped; its SQL floor is still
 * measured. Budgets in budgets.json; prints one table and exits 1 when one is missed.
 */
import { fork } from 'node:child_process';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { benchDataEnv, BENCH_COORDINATOR } from './data.js';
import { fmt, interleaved, login, pgbench, type LoadOptions, type Measured, type Session } from './measure.js';
import type { FamilyServerReady } from './families-server.js';

const CONNECTIONS = 64;
const PROFESSIONALS = 32;

interface Budgets {
  familyReadP95Ms: number;
  familyReadVsFloor: number;
  planSaveP95Ms: number;
  boardP95Ms: number;
}
const budgets = JSON.parse(readFileSync(join(import.meta.dirname, 'budgets.json'), 'utf8')) as Budgets;

/** The person of professional :n (bench.n@bench.invalid), as pgbench SQL. */
const PERSON = `(select id from person where lower(email) = 'bench.' || :n || '@bench.invalid')`;

/** The consent gate of access.repo.ts (familyScopeSql) for the person `pid`, on family alias `f`. */
const scope = (pid: string) => `exists (
    select 1 from team_member tm
    where tm.family_id = f.id and tm.person_id = ${pid} and tm.until_at is null
      and (exists (select 1 from contact_assignment ca where ca.family_id = tm.family_id and ca.person_id = ${pid} and ca.until_at is null)
        or exists (select 1 from consent c where c.family_id = tm.family_id and c.withdrawn_at is null and c.valid_from <= now() and (c.valid_until is null or c.valid_until > now())
          and ((c.kind = 'consent' and c.organisation_id = tm.organisation_id and (c.person_id is null or c.person_id = ${pid}))
            or (c.kind = 'override' and c.person_id = ${pid})))))`;

/** Raw SQL of each scenario: what the endpoint has to do at the least, audit row included where it writes one. */
export const SQL_FLOORS = {
  myFamilies: [
    `\\set n random(1, ${PROFESSIONALS})`,
    `select f.id, f.name, f.status, f.municipality_nis, p.next_evaluation_on, cp.name as contact
       from family f left join plan p on p.family_id = f.id
       left join contact_assignment ca on ca.family_id = f.id and ca.until_at is null left join person cp on cp.id = ca.person_id
       where ${scope(PERSON)} order by lower(f.name), f.id limit 50;`,
  ],
  familyPage: [
    `\\set n random(1, ${PROFESSIONALS})`,
    'BEGIN;',
    `select f.id as fid from family f where ${scope(PERSON)} order by f.id limit 1 \\gset`,
    `select f.*, exists (select 1 from contact_assignment ca where ca.family_id = f.id and ca.person_id = ${PERSON} and ca.until_at is null) as is_contact,
       tm.organisation_id, (select coalesce(array_agg(distinct s), '{}') from consent c cross join lateral unnest(c.scopes) s
         where c.family_id = f.id and tm.id is not null and c.withdrawn_at is null and c.valid_from <= now() and (c.valid_until is null or c.valid_until > now())
           and ((c.kind = 'consent' and c.organisation_id = tm.organisation_id and (c.person_id is null or c.person_id = ${PERSON})) or (c.kind = 'override' and c.person_id = ${PERSON}))) as scopes
       from family f left join team_member tm on tm.family_id = f.id and tm.person_id = ${PERSON} and tm.until_at is null where f.id = ':fid';`,
    `select * from family_member where family_id = ':fid' and ended_at is null order by role, name;`,
    `select * from network_person where family_id = ':fid' and ended_at is null order by name;`,
    `select tm.*, p.name, o.name from team_member tm join person p on p.id = tm.person_id join organisation o on o.id = tm.organisation_id where tm.family_id = ':fid' and tm.until_at is null;`,
    `select * from consent where family_id = ':fid' order by created_at;`,
    `select ca.*, p.name from contact_assignment ca join person p on p.id = ca.person_id where ca.family_id = ':fid' and ca.until_at is null;`,
    `select id, current_version, next_evaluation_on, family_agreed_version from plan where family_id = ':fid';`,
    `insert into audit_event (occurred_at, actor_label, action, resource_type, resource_id, family_id, outcome) values (now(), 'bench', 'family.view', 'family', ':fid', ':fid', 'success');`,
    'END;',
  ],
  planSave: [
    `\\set n random(1, ${PROFESSIONALS})`,
    'BEGIN;',
    `select f.id as fid from family f where ${scope(PERSON)} order by random() limit 1 \\gset`,
    `select id, version from family where id = ':fid' for update;`,
    `select id as plan_id, current_version as cv from plan where family_id = ':fid' for update \\gset`,
    `insert into plan_version (plan_id, family_id, number, based_on, author_person_id, summary, content)
       select plan_id, family_id, :cv + 1, :cv, ${PERSON}, 'bench', content from plan_version where plan_id = ':plan_id' and number = :cv;`,
    `update plan set current_version = :cv + 1, updated_at = now(), version = version + 1 where id = ':plan_id';`,
    `update family set last_plan_change_at = now() where id = ':fid';`,
    `insert into audit_event (occurred_at, actor_label, action, resource_type, resource_id, family_id, outcome, details) values (now(), 'bench', 'plan.update', 'plan', ':plan_id', ':fid', 'success', '{"version":1}');`,
    'END;',
  ],
  board: [
    `select r.id, r.family_name, r.received_on, r.due_on, r.status, r.urgency, rg.name, m.name_nl, ca.person_id, p.name, o.name from request r
       join region rg on rg.id = r.region_id join municipality m on m.nis_code = r.municipality_nis
       left join contact_assignment ca on ca.family_id = r.family_id and ca.until_at is null left join person p on p.id = ca.person_id
       left join organisation o on o.id = ca.organisation_id
       where r.region_id in (select region_id from platform_role pr join person cp on cp.id = pr.person_id where lower(cp.email) = '${BENCH_COORDINATOR}' and pr.role = 'network_coordinator')
         and r.status <> 'answered' order by r.due_on, r.id limit 51;`,
  ],
} as const;

/** A family a bench professional (bench.n@…) is the contact person of, with its plan's current version. */
interface Contact {
  n: number;
  family_id: string;
  person_id: string;
  current_version: number;
}

/** A plan in the contract's shape whose open actions belong to the contact person (a team member). */
function planBody(c: Contact, basedOn: number, today: Date) {
  const day = (d: number) => new Date(today.getTime() + d * 86_400_000).toISOString().slice(0, 10);
  const goal = '00000000-0000-4000-8000-000000000001';
  return JSON.stringify({
    basedOn,
    summary: 'Bench: acties bijgewerkt na het huisbezoek',
    content: {
      story: 'Sinds de verhuis loopt het thuis moeilijker en gaat de oudste niet graag naar school.',
      strengths: ['We willen samen verder', 'Oma helpt mee'],
      worries: ['Schoolverzuim'],
      goals: [{ key: goal, domain: 'school', text: 'Terug elke dag naar school', priority: 1 }],
      actions: [
        { key: '00000000-0000-4000-8000-000000000002', goalKey: goal, what: 'Gesprek met de school', owner: { kind: 'team', personId: c.person_id }, dueOn: day(14), status: 'planned' },
      ],
      agreements: ['We zien elkaar om de twee weken.'],
      evaluations: [{ key: '00000000-0000-4000-8000-000000000003', on: day(30), note: '' }],
      network: [],
    },
  });
}

interface Row {
  name: string;
  m?: Measured;
  note?: string;
  budget: string;
  ok: boolean | null;
}

async function main(): Promise<number> {
  const { url, env } = benchDataEnv();
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const { rows: families } = await client.query<{ n: string }>(`select count(*)::text as n from family where pseudonym like 'B-%'`).catch(() => ({ rows: [{ n: '0' }] }));
  if (Number(families[0]?.n ?? 0) === 0) {
    await client.end();
    console.error(`No bench data in ${url}: run \`npm run bench:data\` first.`);
    return 1;
  }
  // The families each session opens: those where the professional is the contact person.
  const { rows: contact } = await client.query<Contact>(
    `select (substring(p.email from 7 for position('@' in p.email) - 7))::int as n, ca.family_id, ca.person_id, pl.current_version
     from contact_assignment ca join person p on p.id = ca.person_id join plan pl on pl.family_id = ca.family_id
     where ca.until_at is null and p.email ~ '^bench\\.[0-9]+@bench\\.invalid$' and (substring(p.email from 7 for position('@' in p.email) - 7))::int <= $1`,
    [PROFESSIONALS],
  );
  await client.end();

  const child = fork(join(import.meta.dirname, 'families-server.ts'), [], {
    execArgv: ['--import', 'tsx'],
    env: { ...(process.env as Record<string, string>), ...env, RATE_LIMIT_IP_MAX: '0', RATE_LIMIT_ANONYMOUS_MAX: '0', RATE_LIMIT_SESSION_MAX: '0' },
    stdio: 'inherit',
  });
  try {
    const ready = await new Promise<FamilyServerReady>((resolve, reject) => {
      child.once('message', (m) => resolve(m as FamilyServerReady));
      child.once('exit', (code) => reject(new Error(`bench server exited (${code}) before it was ready`)));
    });
    return await bench(ready, url, contact);
  } finally {
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.send({ type: 'close' });
    const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    await exited;
    clearTimeout(timer);
  }
}

async function bench(ready: FamilyServerReady, url: string, contact: Contact[]): Promise<number> {
  const { appUrl } = ready;
  const sessions: { n: number; session: Session; families: string[] }[] = [];
  for (let n = 1; n <= PROFESSIONALS; n++) {
    sessions.push({ n, session: await login(appUrl, `bench.${n}@bench.invalid`), families: contact.filter((c) => c.n === n).map((c) => c.family_id) });
  }
  const coordinator = await login(appUrl, BENCH_COORDINATOR);
  let next = 0;
  /** GETs of `path(session)` from the sessions in turn. */
  const rotating = (path: (s: (typeof sessions)[number], i: number) => string): LoadOptions => ({
    url: appUrl,
    connections: CONNECTIONS,
    requests: [
      {
        method: 'GET',
        setupRequest: (req) => {
          const i = next++;
          const s = sessions[i % sessions.length]!;
          return { ...req, path: path(s, i), headers: { cookie: s.session.cookie } };
        },
      },
    ],
  });
  // Plan saves: round-robin over every (professional, family) pair, each with the version it
  // last saw, so 64 clients never save the same plan at once and no save is stale.
  const bySession = new Map(sessions.map((s) => [s.n, s.session]));
  const basedOn = new Map(contact.map((c) => [c.family_id, Number(c.current_version)]));
  let nextSave = 0;
  const today = new Date();
  const saveTarget: LoadOptions = {
    url: appUrl,
    connections: CONNECTIONS,
    requests: [
      {
        method: 'PUT',
        setupRequest: (req) => {
          const c = contact[nextSave++ % contact.length]!;
          const session = bySession.get(c.n)!;
          return {
            ...req,
            path: `/api/families/${c.family_id}/plan`,
            headers: { cookie: session.cookie, 'x-csrf-token': session.csrfToken, 'content-type': 'application/json' },
            body: planBody(c, basedOn.get(c.family_id) ?? 0, today),
          };
        },
        onResponse: (status, body) => {
          if (status !== 200) return;
          const saved = JSON.parse(body) as { data?: { familyId?: string; current?: { number?: number } } };
          if (saved.data?.familyId && typeof saved.data.current?.number === 'number') basedOn.set(saved.data.familyId, saved.data.current.number);
        },
      },
    ],
  };
  const probe = async (path: string, cookie: string) => (await fetch(appUrl + path, { headers: { cookie } })).status;
  const first = sessions[0]!;
  const family = first.families[0] ?? '00000000-0000-0000-0000-000000000000';
  const probes = {
    myFamilies: await probe('/api/families', first.session.cookie),
    familyPage: await probe(`/api/families/${family}`, first.session.cookie),
    planSave: await probe(`/api/families/${family}/plan`, first.session.cookie),
    board: await probe('/api/requests', coordinator.cookie),
  };
  const available = Object.fromEntries(Object.entries(probes).map(([k, status]) => [k, status === 200])) as Record<keyof typeof probes, boolean>;

  const floorTarget: LoadOptions = { url: `${ready.floorUrl}/floor`, connections: CONNECTIONS };
  const sqlTarget = (lines: readonly string[]) => () => pgbench(url, [...lines, ''].join('\n'), {}, CONNECTIONS);
  const rows: Row[] = [];
  const [floor, ...measured] = await interleaved([
    floorTarget,
    sqlTarget(SQL_FLOORS.myFamilies),
    sqlTarget(SQL_FLOORS.familyPage),
    sqlTarget(SQL_FLOORS.planSave),
    sqlTarget(SQL_FLOORS.board),
    ...(available.myFamilies ? [rotating(() => '/api/families')] : []),
    ...(available.familyPage ? [rotating((s, i) => `/api/families/${s.families[i % s.families.length]}`)] : []),
    ...(available.planSave ? [saveTarget] : []),
    ...(available.board
      ? [{ url: `${appUrl}/api/requests`, connections: CONNECTIONS, headers: { cookie: coordinator.cookie } } satisfies LoadOptions]
      : []),
  ]);
  const [sqlMine, sqlPage, sqlSave, sqlBoard, ...http] = measured as Measured[];
  rows.push({ name: 'floor: bare Fastify, constant', m: floor!, budget: '', ok: null });
  const readRow = (name: string, status: number, m: Measured | undefined, sql: Measured, maxMs: number, vsFloor: number | null) => {
    rows.push({ name: `  SQL floor: ${name}`, m: sql, budget: 'no errors', ok: sql.errors === 0 });
    if (!m) {
      rows.push({ name, note: `skipped: its GET answered ${status} (the endpoint is not in the app yet?)`, budget: '', ok: null });
      return;
    }
    const limit = vsFloor === null ? maxMs : Math.min(maxMs, vsFloor * (sql.p95 + floor!.p95));
    rows.push({
      name,
      m,
      budget: `p95 ≤ ${maxMs} ms${vsFloor === null ? '' : ` and ≤ ${vsFloor} × (${fmt(sql.p95)} + ${fmt(floor!.p95)}) = ${fmt(vsFloor * (sql.p95 + floor!.p95))} ms`}`,
      ok: m.errors === 0 && m.p95 <= limit,
    });
  };
  const take = (on: boolean) => (on ? http.shift() : undefined);
  readRow('GET /api/families (my families)', probes.myFamilies, take(available.myFamilies), sqlMine!, budgets.familyReadP95Ms, budgets.familyReadVsFloor);
  readRow('GET /api/families/:id (family page, audited)', probes.familyPage, take(available.familyPage), sqlPage!, budgets.familyReadP95Ms, budgets.familyReadVsFloor);
  readRow('PUT /api/families/:id/plan (save + audit row)', probes.planSave, take(available.planSave), sqlSave!, budgets.planSaveP95Ms, null);
  readRow('GET /api/requests (coordinator board)', probes.board, take(available.board), sqlBoard!, budgets.boardP95Ms, null);

  console.log(`\nSamenplan family bench, ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, PostgreSQL, ${CONNECTIONS} clients, ${PROFESSIONALS} professionals\n`);
  const header = ['scenario', 'req/s', 'p50 ms', 'p95 ms', 'p99 ms', 'result', 'budget'];
  const body = rows.map((r) => [
    r.name,
    r.m ? r.m.rps.toFixed(0) : '',
    r.m ? fmt(r.m.p50) : '',
    r.m ? fmt(r.m.p95) : '',
    r.m ? fmt(r.m.p99) : '',
    r.ok === null ? '' : r.ok ? 'pass' : 'FAIL',
    r.note ?? `${r.budget}${r.m?.errors ? ` (errors: ${JSON.stringify(r.m.statuses)})` : ''}`,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((b) => (i === header.length - 1 ? 0 : b[i]!.length))));
  const line = (cells: string[]) => cells.map((c, i) => (i === cells.length - 1 ? c : i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(' | ');
  console.log(line(header));
  for (const b of body) console.log(line(b));
  const failed = rows.filter((r) => r.ok === false).length;
  console.log(failed === 0 ? '\nAll budgets met.' : `\n${failed} budget(s) missed.`);
  return failed === 0 ? 0 : 1;
}

process.exitCode = await main();
