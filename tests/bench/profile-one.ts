/**
 * Profiling aid (not a bench): runs the app in this process on the bench data set and sends N
 * sequential requests of one route as one bench professional, printing the mean and p95 latency.
 * Run with `node --cpu-prof --cpu-prof-dir=/tmp/prof --import tsx tests/bench/profile-one.ts /api/families 2000`.
 */
import { buildApp, secretBoxFor } from '../../src/server/app.js';
import { loadConfig } from '../../src/server/config.js';
import { openDatabase } from '../../src/server/db/client.js';
import { benchDataEnv } from './data.js';
import { login } from './measure.js';

const route = process.argv[2] ?? '/api/families';
const n = Number(process.argv[3] ?? 1000);
const { env } = benchDataEnv();
Object.assign(process.env, env, { RATE_LIMIT_IP_MAX: '0', RATE_LIMIT_ANONYMOUS_MAX: '0', RATE_LIMIT_SESSION_MAX: '0' });
const config = loadConfig(process.env);
const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
const app = await buildApp({ config, database, secrets: secretBoxFor(config) });
const url = await app.listen({ host: '127.0.0.1', port: 0 });
const s = await login(url, 'bench.7@bench.invalid');
const path = route.includes(':family')
  ? route.replace(':family', ((await (await fetch(url + '/api/families', { headers: { cookie: s.cookie } })).json()) as { data: { items: { id: string }[] } }).data.items[0]!.id)
  : route;
const times: number[] = [];
for (let i = 0; i < n; i++) {
  const t = performance.now();
  const res = await fetch(url + path, { headers: { cookie: s.cookie } });
  await res.arrayBuffer();
  if (res.status !== 200) throw new Error(`${res.status}`);
  times.push(performance.now() - t);
}
times.sort((a, b) => a - b);
console.log(`${path}: mean ${(times.reduce((a, b) => a + b, 0) / n).toFixed(2)} ms, p50 ${times[n >> 1]!.toFixed(2)}, p95 ${times[Math.floor(n * 0.95)]!.toFixed(2)}`);
await app.close();
await database.close();
