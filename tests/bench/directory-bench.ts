/**
 * The public directory under load (issue 8), part of `npm run bench` (run.ts; BENCH_PARTS): the
 * search, the facets, the map and the HSDS export's services page at 32 clients over the generated
 * directory (directory-seed.ts: 10,000 organisations, 30,000 services), each beside
 *  - its SQL floor: the very statements the endpoint's service runs for that request (captured once
 *    with a logging Drizzle client, their parameters inlined), straight on the database with
 *    pgbench, a connection per client;
 *  - the HTTP floor: the bare Fastify route returning a constant (server.ts).
 * Budgets (budgets.json): search p95 ≤ directorySearchP95Ms and ≤ directorySearchVsFloor × (its
 * SQL floor's p95 + the HTTP floor's p95); no errors anywhere.
 */
import pg from 'pg';
import { drizzle } from 'drizzle-orm/node-postgres';
import type { Logger } from 'drizzle-orm/logger';
import type { Db } from '../../src/server/db/client.js';
import * as schema from '../../src/server/db/schema/index.js';
import type { RequestContext } from '../../src/server/platform/context.js';
import { createDirectoryPublicService } from '../../src/server/modules/directory/public.service.js';
import { createHsdsService } from '../../src/server/modules/directory/hsds.service.js';
import { ZDirectoryMapQuery, ZDirectorySearchQuery } from '../../src/shared/schemas/directory/public.js';
import { ZHsdsServiceQuery } from '../../src/shared/schemas/directory/hsds.js';
import { fmt, interleaved, pgbench, type Measured } from './measure.js';

export const DIRECTORY_CONNECTIONS = 32;

export interface DirectoryBudgets {
  directorySearchP95Ms: number;
  directorySearchVsFloor: number;
}

export interface DirectoryRow {
  name: string;
  m?: Measured;
  note?: string;
  noFloor?: boolean;
  budget: string;
  ok: boolean | null;
}

export interface Target {
  name: string;
  path: string;
  search: boolean;
  /** Runs what the endpoint's service runs for this request, on the given database. */
  run: (db: Db) => Promise<unknown>;
}

const ctx = () => ({ now: new Date() }) as RequestContext;
const searchTarget = (name: string, query: Record<string, string>): Target => ({
  name,
  path: `/api/directory/search?${new URLSearchParams(query).toString()}`,
  search: true,
  run: (db) => createDirectoryPublicService(db).search(ctx(), ZDirectorySearchQuery.parse(query)),
});

export const DIRECTORY_TARGETS: Target[] = [
  searchTarget('GET /api/directory/search?q=gezinnen', { q: 'gezinnen' }),
  searchTarget('GET /api/directory/search?q=begeleiding&age=15&directAccess=true', { q: 'begeleiding', age: '15', directAccess: 'true' }),
  searchTarget('GET /api/directory/search?q=jeugdhlp (typo)', { q: 'jeugdhlp' }),
  searchTarget('GET /api/directory/search?sector=caw (no words)', { sector: 'caw' }),
  {
    name: 'GET /api/directory/facets',
    path: '/api/directory/facets',
    search: false,
    run: (db) => createDirectoryPublicService(db).facets(),
  },
  {
    name: 'GET /api/directory/map?region=noord-west-vlaanderen',
    path: '/api/directory/map?region=noord-west-vlaanderen',
    search: false,
    run: (db) => createDirectoryPublicService(db).map(ZDirectoryMapQuery.parse({ region: 'noord-west-vlaanderen' })),
  },
  {
    name: 'GET /api/hsds/services?per_page=50',
    path: '/api/hsds/services?per_page=50',
    search: false,
    run: (db) => createHsdsService(db).services(ZHsdsServiceQuery.parse({ per_page: '50' })),
  },
];

/** A parameter as an SQL literal (what node-postgres would send, written into the statement). */
function literal(value: unknown): string {
  if (value === null || value === undefined) return 'NULL';
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (value instanceof Date) return pg.escapeLiteral(value.toISOString());
  if (Array.isArray(value)) return pg.escapeLiteral(`{${value.map((v) => (v === null ? 'NULL' : `"${String(v).replace(/["\\]/g, (c) => `\\${c}`)}"`)).join(',')}}`);
  if (typeof value === 'object') return pg.escapeLiteral(JSON.stringify(value));
  return pg.escapeLiteral(String(value as string));
}

