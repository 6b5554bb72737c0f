/**
 * Property: whatever arrives — NUL bytes, bidi overrides, huge numbers, very long strings, dates in
 * year 0 or 10000, broken URL encodings, wrong JSON — on any route of the app's inventory, from an
 * anonymous caller or a platform admin with a fresh step-up, the answer is never a 5xx, and a
 * refused request (4xx) changes no table (audit, throttle and job tables may grow: refusals are
 * recorded). Runs: PROPERTY_RUNS (default 300); a failure prints the seed and the shrunk request.
 */
import { afterAll, beforeAll, expect } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { sql } from 'drizzle-orm';
import { createTestApp, type TestContext } from '../helpers/app.js';
import { loginAs, stepUp, type LoggedIn } from '../helpers/login.js';
import { makeOrganisation } from '../helpers/factories.js';
import { loadReferenceData } from '../../src/server/db/reference-data.js';

/** Tables a refused request may still write to: the record of the refusal and the counters behind throttles. */
const MAY_GROW_ON_REFUSAL = new Set(['audit_event', 'audit_seal', 'login_throttle', 'job', '__drizzle_migrations']);

let ctx: TestContext;
let tables: string[] = [];
let admin: LoggedIn;
let anonymous: LoggedIn;
let orgId = '';
/** The query and body field names of each route (`METHOD /url`), read from the app's OpenAPI document. */
const shapes = new Map<string, { query: string[]; body: string[] }>();

type OpenApiOperation = {
  parameters?: { in: string; name: string }[];
  requestBody?: { content?: Record<string, { schema?: { properties?: Record<string, unknown> } }> };
};
function readShapes(doc: { paths?: Record<string, Record<string, OpenApiOperation>> }) {
  for (const [path, item] of Object.entries(doc.paths ?? {})) {
    for (const [method, op] of Object.entries(item)) {
      const query = (op.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name);
      const body = Object.keys(op.requestBody?.content?.['application/json']?.schema?.properties ?? {});
      shapes.set(`${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`, { query, body });
    }
  }
}

beforeAll(async () => {
  ctx = await createTestApp();
  await loadReferenceData(ctx.database.db);
  orgId = (await makeOrganisation(ctx.database.db)).id;
  const rows = await ctx.database.db.execute<{ table_name: string }>(
    sql`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`,
  );
  tables = rowsOf<{ table_name: string }>(rows).map((r) => r.table_name);
  readShapes(ctx.app.swagger() as Parameters<typeof readShapes>[0]);
  admin = await freshAdmin();
  anonymous = await loginAs(ctx, 'anonymous');
});
afterAll(() => ctx.close());

function rowsOf<T>(result: unknown): T[] {
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}

async function freshAdmin(): Promise<LoggedIn> {
  const who = await loginAs(ctx, 'platform-admin');
  await stepUp(ctx, who);
  return who;
}

async function counts(): Promise<Record<string, number>> {
  const selects = tables.map((t) => `(select count(*) from "${t}")::int as "${t}"`).join(', ');
  const [row] = rowsOf<Record<string, number>>(await ctx.database.db.execute(sql.raw(`select ${selects}`)));
  return row ?? {};
}

// ---- hostile values ------------------------------------------------------------------------------
const odd = fc.constantFrom(
  '\u0000', 'a\u0000b', '\u202Eevil', 'x\u2066y\u2069', '\uD800', '\uDFFF', '\u0007', '\u009B',
  '0000-01-01T00:00:00Z', '10000-01-01T00:00:00Z', '+010000-01-01', '-000001-01-01T00:00:00Z', '2024-02-30T00:00:00Z', '0000-00-00', '9999-12-31T23:59:59-23:59',
  '2147483648', '-2147483649', '9223372036854775808', '1e309', 'NaN', 'Infinity', '0x10', '', ' ', 'null', 'true',
  '../../etc/passwd', '<script>alert(1)</script>', "'; drop table person; --", '%', '%zz', '%00', '%C0%AF', '%ED%A0%80', '%E2%80%AE',
  '00000000-0000-4000-8000-000000000000', 'ffffffff-ffff-ffff-ffff-ffffffffffff',
);
const longString = fc.integer({ min: 1_000, max: 200_000 }).map((n) => 'ä'.repeat(n));
const hostileString = fc.oneof(
  { arbitrary: odd, weight: 6 },
  { arbitrary: longString, weight: 1 },
  { arbitrary: fc.string({ unit: 'binary', maxLength: 40 }), weight: 1 },
  { arbitrary: fc.string({ maxLength: 20 }).map((s) => `${s}\u0000${s}`), weight: 1 },
);
const hostileNumber = fc.oneof(
  fc.constantFrom(2 ** 31, -(2 ** 31) - 1, 2 ** 53, Number.MAX_SAFE_INTEGER + 2, 1e308, -1e308, 0, -1, 0.5, -0),
  fc.double(),
  fc.integer(),
);
const hostileValue: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    hostileString,
    hostileNumber,
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(fc.oneof(hostileString, fc.constantFrom('__proto__', 'constructor')), tie('value'), { maxKeys: 3 }),
  ),
})).value;

