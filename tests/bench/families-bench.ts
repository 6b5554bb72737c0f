/**
 * `npm run bench:families`: the family scenarios of issue 7 at 64 concurrent clients, on the
 * Flanders-sized data set of `npm run bench:data` (PostgreSQL; run that first), each next to its
 * raw SQL floor (the same statements straight on the database with pgbench, 64 connections) and the
 * HTTP floor (a bare Fastify route):
 *  - "my families" (GET /api/families) as 32 generated professionals in turn;
 *  - the family page (GET /api/families/:id) of their families, audited like every read;
 *  - a plan save with its audit row (PUT /api/families/:id/plan);
 *  - the coordinator's request board of a network (GET /api/requests: open requests by due date, first page).
 * The app is drained between targets and after each warm-up, and every 2xx family read is checked
 * for its audit row (docs/performance.md). Budgets in budgets.json; prints one table and exits 1
 * when one is missed, a scenario could not be measured (its probe did not answer 200), a SQL floor
 * failed or completed nothing, or a read went unaudited.
 */
import { fork } from 'node:child_process';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { benchDataEnv, BENCH_COORDINATOR } from './data.js';
import { fmt, interleaved, load, login, pgbench, type LoadOptions, type Measured, type Session } from './measure.js';
import type { FamilyServerReady } from './families-server.js';

const CONNECTIONS = 64;
const PROFESSIONALS = 32;