/** The statements a target's service runs for its request, parameters inlined, in order. */
export async function captureStatements(dbUrl: string, target: Target): Promise<string[]> {
  // A pool of one: the service runs some statements side by side (Promise.all), a pool queues them.
  const pool = new pg.Pool({ connectionString: dbUrl, max: 1 });
  try {
    const statements: string[] = [];
    const logger: Logger = {
      logQuery: (query, params) => {
        const text = query.replace(/\$(\d+)\b/g, (_m, n: string) => literal(params[Number(n) - 1]));
        // pgbench reads one statement per line unless it ends in a semicolon: one line each.
        statements.push(`${text.replace(/\s*\n\s*/g, ' ')};`);
      },
    };
    const db = drizzle({ client: pool, schema, casing: 'snake_case', logger }) as unknown as Db;
    await target.run(db);
    if (statements.length === 0) throw new Error(`bench: ${target.name} ran no SQL`);
    // The statements must run as they are (a syntax error would make the floor meaningless).
    for (const s of statements) await pool.query(s);
    return statements;
  } finally {
    await pool.end();
  }
}

/** The same as one pgbench script. */
async function floorScript(dbUrl: string, target: Target): Promise<string> {
  return [...(await captureStatements(dbUrl, target)), ''].join('\n');
}

export async function directoryBench(
  ready: { appUrl: string; floorUrl: string },
  dbUrl: string,
  budgets: DirectoryBudgets,
): Promise<{ floor: Measured; rows: DirectoryRow[] }> {
  const scripts = new Map<Target, string>();
  for (const t of DIRECTORY_TARGETS) scripts.set(t, await floorScript(dbUrl, t));
  for (const t of DIRECTORY_TARGETS) {
    // Every endpoint answers 200 before it is measured.
    const res = await fetch(ready.appUrl + t.path);
    if (res.status !== 200) throw new Error(`bench: ${t.path} answered ${res.status}: ${(await res.text()).slice(0, 300)}`);
  }
  const [floor, ...measured] = await interleaved([
    { url: `${ready.floorUrl}/floor`, connections: DIRECTORY_CONNECTIONS },
    ...DIRECTORY_TARGETS.flatMap((t) => [
      () => pgbench(dbUrl, scripts.get(t)!, {}, DIRECTORY_CONNECTIONS),
      { url: ready.appUrl + t.path, connections: DIRECTORY_CONNECTIONS },
    ]),
  ]);
  const rows: DirectoryRow[] = [{ name: `directory: floor: bare Fastify, ${DIRECTORY_CONNECTIONS} clients`, m: floor!, budget: '', ok: null }];
  for (const [i, t] of DIRECTORY_TARGETS.entries()) {
    const sqlFloor = measured[2 * i]!;
    const http = measured[2 * i + 1]!;
    rows.push({ name: `  SQL floor (pgbench): ${t.name.replace(/^GET /, '')}`, m: sqlFloor, noFloor: true, budget: 'no errors', ok: sqlFloor.errors === 0 && sqlFloor.samples.length > 0 });
    const ratio = http.p95 / (sqlFloor.p95 + floor!.p95);
    if (t.search) {
      const limit = Math.min(budgets.directorySearchP95Ms, budgets.directorySearchVsFloor * (sqlFloor.p95 + floor!.p95));
      rows.push({
        name: t.name,
        m: http,
        budget:
          `p95 ≤ ${budgets.directorySearchP95Ms} ms and ≤ ${budgets.directorySearchVsFloor} × (${fmt(sqlFloor.p95)} + ${fmt(floor!.p95)}) = ` +
          `${fmt(budgets.directorySearchVsFloor * (sqlFloor.p95 + floor!.p95))} ms (${ratio.toFixed(2)} × (SQL + HTTP floor))`,
        ok: http.errors === 0 && http.p95 <= limit,
      });
    } else {
      rows.push({ name: t.name, m: http, budget: `no errors (${ratio.toFixed(2)} × (SQL + HTTP floor))`, ok: http.errors === 0 });
    }
  }
  return { floor: floor!, rows };
}
