import { randomUUID } from 'node:crypto';
import type { Db } from '../../src/server/db/client.js';
import { account, membership, organisation, person, platformRole } from '../../src/server/db/schema/index.js';
import { hashPassword } from '../../src/server/platform/auth/password.js';
import { newTotpSecret } from '../../src/server/platform/auth/totp.js';
import { SECRET_PURPOSE } from '../../src/server/platform/keys/sealed-secrets.repo.js';
import { testSecretBox } from './secrets.js';

export const TEST_PASSWORD = 'Zonnebloem-Kanaal-42';

/** A fresh organisation with a unique name. */
export async function makeOrganisation(db: Db, name = `Organisatie ${randomUUID().slice(0, 8)}`) {
  const [row] = await db.insert(organisation).values({ name }).returning();
  if (!row) throw new Error('organisation not created');
  return row;
}

let cachedHash: Promise<string> | undefined;

/**
 * A person with an account (password TEST_PASSWORD, TOTP enrolled unless mfa: false), optionally
 * a member of an organisation with roles, and platform roles.
 */
export async function makeUser(
  db: Db,
  opts: {
    organisationId?: string;
    orgRoles?: ('org_admin' | 'professional')[];
    platformRoles?: ('platform_admin' | 'network_coordinator')[];
    mfa?: boolean;
    status?: 'active' | 'disabled';
  } = {},
) {
  const email = `user-${randomUUID().slice(0, 8)}@example.test`;
  const [p] = await db.insert(person).values({ name: `Test ${email.slice(5, 13)}`, email, status: opts.status ?? 'active' }).returning();
  if (!p) throw new Error('person not created');
  cachedHash ??= hashPassword(TEST_PASSWORD);
  const secret = opts.mfa === false ? null : newTotpSecret();
  const [a] = await db
    .insert(account)
    .values({
      email,
      personId: p.id,
      passwordHash: await cachedHash,
      // Sealed like the app seals it (the test apps use TEST_SECRET_KEY).
      mfaSecret: secret ? testSecretBox.seal(secret, SECRET_PURPOSE.mfaSecret) : null,
      mfaEnabledAt: secret ? new Date() : null,
      status: opts.status ?? 'active',
    })
    .returning();
  if (!a) throw new Error('account not created');
  if (opts.organisationId) {
    await db.insert(membership).values({ personId: p.id, organisationId: opts.organisationId, roles: opts.orgRoles ?? ['professional'] });
  }
  for (const role of opts.platformRoles ?? []) await db.insert(platformRole).values({ personId: p.id, role });
  return { person: p, account: a, email, password: TEST_PASSWORD, totpSecret: secret };
}
