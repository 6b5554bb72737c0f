import { and, desc, eq, gte, lt, lte, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../../db/client.js';
import { account, auditEvent, organisation, person } from '../../db/schema/index.js';
import { auditEventColumns } from '../../platform/audit/audit.repo.js';

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

const UUID = '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$';

// The people and organisations a row names, each found by primary key (one page = a few dozen lookups).
const actorPerson = alias(person, 'actor_person');
const actorAccount = alias(account, 'actor_account');
const actorAccountPerson = alias(person, 'actor_account_person');
const resourcePerson = alias(person, 'resource_person');
const resourceAccount = alias(account, 'resource_account');
const resourceAccountPerson = alias(person, 'resource_account_person');
const resourceOrganisation = alias(organisation, 'resource_organisation');

/** The resource id as a uuid when the row is about `type`, else null (so no join and no cast error). */
const resourceUuid = (type: string) =>
  sql`case when ${auditEvent.resourceType} = ${type} and ${auditEvent.resourceId} ~ ${UUID} then ${auditEvent.resourceId}::uuid end`;

/** Reading the audit trail, newest first, with keyset pagination on seq. */
export const auditRepo = {
  page(db: DbOrTx, f: AuditFilter) {
    return db
      .select({
        ...auditEventColumns,
        actorName: sql<string | null>`coalesce(${actorPerson.name}, ${actorAccountPerson.name})`,
        resourceName: sql<string | null>`coalesce(${resourcePerson.name}, ${resourceAccountPerson.name}, ${resourceOrganisation.name})`,
      })
      .from(auditEvent)
      .leftJoin(actorPerson, eq(actorPerson.id, auditEvent.actorPersonId))
      .leftJoin(actorAccount, and(sql`${auditEvent.actorPersonId} is null`, eq(actorAccount.id, auditEvent.actorAccountId)))
      .leftJoin(actorAccountPerson, eq(actorAccountPerson.id, actorAccount.personId))
      .leftJoin(resourcePerson, eq(resourcePerson.id, resourceUuid('person')))
      .leftJoin(resourceAccount, eq(resourceAccount.id, resourceUuid('account')))
      .leftJoin(resourceAccountPerson, eq(resourceAccountPerson.id, resourceAccount.personId))
      .leftJoin(resourceOrganisation, eq(resourceOrganisation.id, resourceUuid('organisation')))
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
