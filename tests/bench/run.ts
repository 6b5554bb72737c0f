/**
 * Performance budgets: starts the real app on loopback with demo data (PGlite, or PostgreSQL when
 * DATABASE_URL is set), loads each endpoint for a bounded time with autocannon, and fails when a
 * budget in budgets.json is missed. Traffic goes to 127.0.0.1 only.
 */
import autocannon from 'autocannon';
import { readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp, secretBoxFor } from '../../src/server/app.js';
import { loadConfig } from '../../src/server/config.js';
import { openDatabase } from '../../src/server/db/client.js';
import { prepareDatabase } from '../../src/server/db/migrate.js';
import { loadDemoData } from '../../src/server/db/demo/index.js';
import { DEMO_PASSWORD, DEMO_TOTP_SECRET } from '../../src/server/db/demo/people.js';
import { totpCode } from '../../src/server/platform/auth/totp.js';

const DURATION_S = Number(process.env.BENCH_SECONDS ?? 5);
const budgets = JSON.parse(readFileSync(join(import.meta.dirname, 'budgets.json'), 'utf8')) as Record<string, { p99: number; minRps: number } | string>;

const dataDir = mkdtempSync(join(tmpdir(), 'samenplan-bench-'));
const config = loadConfig({ ...process.env, NODE_ENV: 'test', LOG_LEVEL: 'silent', SAMENPLAN_DATA_DIR: dataDir, RATE_LIMIT_WINDOW_SECONDS: '0' });
const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir });
await prepareDatabase(database);
const secrets = secretBoxFor(config);
await loadDemoData(database.db, 'test', secrets);
const app = await buildApp({ config, database, secrets });
const address = await app.listen({ host: '127.0.0.1', port: 0 });

// A full session for the authenticated endpoint.
const login = await fetch(`${address}/api/auth/login`, {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ email: 'hulpverlener@samenplan.demo', password: DEMO_PASSWORD }),
});
let cookie = login.headers.get('set-cookie')?.split(';')[0] ?? '';
const { data } = (await login.json()) as { data: { csrfToken: string } };
const mfa = await fetch(`${address}/api/auth/mfa`, {
  method: 'POST',
  headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': data.csrfToken },
  body: JSON.stringify({ code: totpCode(DEMO_TOTP_SECRET, new Date()) }),
});
cookie = mfa.headers.get('set-cookie')?.split(';')[0] ?? '';
if (mfa.status !== 200) throw new Error(`bench login failed: ${mfa.status}`);

const targets: { name: string; path: string; headers?: Record<string, string> }[] = [
  { name: 'GET /api/health', path: '/api/health' },
  { name: 'GET /api/regions', path: '/api/regions' },
  { name: 'GET /api/regions/noord-west-vlaanderen', path: '/api/regions/noord-west-vlaanderen' },
  { name: 'GET /api/sectors', path: '/api/sectors' },
  { name: 'GET /api/auth/me (full session)', path: '/api/auth/me', headers: { cookie } },
];

let failed = 0;
console.log(`endpoint | req/s | p50 ms | p99 ms | errors | budget`);
for (const t of targets) {
  const result = await autocannon({ url: address + t.path, connections: 10, duration: DURATION_S, headers: t.headers ?? {} });
  const budget = budgets[t.name];
  const errors = result.errors + result.non2xx + result.timeouts;
  const ok = typeof budget === 'object' && result.latency.p99 <= budget.p99 && result.requests.average >= budget.minRps && errors === 0;
  if (!ok) failed++;
  console.log(
    `${t.name} | ${Math.round(result.requests.average)} | ${result.latency.p50} | ${result.latency.p99} | ${errors} | ${
      typeof budget === 'object' ? `p99 ≤ ${budget.p99}, ≥ ${budget.minRps}/s ${ok ? 'ok' : 'MISSED'}` : 'none'
    }`,
  );
}
await app.close();
await database.close();
rmSync(dataDir, { recursive: true, force: true });
console.log(failed === 0 ? 'All budgets met.' : `${failed} budget(s) missed.`);
process.exitCode = failed === 0 ? 0 : 1;
