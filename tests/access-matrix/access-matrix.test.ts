import { afterAll, beforeAll, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { createTestApp, type TestContext } from '../helpers/app.js';
import { makeOrganisation, makeUser } from '../helpers/factories.js';
import { loginAs, stepUp, type LoggedIn, type TestRole } from '../helpers/login.js';
import { organisation, person } from '../../src/server/db/schema/index.js';
import { loadReferenceData } from '../../src/server/db/reference-data.js';
import { ACTORS, type ActorName, type MatrixFixture, type MatrixRow } from './matrix.js';
import * as audit from './audit.matrix.js';
import * as auth from './auth.matrix.js';
import * as care from './care.matrix.js';
import * as families from './families.matrix.js';
import * as hsds from './hsds.matrix.js';
import * as governance from './governance.matrix.js';
import * as governancePlanDecisions from './governance-plan-decisions.matrix.js';
import * as identity from './identity.matrix.js';
import * as lifeDomains from './lifedomains.matrix.js';
import * as plan from './plan.matrix.js';
import * as reference from './reference.matrix.js';
import * as requests from './requests.matrix.js';
import * as directoryManage from './directory-manage.matrix.js';
import * as directoryPublic from './directory-public.matrix.js';
import * as learning from './learning.matrix.js';
import * as portal from './portal.matrix.js';
import * as exchange from './exchange.matrix.js';
import * as toolkit from './toolkit.matrix.js';
import * as practices from './practices.matrix.js';
import * as marking from './marking.matrix.js';

/** Every module's table (see matrix.ts for how a module adds one). */
const MODULES: Record<string, MatrixRow[]> = {
  audit: audit.rows,
  auth: auth.rows,
  care: care.rows,
  families: families.rows,
  hsds: hsds.rows,
  governance: governance.rows,
  governancePlanDecisions: governancePlanDecisions.rows,
  identity: identity.rows,
  lifeDomains: lifeDomains.rows,
  plan: plan.rows,
  reference: reference.rows,
  requests: requests.rows,
  directoryManage: directoryManage.rows,
  directoryPublic: directoryPublic.rows,
  learning: learning.rows,
  portal: portal.rows,
  exchange: exchange.rows,
  toolkit: toolkit.rows,
  practices: practices.rows,
  marking: marking.rows,
};

const ROLE_OF: Record<ActorName, { role: TestRole; org: 'A' | 'B' | null }> = {
  anonymous: { role: 'anonymous', org: null },
  passwordOnly: { role: 'password-only', org: 'A' },
  professional: { role: 'professional', org: 'A' },
  orgAdminOther: { role: 'org-admin', org: 'B' },
  orgAdmin: { role: 'org-admin', org: 'A' },
  coordinator: { role: 'network-coordinator', org: null },
  platformAdmin: { role: 'platform-admin', org: null },
};

let ctx: TestContext;
let fixture: MatrixFixture;

beforeAll(async () => {
  ctx = await createTestApp();
  const db = ctx.database.db;
  await loadReferenceData(db);
  const orgA = (await makeOrganisation(db)).id;
  const orgB = (await makeOrganisation(db)).id;
  fixture = {
    ctx,
    orgA,
    orgB,
    unique: () => randomUUID().slice(0, 8),
    async makePersonInA(opts = {}) {
      const u = await makeUser(db, { organisationId: orgA, orgRoles: ['professional'], ...(opts.disabledBy ? { status: 'disabled' } : {}) });
      if (opts.disabledBy) await db.update(person).set({ disabledBy: opts.disabledBy }).where(eq(person.id, u.person.id));
      return { personId: u.person.id, accountId: u.account.id };
    },
    async personVersion(id) {
      const [row] = await db.select({ version: person.version }).from(person).where(eq(person.id, id));
      if (!row) throw new Error(`no person ${id}`);
      return row.version;
    },
    async organisationVersion(id) {
      const [row] = await db.select({ version: organisation.version }).from(organisation).where(eq(organisation.id, id));
      if (!row) throw new Error(`no organisation ${id}`);
      return row.version;
    },
  };
});
afterAll(() => ctx.close());

it('answers every route in the inventory with the status its row expects, for every actor; every route has a row', async () => {
  const rows = Object.values(MODULES).flat();
  const problems: string[] = [];

  // Coverage both ways: a route without a row, a row without a route, a route with two rows.
  // The built web app's files (present once `npm run build` ran, e.g. in the e2e setup that the same
  // `npm test` runs) are public static content, one route per hashed file: not API routes, no rows.
  const apiRoutes = ctx.app.routeInventory.filter((r) => r.url.startsWith('/api'));
  const inventory = new Set(apiRoutes.filter((r) => r.method !== 'HEAD').map((r) => `${r.method} ${r.url}`));
  const seen = new Set<string>();
  for (const row of rows) {
    if (seen.has(row.route)) problems.push(`two rows for ${row.route}`);
    seen.add(row.route);
    if (!inventory.has(row.route)) problems.push(`row for a route that does not exist: ${row.route}`);
  }
  for (const route of inventory) if (!seen.has(route)) problems.push(`route without a row in the access matrix: ${route}`);
  for (const r of apiRoutes) {
    if (r.method === 'HEAD' && !inventory.has(`GET ${r.url}`)) problems.push(`HEAD route without a GET: ${r.url}`);
  }

  const sessions = new Map<ActorName, LoggedIn>();
  const login = (actor: ActorName) => {
    const { role, org } = ROLE_OF[actor];
    return loginAs(ctx, role, org ? { organisationId: org === 'A' ? fixture.orgA : fixture.orgB } : {});
  };
  for (const actor of ACTORS) sessions.set(actor, await login(actor));

  for (const row of rows) {
    if (!inventory.has(row.route)) continue;
    const [method = 'GET', pattern = ''] = row.route.split(' ');
    for (const actor of ACTORS) {
      // A request that ends or changes the session gets a new person and session of its own.
      const who = row.fresh ? await login(actor) : (sessions.get(actor) as LoggedIn);
      if (row.stepUp && who.user && actor !== 'passwordOnly') await stepUp(ctx, who);
      const req = row.request ? await row.request(fixture, actor) : { url: pattern };
      if (req.url.includes('/:') || req.url.endsWith('*')) throw new Error(`${row.route}: give a concrete url in request()`);
      const res = await who.client.request({
        method: method as 'GET',
        url: req.url,
        ...(req.payload === undefined ? {} : { payload: req.payload as Record<string, unknown> }),
        ...(req.headers ? { headers: req.headers } : {}),
      });
      if (res.statusCode !== row.expect[actor]) {
        problems.push(`${row.route} as ${actor}: expected ${row.expect[actor]}, got ${res.statusCode} ${res.body.slice(0, 160)}`);
      }
      if (res.statusCode >= 500) problems.push(`${row.route} as ${actor}: server error`);
    }
  }
  expect(problems).toEqual([]);
}, 600_000); // every route × every caller in one test: it grows with each module