interface Budgets {
  familyReadP95Ms: number;
  familyReadVsFloor: number;
  planSaveP95Ms: number;
  boardP95Ms: number;
  workP95Ms: number;
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

/**
 * The session lookup every request runs first (session.repo.ts findLive), for professional :n's
 * newest session (the bench's own login); the subquery finding that token is the floor's only extra.
 */
const SESSION = (email: string) => `select s.id, s.level, s.csrf_token, a.id, a.email, a.person_id, p.name,
       coalesce((select json_agg(json_build_object('role', pr.role, 'regionId', pr.region_id) order by pr.role) from platform_role pr where pr.person_id = p.id), '[]'::json),
       coalesce((select json_agg(json_build_object('organisationId', o.id, 'organisationName', o.name, 'roles', m.roles) order by o.name)
         from membership m join organisation o on o.id = m.organisation_id where m.person_id = p.id and m.valid_from <= current_date and (m.valid_until is null or m.valid_until >= current_date)), '[]'::json)
     from session s join account a on a.id = s.account_id left join person p on p.id = a.person_id
     where s.token_hash = (select s2.token_hash from session s2 join account a2 on a2.id = s2.account_id where lower(a2.email) = ${email} and s2.revoked_at is null order by s2.created_at desc limit 1)
       and s.revoked_at is null and s.expires_at > now() and a.status = 'active' and (p.id is null or p.status = 'active');`;
const SESSION_N = SESSION(`'bench.' || :n || '@bench.invalid'`);

/**
 * Raw SQL of each scenario: what the endpoint has to do at the least — the session lookup, the
 * reads, and the audit row (with the family visit for the page) in one transaction where it writes.
 */
export const SQL_FLOORS = {
  myFamilies: [
    `\\set n random(1, ${PROFESSIONALS})`,
    SESSION_N,
    'BEGIN;',
    `select f.id, f.name, f.status, f.municipality_nis, p.next_evaluation_on, cp.name as contact
       from family f left join plan p on p.family_id = f.id
       left join contact_assignment ca on ca.family_id = f.id and ca.until_at is null left join person cp on cp.id = ca.person_id
       where ${scope(PERSON)} order by lower(f.name), f.id limit 51;`,
    `insert into audit_event (occurred_at, actor_label, action, resource_type, outcome, details) values (now(), 'bench', 'family.list', 'family', 'success', '{"count":50}');`,
    'END;',
  ],
  familyPage: [
    `\\set n random(1, ${PROFESSIONALS})`,
    SESSION_N,
    'BEGIN;',
    `select f.id as fid from family f where ${scope(PERSON)} order by f.id limit 1 \\gset`,
    `select f.*, exists (select 1 from contact_assignment ca where ca.family_id = f.id and ca.person_id = ${PERSON} and ca.until_at is null) as is_contact,
       tm.organisation_id, (select coalesce(array_agg(distinct s), '{}') from consent c cross join lateral unnest(c.scopes) s
         where c.family_id = f.id and tm.id is not null and c.withdrawn_at is null and c.valid_from <= now() and (c.valid_until is null or c.valid_until > now())
           and ((c.kind = 'consent' and c.organisation_id = tm.organisation_id and (c.person_id is null or c.person_id = ${PERSON})) or (c.kind = 'override' and c.person_id = ${PERSON}))) as scopes
       from family f left join team_member tm on tm.family_id = f.id and tm.person_id = ${PERSON} and tm.until_at is null where f.id = ':fid';`,
    `insert into family_visit (person_id, family_id, last_seen_at) values (${PERSON}, ':fid', now()) on conflict (person_id, family_id) do update set last_seen_at = excluded.last_seen_at;`,
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
    SESSION_N,
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
    SESSION(`'${BENCH_COORDINATOR}'`),
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
  const rows: Row[] = [];
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
    work: await probe('/api/work', first.session.cookie),
  };
  const available = Object.fromEntries(Object.entries(probes).map(([k, status]) => [k, status === 200])) as Record<keyof typeof probes, boolean>;

  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const drain = drainer(ready, client);
    // Saves whose answers the load generator dropped when it stopped were still made: every
    // measured save starts from the versions in the database, so none is stale.
    const saveDrain = async () => {
      await drain();
      const { rows } = await client.query<{ family_id: string; v: number }>('select family_id, current_version as v from plan where family_id = any($1::uuid[])', [[...basedOn.keys()]]);
      for (const r of rows) basedOn.set(r.family_id, Number(r.v));
    };
    await settle(client);
    await saveDrain();
    const audits: Record<string, AuditCheck> = {};
    /** A load of the app whose 2xx answers of `route` must each have written one audit row `action` (null: not audited). */
    const http = (name: string, route: string, action: string | null, opts: LoadOptions) => async () => {
      const before = await snapshot(ready, client, route, action);
      const m = await load({ ...opts, drain: opts.drain ?? drain });
      const after = await snapshot(ready, client, route, action, before.seq);
      const a = (audits[name] ??= { route, action, answered: 0, closed: 0, audited: 0 });
      a.answered += after.ok - before.ok;
      a.closed += after.closed - before.closed;
      a.audited += after.audited;
      return m;
    };
    const floorTarget = async () => {
      const m = await load({ url: `${ready.floorUrl}/floor`, connections: CONNECTIONS });
      await drain();
      return m;
    };
    const sqlTarget = (lines: readonly string[]) => async () => {
      const m = await pgbench(url, [...lines, ''].join('\n'), {}, CONNECTIONS);
      await drain();
      return m;
    };
    const [floor, ...measured] = await interleaved([
      floorTarget,
      sqlTarget(SQL_FLOORS.myFamilies),
      sqlTarget(SQL_FLOORS.familyPage),
      sqlTarget(SQL_FLOORS.planSave),
      sqlTarget(SQL_FLOORS.board),
      ...(available.myFamilies ? [http('my families', 'GET /api/families', 'family.list', rotating(() => '/api/families'))] : []),
      ...(available.familyPage ? [http('family page', 'GET /api/families/:id', 'family.view', rotating((s, i) => `/api/families/${s.families[i % s.families.length]}`))] : []),
      ...(available.planSave ? [http('plan save', 'PUT /api/families/:id/plan', 'plan.save', { ...saveTarget, drain: saveDrain })] : []),
      ...(available.board ? [http('board', 'GET /api/requests', null, { url: `${appUrl}/api/requests`, connections: CONNECTIONS, headers: { cookie: coordinator.cookie } })] : []),
      ...(available.work ? [http('my work', 'GET /api/work', 'work.view', rotating(() => '/api/work'))] : []),
    ]);
    const [sqlMine, sqlPage, sqlSave, sqlBoard, ...measuredHttp] = measured as Measured[];
    rows.push({ name: 'floor: bare Fastify, constant', m: floor!, budget: '', ok: null });
    const readRow = (key: string, name: string, status: number, m: Measured | undefined, sql: Measured, maxMs: number, vsFloor: number | null) => {
      rows.push({ name: `  SQL floor: ${name}`, m: sql, budget: 'no errors, some transactions', ok: sql.errors === 0 && sql.samples.length > 0 });
      if (!m) {
        // A budget that could not be measured is not met.
        rows.push({ name, note: `not measured: its probe answered ${status}`, budget: '', ok: false });
        return;
      }
      const limit = vsFloor === null ? maxMs : Math.min(maxMs, vsFloor * (sql.p95 + floor!.p95));
      rows.push({
        name,
        m,
        budget: `p95 ≤ ${maxMs} ms${vsFloor === null ? '' : ` and ≤ ${vsFloor} × (${fmt(sql.p95)} + ${fmt(floor!.p95)}) = ${fmt(vsFloor * (sql.p95 + floor!.p95))} ms`}`,
        ok: m.errors === 0 && m.p95 <= limit,
      });
      const a = audits[key];
      if (a?.action) {
        rows.push({
          name: `  … every 2xx audited (${a.action})`,
          note: `${a.answered} 2xx answers (+ ${a.closed} closed unanswered by the load generator), ${a.audited} audit rows, all sealed before the next scenario`,
          budget: 'answers ≤ rows ≤ answers + closed',
          ok: a.answered > 0 && a.audited >= a.answered && a.audited <= a.answered + a.closed,
        });
      }
    };
    const take = (on: boolean) => (on ? measuredHttp.shift() : undefined);
    readRow('my families', 'GET /api/families (my families, audited)', probes.myFamilies, take(available.myFamilies), sqlMine!, budgets.familyReadP95Ms, budgets.familyReadVsFloor);
    readRow('family page', 'GET /api/families/:id (family page, audited)', probes.familyPage, take(available.familyPage), sqlPage!, budgets.familyReadP95Ms, budgets.familyReadVsFloor);
    readRow('plan save', 'PUT /api/families/:id/plan (save + audit row)', probes.planSave, take(available.planSave), sqlSave!, budgets.planSaveP95Ms, null);
    readRow('board', 'GET /api/requests (coordinator board)', probes.board, take(available.board), sqlBoard!, budgets.boardP95Ms, null);
    // My work runs one query per section over the caller's families; no single SQL statement is its floor.
    const work = take(available.work);
    rows.push(
      work
        ? { name: 'GET /api/work (my work, audited)', m: work, budget: `p95 ≤ ${budgets.workP95Ms} ms`, ok: work.errors === 0 && work.p95 <= budgets.workP95Ms }
        : { name: 'GET /api/work (my work, audited)', note: `not measured: its probe answered ${probes.work}`, budget: '', ok: false },
    );
    const wa = audits['my work'];
    if (wa) {
      rows.push({
        name: `  … every 2xx audited (${wa.action})`,
        note: `${wa.answered} 2xx answers (+ ${wa.closed} closed unanswered by the load generator), ${wa.audited} audit rows`,
        budget: 'answers ≤ rows ≤ answers + closed',
        ok: wa.answered > 0 && wa.audited >= wa.answered && wa.audited <= wa.answered + wa.closed,
      });
    }
  } finally {
    await client.end();
  }

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

/** What one HTTP scenario answered with 2xx and how many audit rows of its action those wrote. */
interface AuditCheck {
  route: string;
  action: string | null;
  /** 2xx answers. */
  answered: number;
  /** Requests whose socket the load generator closed before the answer (their work may have finished). */
  closed: number;
  audited: number;
}

interface InFlight {
  /** Requests the app has neither answered nor seen closed. */
  open: number;
  /** Pooled connections checked out or waited for (requests closed mid-way still finish their work). */
  poolBusy: number;
  answered: Record<string, Record<string, number>>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const DRAIN_LIMIT_MS = 120_000;

/**
 * Waits, between scenarios and after a warm-up, until nothing of the last load is left: the app
 * has answered every request it received (also those whose socket the load generator closed),
 * no pgbench connection is still at work on the database, and the sealer has chained every audit
 * row (so its catching up is not measured in the next scenario). Throws after two minutes.
 */
function drainer(ready: FamilyServerReady, client: pg.Client) {
  let sealedFrom = 0;
  return async () => {
    const started = performance.now();
    const wait = async (what: string, done: () => Promise<boolean>) => {
      while (!(await done())) {
        if (performance.now() - started > DRAIN_LIMIT_MS) throw new Error(`bench: not drained after ${DRAIN_LIMIT_MS / 1000} s (${what})`);
        await sleep(50);
      }
    };
    let quiet = 0;
    await wait('requests in flight', async () => {
      const now = (await (await fetch(`${ready.floorUrl}/in-flight`)).json()) as InFlight;
      quiet = now.open === 0 && now.poolBusy === 0 ? quiet + 1 : 0;
      return quiet >= 3;
    });
    await wait('pgbench connections', async () => {
      const { rows } = await client.query<{ n: number }>(`select count(*)::int as n from pg_stat_activity where datname = current_database() and application_name = 'pgbench'`);
      return rows[0]!.n === 0;
    });
    const { rows: top } = await client.query<{ seq: string | null }>('select max(seq)::text as seq from audit_event');
    const upTo = Number(top[0]?.seq ?? 0);
    await wait('audit rows to seal', async () => {
      const { rows } = await client.query<{ n: number }>(
        'select count(*)::int as n from audit_event e where e.seq > $1 and e.seq <= $2 and not exists (select 1 from audit_seal s where s.event_seq = e.seq)',
        [sealedFrom, upTo],
      );
      return rows[0]!.n === 0;
    });
    sealedFrom = upTo;
  };
}

/**
 * Waits until the app's start-up work on the database is done before anything is measured: the
 * job runner runs its hourly jobs once at start (the request reminders, the blocked-trajectory rule
 * over every open family), which on this data set takes seconds to minutes. Done when, over two
 * seconds, at most a tenth of the samples saw another backend of this database at work (the
 * sealer's short passes). Gives up after ten minutes, saying so.
 */
async function settle(client: pg.Client): Promise<void> {
  const started = performance.now();
  const window: boolean[] = [];
  while (performance.now() - started < 600_000) {
    const { rows } = await client.query<{ n: number }>(
      `select count(*)::int as n from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid() and state = 'active' and backend_type = 'client backend'`,
    );
    window.push(rows[0]!.n > 0);
    if (window.length > 20) window.shift();
    if (window.length === 20 && window.filter(Boolean).length <= 2) {
      console.log(`  the app's start-up jobs settled after ${((performance.now() - started) / 1000).toFixed(0)} s`);
      return;
    }
    await sleep(100);
  }
  console.log('  the database did not settle within ten minutes: measuring anyway');
}

/** The app's 2xx answers of `route` so far, and (with `afterSeq`) the audit rows of `action` written by the app since. */
async function snapshot(ready: FamilyServerReady, client: pg.Client, route: string, action: string | null, afterSeq?: number) {
  const { answered } = (await (await fetch(`${ready.floorUrl}/in-flight`)).json()) as InFlight;
  const ok = Object.entries(answered[route] ?? {}).reduce((sum, [status, n]) => (status.startsWith('2') ? sum + n : sum), 0);
  const closed = answered[route]?.closed ?? 0;
  const { rows: top } = await client.query<{ seq: string | null }>('select max(seq)::text as seq from audit_event');
  const { rows } =
    afterSeq === undefined || action === null
      ? { rows: [{ n: 0 }] }
      : await client.query<{ n: number }>(`select count(*)::int as n from audit_event where seq > $1 and action = $2 and actor_label is distinct from 'bench'`, [afterSeq, action]);
  return { ok, closed, seq: Number(top[0]?.seq ?? 0), audited: rows[0]?.n ?? 0 };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  process.exitCode = await main();
}
