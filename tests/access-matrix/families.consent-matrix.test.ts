import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, type TestContext } from '../helpers/app.js';
import { makeOrganisation, makeUser } from '../helpers/factories.js';
import { addToTeam, giveConsent, makeFamily, testRegion, withdrawConsent } from '../helpers/families.js';
import { loginAs, stepUp, type LoggedIn } from '../helpers/login.js';
import { platformRole } from '../../src/server/db/schema/index.js';
import { FAMILY_ACTORS, shortId, type FamilyActor, type FamilyCast, type FamilyMatrixRow, type FamilyWorld } from './families.consent-matrix.js';
import * as care from './families.care.consent-rows.js';
import * as core from './families.core.consent-rows.js';
import * as plan from './families.plan.consent-rows.js';
import * as portal from './families.portal.consent-rows.js';
import * as marking from './families.marking.consent-rows.js';

/** Every area's rows of the family access matrix (see families.consent-matrix.ts for how an area adds its file). */
const AREAS: Record<string, FamilyMatrixRow[]> = {
  core: core.rows,
  care: care.rows,
  plan: plan.rows,
  portal: portal.rows,
  marking: marking.rows,
};

let ctx: TestContext;
let regionId: string;
let cast: FamilyCast;
const sessions = new Map<FamilyActor, LoggedIn>();

beforeAll(async () => {
  ctx = await createTestApp();
  const db = ctx.database.db;
  regionId = await testRegion(db);
  const [orgA, orgB, orgC, orgD] = [
    (await makeOrganisation(db)).id,
    (await makeOrganisation(db)).id,
    (await makeOrganisation(db)).id,
    (await makeOrganisation(db)).id,
  ] as [string, string, string, string];
  const coordinatorUser = await makeUser(db, {});
  await db.insert(platformRole).values({ personId: coordinatorUser.person.id, role: 'network_coordinator', regionId });
  sessions.set('contactPerson', await loginAs(ctx, 'professional', { organisationId: orgA }));
  sessions.set('teamWithConsent', await loginAs(ctx, 'professional', { organisationId: orgB }));
  sessions.set('teamWithdrawn', await loginAs(ctx, 'professional', { organisationId: orgC }));
  sessions.set('otherOrgProfessional', await loginAs(ctx, 'professional', { organisationId: orgD }));
  sessions.set('coordinator', await loginAs(ctx, 'network-coordinator', { user: coordinatorUser }));
  sessions.set('platformAdmin', await loginAs(ctx, 'platform-admin'));
  sessions.set('anonymous', await loginAs(ctx, 'anonymous'));
  const personOf = Object.fromEntries(FAMILY_ACTORS.map((a) => [a, sessions.get(a)?.user?.person.id ?? null])) as FamilyCast['personOf'];
  cast = { orgA, orgB, orgC, orgD, personOf };
});
afterAll(async () => ctx?.close());

/** A new family with the cast placed in it (see the actors in families.consent-matrix.ts). */
async function makeWorld(): Promise<FamilyWorld> {
  const db = ctx.database.db;
  const f = await makeFamily(db, { regionId });
  const p = cast.personOf;
  await addToTeam(db, f.family.id, p.contactPerson!, cast.orgA, { contact: true });
  await addToTeam(db, f.family.id, p.teamWithConsent!, cast.orgB);
  await addToTeam(db, f.family.id, p.teamWithdrawn!, cast.orgC);
  const given = await giveConsent(db, { familyId: f.family.id, memberId: f.child.id, organisationId: cast.orgB, scopes: ['read_plan', 'edit_plan', 'journal'] });
  const withdrawn = await giveConsent(db, { familyId: f.family.id, memberId: f.child.id, organisationId: cast.orgC, scopes: ['read_plan', 'edit_plan', 'journal'] });
  await withdrawConsent(db, withdrawn.id, new Date(Date.now() - 30_000));
  const team = await db.query.teamMember.findMany({ where: (t, { eq }) => eq(t.familyId, f.family.id) });
  const rowOf = (personId: string | null) => team.find((t) => t.personId === personId)?.id;
  return {
    ...cast,
    ctx,
    db,
    regionId,
    familyId: f.family.id,
    childId: f.child.id,
    parentId: f.parent.id,
    consentId: given.id,
    withdrawnConsentId: withdrawn.id,
    teamRowOf: { contactPerson: rowOf(p.contactPerson), teamWithConsent: rowOf(p.teamWithConsent), teamWithdrawn: rowOf(p.teamWithdrawn) },
    async newcomer() {
      const u = await makeUser(db, { organisationId: cast.orgD, orgRoles: ['professional'] });
      return { personId: u.person.id, organisationId: cast.orgD };
    },
    unique: shortId,
  };
}

it('answers every family route with the status its row expects, for every actor; every family route has a row', async () => {
  const rows = Object.values(AREAS).flat();
  const problems: string[] = [];
  const inventory = new Set(ctx.app.routeInventory.filter((r) => r.method !== 'HEAD').map((r) => `${r.method} ${r.url}`));
  const familyRoutes = [...inventory].filter((r) => /^[A-Z]+ \/api\/families(\/:id(\/|$)|$)/.test(r));
  const seen = new Set<string>();
  for (const row of rows) {
    if (seen.has(row.route)) problems.push(`two rows for ${row.route}`);
    seen.add(row.route);
    if (!inventory.has(row.route)) problems.push(`row for a route that does not exist: ${row.route}`);
  }
  for (const route of familyRoutes) if (!seen.has(route)) problems.push(`family route without a row in the family access matrix: ${route}`);

  for (const row of rows) {
    if (!inventory.has(row.route)) continue;
    const method = row.route.split(' ')[0] as 'GET';
    for (const actor of FAMILY_ACTORS) {
      const who = sessions.get(actor)!;
      const world = await makeWorld();
      if (row.stepUp && who.user) await stepUp(ctx, who);
      const req = await row.request(world, actor);
      const res = await who.client.request({
        method,
        url: req.url,
        ...(req.payload === undefined ? {} : { payload: req.payload as Record<string, unknown> }),
        ...(req.headers ? { headers: req.headers } : {}),
      });
      if (res.statusCode !== row.expect[actor]) problems.push(`${row.route} as ${actor}: expected ${row.expect[actor]}, got ${res.statusCode} ${res.body.slice(0, 160)}`);
      const problem = row.verify?.(res, world, actor);
      if (problem) problems.push(`${row.route} as ${actor}: ${problem}`);
    }
  }
  expect(problems).toEqual([]);
}, 300_000);
