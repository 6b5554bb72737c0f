import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../../db/client.js';
import { bridgingHelp, organisation, service, wait } from '../../db/schema/index.js';
import type { TDisclosure, WAIT_STATUSES } from '../../../shared/schemas/families/enums.js';

type TWaitStatus = (typeof WAIT_STATUSES)[number];

/** SQL of waits and their bridging help; every query names the family, so an id of another family is simply absent. */

const serviceOrg = alias(organisation, 'service_org');
const waitColumns = {
  id: wait.id,
  serviceText: wait.serviceText,
  serviceId: service.id,
  serviceName: service.name,
  serviceOrganisationName: serviceOrg.name,
  serviceStatus: service.status,
  serviceWaitingDays: service.waitingDays,
  serviceWaitingConfirmedOn: service.waitingConfirmedOn,
  organisationId: wait.organisationId,
  organisationName: organisation.name,
  sinceOn: wait.sinceOn,
  expectedStartOn: wait.expectedStartOn,
  status: wait.status,
  endedOn: wait.endedOn,
  disclosure: wait.disclosure,
  youthMemberId: wait.youthMemberId,
  version: wait.version,
};
const bridgingColumns = {
  id: bridgingHelp.id,
  waitId: bridgingHelp.waitId,
  provider: bridgingHelp.provider,
  organisationId: bridgingHelp.organisationId,
  organisationName: organisation.name,
  what: bridgingHelp.what,
  fromOn: bridgingHelp.fromOn,
  untilOn: bridgingHelp.untilOn,
  version: bridgingHelp.version,
};

export type WaitRow = Awaited<ReturnType<typeof waitsRepo.waits>>[number];
export type BridgingRow = Awaited<ReturnType<typeof waitsRepo.bridging>>[number];

export interface WaitValues {
  serviceText: string;
  serviceId: string | null;
  organisationId: string | null;
  sinceOn: string;
  expectedStartOn: string | null;
  status: TWaitStatus;
  endedOn: string | null;
  disclosure: TDisclosure;
  youthMemberId: string | null;
}
export interface BridgingValues {
  provider: string;
  organisationId: string | null;
  what: string;
  fromOn: string;
  untilOn: string | null;
}

export const waitsRepo = {
  /** The family's waits (waiting first, then by since), or one of them. */
  waits(db: DbOrTx, familyId: string, waitId?: string) {
    return db
      .select(waitColumns)
      .from(wait)
      .leftJoin(organisation, eq(organisation.id, wait.organisationId))
      .leftJoin(service, eq(service.id, wait.serviceId))
      .leftJoin(serviceOrg, eq(serviceOrg.id, service.organisationId))
      .where(and(eq(wait.familyId, familyId), waitId ? eq(wait.id, waitId) : undefined))
      .orderBy(sql`(${wait.status} = 'waiting') desc`, asc(wait.sinceOn), asc(wait.id));
  },

  bridging(db: DbOrTx, familyId: string, waitIds: string[], bridgingId?: string) {
    if (waitIds.length === 0) return Promise.resolve([]);
    return db
      .select(bridgingColumns)
      .from(bridgingHelp)
      .leftJoin(organisation, eq(organisation.id, bridgingHelp.organisationId))
      .where(and(eq(bridgingHelp.familyId, familyId), inArray(bridgingHelp.waitId, waitIds), bridgingId ? eq(bridgingHelp.id, bridgingId) : undefined))
      .orderBy(asc(bridgingHelp.fromOn), asc(bridgingHelp.id));
  },

  /** A directory service a wait may point at (name and organisation fill in what the caller left out). */
  async directoryService(db: DbOrTx, serviceId: string) {
    const [row] = await db
      .select({ id: service.id, name: service.name, organisationId: service.organisationId })
      .from(service)
      .where(eq(service.id, serviceId));
    return row;
  },

  /** One wait of the family, locked for the change. */
  async lockWait(db: DbOrTx, familyId: string, waitId: string) {
    const [row] = await db.select().from(wait).where(and(eq(wait.id, waitId), eq(wait.familyId, familyId))).for('update');
    return row;
  },

  async lockBridging(db: DbOrTx, familyId: string, waitId: string, bridgingId: string) {
    const [row] = await db
      .select()
      .from(bridgingHelp)
      .where(and(eq(bridgingHelp.id, bridgingId), eq(bridgingHelp.waitId, waitId), eq(bridgingHelp.familyId, familyId)))
      .for('update');
    return row;
  },

  async insertWait(db: DbOrTx, familyId: string, values: WaitValues, now: Date): Promise<string> {
    const [row] = await db.insert(wait).values({ familyId, ...values, createdAt: now, updatedAt: now }).returning({ id: wait.id });
    if (!row) throw new Error('wait not inserted');
    return row.id;
  },

  /** Updates when the version matches; false when somebody else changed it first. */
  async updateWait(db: DbOrTx, waitId: string, version: number, values: Partial<WaitValues>, now: Date): Promise<boolean> {
    const rows = await db
      .update(wait)
      .set({ ...values, updatedAt: now, version: sql`${wait.version} + 1` })
      .where(and(eq(wait.id, waitId), eq(wait.version, version)))
      .returning({ id: wait.id });
    return rows.length === 1;
  },

  async insertBridging(db: DbOrTx, familyId: string, waitId: string, values: BridgingValues, now: Date): Promise<string> {
    const [row] = await db.insert(bridgingHelp).values({ familyId, waitId, ...values, createdAt: now, updatedAt: now }).returning({ id: bridgingHelp.id });
    if (!row) throw new Error('bridging help not inserted');
    return row.id;
  },

  async updateBridging(db: DbOrTx, bridgingId: string, version: number, values: Partial<BridgingValues>, now: Date): Promise<boolean> {
    const rows = await db
      .update(bridgingHelp)
      .set({ ...values, updatedAt: now, version: sql`${bridgingHelp.version} + 1` })
      .where(and(eq(bridgingHelp.id, bridgingId), eq(bridgingHelp.version, version)))
      .returning({ id: bridgingHelp.id });
    return rows.length === 1;
  },
};
