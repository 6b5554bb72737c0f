import type { TestContext } from './app.js';
import { makeOrganisation, makeUser } from './factories.js';
import { addToTeam, giveConsent, makeFamily, testRegion, withdrawConsent } from './families.js';
import { loginAs, type LoggedIn } from './login.js';
import { platformRole } from '../../src/server/db/schema/index.js';
import type { TConsentScope } from '../../src/shared/schemas/families/enums.js';

const ALL: TConsentScope[] = ['read_plan', 'edit_plan', 'journal'];

/**
 * A family with the people the care tests (waits, ateliers, journal, signals) act as:
 * the contact person and a colleague of organisation A (consent to A for every scope), a team member
 * of organisation B (read plan and journal), a team member of organisation C whose consent was
 * withdrawn, a professional not on the team, a network coordinator of the family's region and a
 * platform admin.
 */
export async function careFamily(ctx: TestContext, opts: { regionId?: string; name?: string } = {}) {
  const db = ctx.database.db;
  const regionId = opts.regionId ?? (await testRegion(db));
  const made = await makeFamily(db, { regionId, ...(opts.name ? { name: opts.name } : {}), now: ctx.clock.now() });
  const familyId = made.family.id;
  const [orgA, orgB, orgC] = [await makeOrganisation(db), await makeOrganisation(db), await makeOrganisation(db)];
  const user = (organisationId: string) => makeUser(db, { organisationId, orgRoles: ['professional'] });
  const contactUser = await user(orgA.id);
  const colleagueUser = await user(orgA.id);
  const orgBUser = await user(orgB.id);
  const withdrawnUser = await user(orgC.id);
  const outsiderUser = await user(orgA.id);
  await addToTeam(db, familyId, contactUser.person.id, orgA.id, { contact: true });
  await addToTeam(db, familyId, colleagueUser.person.id, orgA.id);
  await addToTeam(db, familyId, orgBUser.person.id, orgB.id);
  await addToTeam(db, familyId, withdrawnUser.person.id, orgC.id);
  const from = new Date(ctx.clock.now().getTime() - 86_400_000);
  await giveConsent(db, { familyId, memberId: made.child.id, organisationId: orgA.id, scopes: ALL, from });
  await giveConsent(db, { familyId, memberId: made.child.id, organisationId: orgB.id, scopes: ['read_plan', 'journal'], from });
  const cConsent = await giveConsent(db, { familyId, memberId: made.child.id, organisationId: orgC.id, scopes: ALL, from });
  await withdrawConsent(db, cConsent.id, new Date(ctx.clock.now().getTime() - 3_600_000));
  // The network coordinator of the family's region (platform_role.region_id set).
  const coordinatorUser = await makeUser(db);
  await db.insert(platformRole).values({ personId: coordinatorUser.person.id, role: 'network_coordinator', regionId });
  const login = (u: Awaited<ReturnType<typeof user>>, organisationId?: string): Promise<LoggedIn> =>
    loginAs(ctx, organisationId ? 'professional' : 'network-coordinator', { user: u, ...(organisationId ? { organisationId } : {}) });
  return {
    ...made,
    familyId,
    regionId,
    orgA: orgA.id,
    orgB: orgB.id,
    orgC: orgC.id,
    users: { contact: contactUser, colleague: colleagueUser, orgB: orgBUser, withdrawn: withdrawnUser, outsider: outsiderUser, coordinator: coordinatorUser },
    as: {
      contact: () => login(contactUser, orgA.id),
      colleague: () => login(colleagueUser, orgA.id),
      orgB: () => login(orgBUser, orgB.id),
      withdrawn: () => login(withdrawnUser, orgC.id),
      outsider: () => login(outsiderUser, orgA.id),
      coordinator: () => login(coordinatorUser),
      platformAdmin: () => loginAs(ctx, 'platform-admin'),
    },
  };
}
export type CareFamily = Awaited<ReturnType<typeof careFamily>>;
