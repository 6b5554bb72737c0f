import { and, desc, eq, gte, lt, lte } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { auditEvent, person } from '../../db/schema/index.js';

export interface AuditFilter {
  action?: string | undefined;
  outcome?: 'success' | 'denied' | 'failed' | undefined;
  actorAccountId?: string | undefined;
  resourceType?: string | undefined;
  resourceId?: string | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
  before?: number | undefined;
  limit: number;
}

/** Reading the audit trail, newest first, with keyset pagination on seq. */
export const auditRepo = {
  page(db: DbOrTx, f: AuditFilter) {
    return db
      .select({
        seq: auditEvent.seq,
        id: auditEvent.id,
        occurredAt: auditEvent.occurredAt,
        actorAccountId: auditEvent.actorAccountId,
        actorPersonId: auditEvent.actorPersonId,
        actorName: person.name,
        actorLabel: auditEvent.actorLabel,
        action: auditEvent.action,
        resourceType: auditEvent.resourceType,
        resourceId: auditEvent.resourceId,
        familyId: auditEvent.familyId,
        organisationId: auditEvent.organisationId,
        ip: auditEvent.ip,
        outcome: auditEvent.outcome,
        reason: auditEvent.reason,
      })
      .from(auditEvent)
      .leftJoin(person, eq(person.id, auditEvent.actorPersonId))
      .where(
        and(
          f.action ? eq(auditEvent.action, f.action) : undefined,
          f.outcome ? eq(auditEvent.outcome, f.outcome) : undefined,
          f.actorAccountId ? eq(auditEvent.actorAccountId, f.actorAccountId) : undefined,
          f.resourceType ? eq(auditEvent.resourceType, f.resourceType) : undefined,
          f.resourceId ? eq(auditEvent.resourceId, f.resourceId) : undefined,
          f.from ? gte(auditEvent.occurredAt, f.from) : undefined,
          f.to ? lte(auditEvent.occurredAt, f.to) : undefined,
          f.before ? lt(auditEvent.seq, f.before) : undefined,
        ),
      )
      .orderBy(desc(auditEvent.seq))
      .limit(f.limit + 1);
  },
};
