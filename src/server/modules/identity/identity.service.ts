import type { DbOrTx } from '../../db/client.js';
import { recordAudit, type AuditEntry } from '../../platform/audit/audit.js';
import { Duplicate, isUniqueViolation } from '../../platform/errors.js';
import { randomToken, sha256 } from '../../platform/auth/tokens.js';
import type { OrgRole, PlatformRole } from '../../../shared/permissions.js';
import { identityRepo } from './identity.repo.js';

export const ENROLMENT_TTL_MS = 7 * 24 * 60 * 60_000;

export interface NewUser {
  name: string;
  email: string;
  phone?: string | null;
  organisationId?: string;
  orgRoles?: OrgRole[];
  platformRoles?: PlatformRole[];
}

/**
 * Creates a person with an account that has no password yet, and a one-time enrolment token
 * (valid 7 days) with which they choose a password and set up their second factor.
 * Given a transaction it runs inside it (as a savepoint), so a service's checks and this write commit together.
 */
export async function createUserWithEnrolment(
  db: DbOrTx,
  input: NewUser,
  now: Date,
  actor: Pick<AuditEntry, 'actorAccountId' | 'actorPersonId' | 'actorLabel' | 'ip'>,
) {
  return db
    .transaction(async (tx) => {
      if (await identityRepo.findPersonByEmail(tx, input.email)) throw new Duplicate('email');
      const p = await identityRepo.insertPerson(tx, { name: input.name, email: input.email, phone: input.phone ?? null });
      const a = await identityRepo.insertAccount(tx, { email: input.email, personId: p.id });
      if (input.organisationId) {
        await identityRepo.addMembership(tx, { personId: p.id, organisationId: input.organisationId, roles: input.orgRoles ?? ['professional'] });
      }
      for (const role of input.platformRoles ?? []) await identityRepo.addPlatformRole(tx, { personId: p.id, role });
      const token = randomToken();
      await identityRepo.insertAuthToken(tx, {
        tokenHash: sha256(token),
        accountId: a.id,
        purpose: 'enrolment',
        expiresAt: new Date(now.getTime() + ENROLMENT_TTL_MS),
      });
      await recordAudit(tx, {
        ...actor,
        action: 'person.create',
        resourceType: 'person',
        resourceId: p.id,
        organisationId: input.organisationId ?? null,
        outcome: 'success',
        details: { platformRoles: input.platformRoles ?? [], orgRoles: input.orgRoles ?? [] },
      });
      return { person: p, account: a, enrolmentToken: token };
  })
    // Two creations of one address at once: the unique index decides, the loser gets 409.
    .catch((err: unknown) => {
      if (isUniqueViolation(err)) throw new Duplicate('email');
      throw err;
    });
}
