import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../client.js';
import { account, organisation } from '../schema/index.js';
import { hashPassword } from '../../platform/auth/password.js';
import { identityRepo } from '../../modules/identity/identity.repo.js';
import type { SecretBox } from '../../platform/keys/secret-box.js';
import { SECRET_PURPOSE } from '../../platform/keys/sealed-secrets.repo.js';
import { DEMO_PASSWORD, DEMO_TOTP_SECRET } from './people.js';

/**
 * A demo login in a host organisation of exchange learning other than Jeugdhulp Kustlijn vzw: the
 * organisation admin of MFC De Brugse Meersen (disability care), whose Dagcentrum De Meersen the
 * CLB worker visited (learning.ts), so the host side of that visit — reading the visitor's
 * reflection, writing its own — can be tried. Same password and second factor as every demo
 * account (people.ts). Runs after loadDemoDirectory (the organisation) and loadDemoExchange.
 * Idempotent on the e-mail address.
 */
export const DEMO_EXCHANGE_HOST = {
  email: 'meersen@samenplan.demo',
  name: 'Katrien Dewitte',
  organisation: 'MFC De Brugse Meersen',
  role: 'organisation admin (host of exchange visits)',
} as const;

export async function loadDemoExchangeHost(tx: DbOrTx, secrets: SecretBox): Promise<void> {
  const [org] = await tx.select({ id: organisation.id }).from(organisation).where(eq(organisation.name, DEMO_EXCHANGE_HOST.organisation));
  if (!org) return;
  const p = (await identityRepo.findPersonByEmail(tx, DEMO_EXCHANGE_HOST.email)) ?? (await identityRepo.insertPerson(tx, { name: DEMO_EXCHANGE_HOST.name, email: DEMO_EXCHANGE_HOST.email }));
  const [existing] = await tx.select({ id: account.id }).from(account).where(eq(account.personId, p.id));
  if (existing) return;
  await identityRepo.insertAccount(tx, {
    email: DEMO_EXCHANGE_HOST.email,
    personId: p.id,
    passwordHash: await hashPassword(DEMO_PASSWORD),
    mfaSecret: secrets.seal(DEMO_TOTP_SECRET, SECRET_PURPOSE.mfaSecret),
    mfaEnabledAt: new Date(),
  });
  await identityRepo.addMembership(tx, { personId: p.id, organisationId: org.id, roles: ['org_admin'] });
}
