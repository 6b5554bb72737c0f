import { eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../client.js';
import { account, organisationSector, sector } from '../schema/index.js';
import { hashPassword } from '../../platform/auth/password.js';
import { identityRepo } from '../../modules/identity/identity.repo.js';
import type { OrgRole, PlatformRole } from '../../../shared/permissions.js';
import type { SecretBox } from '../../platform/keys/secret-box.js';
import { SECRET_PURPOSE } from '../../platform/keys/sealed-secrets.repo.js';

/** The password of every demo account (README). Never used outside demo data. */
export const DEMO_PASSWORD = 'Samenplan-demo-2026';
/** The TOTP secret of every demo account (README): add it to an authenticator app. */
export const DEMO_TOTP_SECRET = 'SAMENPLANDEMOTOTPSECRETKEY234567';

/** Invented organisations of the demo network, with their sectors. */
const ORGANISATIONS: { name: string; sectors: string[] }[] = [
  { name: 'Jeugdhulp Kustlijn vzw', sectors: ['jeugdhulp'] },
  { name: 'CLB Polderland', sectors: ['clb', 'onderwijs'] },
  { name: 'CGG Zeewind', sectors: ['ggz'] },
  { name: 'Welzijnshuis De Vaart', sectors: ['caw'] },
  { name: 'Huis van het Kind Duinenrand', sectors: ['huis-van-het-kind', 'lokaal-bestuur'] },
];

/** Invented people, one account per role. */
export const DEMO_USERS: {
  email: string;
  name: string;
  organisation?: string;
  orgRoles?: OrgRole[];
  platformRoles?: PlatformRole[];
  role: string;
  noMfa?: boolean;
}[] = [
  { email: 'beheer@samenplan.demo', name: 'Lotte Verhaeghe', platformRoles: ['platform_admin'], role: 'platform admin' },
  { email: 'coordinator@samenplan.demo', name: 'Jonas Vandamme', platformRoles: ['network_coordinator'], role: 'network coordinator' },
  { email: 'orgbeheer@samenplan.demo', name: 'Sofie Maes', organisation: 'Jeugdhulp Kustlijn vzw', orgRoles: ['org_admin'], role: 'organisation admin' },
  { email: 'hulpverlener@samenplan.demo', name: 'Ruben Claeys', organisation: 'Jeugdhulp Kustlijn vzw', orgRoles: ['professional'], role: 'professional' },
  { email: 'clb@samenplan.demo', name: 'Amira El Idrissi', organisation: 'CLB Polderland', orgRoles: ['professional'], role: 'professional (CLB)' },
  {
    email: 'nieuw@samenplan.demo',
    name: 'Wout Peeters',
    organisation: 'CGG Zeewind',
    orgRoles: ['professional'],
    role: 'professional without a second factor yet (to try the enrolment)',
    noMfa: true,
  },
];

/** Loads the demo organisations and one account per role; idempotent on names and e-mail addresses. */
export async function loadDemoPeople(tx: DbOrTx, regionId: string, secrets: SecretBox): Promise<void> {
  const orgIds = new Map<string, string>();
  for (const o of ORGANISATIONS) {
    const org = await identityRepo.upsertOrganisation(tx, { name: o.name, regionId });
    orgIds.set(o.name, org.id);
    const sectors = await tx.select({ id: sector.id }).from(sector).where(inArray(sector.code, o.sectors));
    if (sectors.length > 0) {
      await tx.insert(organisationSector).values(sectors.map((s) => ({ organisationId: org.id, sectorId: s.id }))).onConflictDoNothing();
    }
  }
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  for (const u of DEMO_USERS) {
    const p = (await identityRepo.findPersonByEmail(tx, u.email)) ?? (await identityRepo.insertPerson(tx, { name: u.name, email: u.email }));
    const [existing] = await tx.select({ id: account.id }).from(account).where(eq(account.personId, p.id));
    if (!existing) {
      await identityRepo.insertAccount(tx, {
        email: u.email,
        personId: p.id,
        passwordHash,
        mfaSecret: u.noMfa ? null : secrets.seal(DEMO_TOTP_SECRET, SECRET_PURPOSE.mfaSecret),
        mfaEnabledAt: u.noMfa ? null : new Date(),
      });
    }
    const orgId = u.organisation ? orgIds.get(u.organisation) : undefined;
    if (orgId && u.orgRoles) await identityRepo.addMembership(tx, { personId: p.id, organisationId: orgId, roles: u.orgRoles });
    for (const role of u.platformRoles ?? []) {
      await identityRepo.addPlatformRole(tx, { personId: p.id, role, regionId: role === 'network_coordinator' ? regionId : null });
    }
  }
}
