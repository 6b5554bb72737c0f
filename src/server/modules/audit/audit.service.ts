import type { DbOrTx } from '../../db/client.js';
import { auditRepo, type AuditFilter } from './audit.repo.js';

/** One page of the audit trail, newest first, and the cursor of the next page (null at the end). */
export async function auditPage(db: DbOrTx, filter: AuditFilter) {
  // One row more than asked tells whether another page exists.
  const rows = await auditRepo.page(db, filter);
  const page = rows.slice(0, filter.limit);
  return {
    data: page.map((r) => ({ ...r, occurredAt: r.occurredAt.toISOString() })),
    nextBefore: rows.length > filter.limit ? (page[page.length - 1]?.seq ?? null) : null,
  };
}