const FIELDS = [
  'name', 'email', 'password', 'currentPassword', 'newPassword', 'token', 'code', 'version', 'phone', 'status',
  'organisationId', 'orgRoles', 'platformRoles', 'sectorCodes', 'regionCode', 'roles',
];
const QUERY_KEYS = ['from', 'to', 'limit', 'before', 'action', 'outcome', 'resourceType', 'resourceId', 'actorAccountId', 'cursor', 'q', 'organisationId', 'returnTo', 'code', 'state'];

/** A raw string for a URL: sometimes encoded properly, sometimes as it is (broken encodings included). */
const urlPiece = fc.tuple(hostileString, fc.boolean()).map(([s, encode]) => {
  const raw = s.slice(0, 3000);
  const bare = raw.replace(/[#?/\s]/g, '');
  if (!encode) return bare;
  try {
    return encodeURIComponent(raw);
  } catch {
    return bare; // a lone surrogate has no UTF-8 encoding: send it as it is
  }
});

const body = fc.oneof(
  fc.dictionary(fc.constantFrom(...FIELDS), hostileValue, { maxKeys: 6 }).map((b) => ({ json: b })),
  fc.record({ version: hostileNumber, name: hostileString }).map((b) => ({ json: b as unknown })),
  hostileValue.map((v) => ({ json: v })),
  fc.constantFrom('{', '{"name":', '{"a":1}}', '\u0000', 'null', '[]', '"x"').map((raw) => ({ raw })),
);

const request = fc.record({
  routeIndex: fc.nat(),
  asAdmin: fc.boolean(),
  params: fc.array(fc.oneof(urlPiece, fc.constant('ORG')), { minLength: 3, maxLength: 3 }),
  query: fc.array(fc.tuple(fc.oneof(fc.constantFrom(...QUERY_KEYS), urlPiece), urlPiece), { maxLength: 4 }),
  body: fc.option(body, { nil: undefined }),
  /** Values for the route's own query and body fields (from its contract), each sent or not. */
  fieldQuery: fc.array(fc.option(urlPiece, { nil: undefined, freq: 2 }), { minLength: 12, maxLength: 12 }),
  fieldBody: fc.array(fc.option(hostileValue, { nil: undefined, freq: 2 }), { minLength: 12, maxLength: 12 }),
  useFields: fc.boolean(),
  formEncoded: fc.boolean(),
});

test.prop([request], { numRuns: Number(process.env.PROPERTY_RUNS ?? 300) })(
  'hostile input on every route: never a 5xx; a refusal changes nothing',
  async (r) => {
    const routes = ctx.app.routeInventory;
    const route = routes[r.routeIndex % routes.length];
    if (!route) throw new Error('empty inventory');
    let p = 0;
    const path = route.url
      .split('/')
      .map((seg) => {
        if (!seg.startsWith(':') && seg !== '*') return seg;
        const value = r.params[p++ % 3] ?? '';
        return value === 'ORG' ? orgId : value;
      })
      .join('/');
    const shape = shapes.get(`${route.method === 'HEAD' ? 'GET' : route.method} ${route.url}`) ?? { query: [], body: [] };
    const pairs: [string, string][] = r.useFields ? shape.query.flatMap((k, i) => (r.fieldQuery[i % 12] === undefined ? [] : [[k, r.fieldQuery[i % 12] ?? '']])) : r.query;
    const query = pairs.map(([k, v]) => `${k}=${v}`).join('&');
    const url = query ? `${path}?${query}` : path;
    const who = r.asAdmin ? admin : anonymous;
    const hasBody = r.body !== undefined && route.method !== 'GET' && route.method !== 'HEAD';
    const fieldBody = Object.fromEntries(shape.body.flatMap((k, i) => (r.fieldBody[i % 12] === undefined ? [] : [[k, r.fieldBody[i % 12]]])));
    const payload =
      r.useFields && shape.body.length > 0 && route.method !== 'GET' && route.method !== 'HEAD'
        ? JSON.stringify(fieldBody)
        : !hasBody || !r.body
          ? undefined
          : 'raw' in r.body
            ? r.body.raw
            : JSON.stringify(r.body.json);
    const headers: Record<string, string> = {};
    if (payload !== undefined) headers['content-type'] = r.formEncoded && !r.useFields ? 'application/x-www-form-urlencoded' : 'application/json';

    const before = await counts();
    const res = await who.client.request({ method: route.method as 'GET', url, headers, ...(payload === undefined ? {} : { payload }) });
    expect(res.statusCode, `${route.method} ${url.slice(0, 300)} → ${res.body.slice(0, 300)}`).toBeLessThan(500);
    if (res.statusCode >= 400) {
      const after = await counts();
      const changed = Object.keys(after).filter((t) => !MAY_GROW_ON_REFUSAL.has(t) && after[t] !== before[t]);
      expect(changed, `${route.method} ${url.slice(0, 300)} refused with ${res.statusCode} but changed tables`).toEqual([]);
    }
    // A request may end the admin's session (logout, a revoked session): start a new one.
    if (r.asAdmin && (await admin.client.get('/api/auth/me')).statusCode !== 200) admin = await freshAdmin();
  },
  120_000,
);
