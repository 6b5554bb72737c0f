/**
 * The bench's write, in the shape of the identity service's updateOrganisation: one transaction
 * that locks the organisation's row, updates it with its version, appends the audit row and reads
 * the organisation back — without the audit row, with it, or with the audit design this platform
 * had before the sealer (a global advisory lock held to commit), for the before/after comparison.
 */
import { createHash } from 'node:crypto';
import { desc, sql } from 'drizzle-orm';
import type { Db } from '../../src/server/db/client.js';
import { auditEvent } from '../../src/server/db/schema/index.js';
import { recordAudit } from '../../src/server/platform/audit/audit.js';
import { identityAdminRepo } from '../../src/server/modules/identity/identity.repo.js';

export type WriteMode = 'plain' | 'audited' | 'old-lock';
export const WRITE_MODES: readonly WriteMode[] = ['plain', 'audited', 'old-lock'];

/** The advisory lock key the old recordAudit took, emulated for the comparison only. */
export const OLD_AUDIT_LOCK = 7_330_2026;

/** Changes organisation `id` the way PATCH /api/admin/organisations/:id does. */
export async function writeOrganisation(db: Db, id: string, mode: WriteMode, ip: string | null = null) {
  return db.transaction(async (tx) => {
    const facts = await identityAdminRepo.lockOrganisation(tx, id);
    if (!facts) throw new Error(`bench: organisation ${id} missing`);
    if (!(await identityAdminRepo.updateOrganisation(tx, id, facts.version, {}, new Date()))) throw new Error('bench: version conflict');
    if (mode === 'old-lock') {
      // What recordAudit did before the sealer: one global lock to commit, then read the newest
      // row to chain onto (the hash is computed and thrown away).
      await tx.execute(sql`select pg_advisory_xact_lock(${OLD_AUDIT_LOCK})`);
      const [last] = await tx.select({ seq: auditEvent.seq }).from(auditEvent).orderBy(desc(auditEvent.seq)).limit(1);
      createHash('sha256').update(String(last?.seq ?? 0)).digest('hex');
    }
    if (mode !== 'plain') {
      await recordAudit(tx, {
        actorLabel: 'bench', ip, action: 'organisation.update', resourceType: 'organisation', resourceId: id,
        organisationId: id, outcome: 'success', details: { fields: ['name'] },
      });
    }
    return identityAdminRepo.organisation(tx, id);
  });
}
