import { and, asc, eq, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../../db/client.js';
import { learningExchangeOffer, learningExchangeRequest, membership, organisation, organisationSector, person, sector } from '../../db/schema/index.js';
import { afterCursor, toPage } from '../../db/paging.js';
import type { TExchangeRequestStatus, TOfferStatus } from '../../../shared/schemas/exchange.js';

/** SQL of exchange learning: host offers and the requests for a day. */

const offerColumns = {
  id: learningExchangeOffer.id,
  organisationId: learningExchangeOffer.organisationId,
  organisationName: organisation.name,
  sector: learningExchangeOffer.sectorCode,
  team: learningExchangeOffer.team,
  description: learningExchangeOffer.description,
  dates: learningExchangeOffer.dates,
  visitorsPerDay: learningExchangeOffer.visitorsPerDay,
  status: learningExchangeOffer.status,
  version: learningExchangeOffer.version,
};

const sortDates = (dates: string[]) => [...dates].sort();

function selectOffers(db: DbOrTx, where: SQL | undefined, limit?: number) {
  const q = db
    .select(offerColumns)
    .from(learningExchangeOffer)
    .innerJoin(organisation, eq(organisation.id, learningExchangeOffer.organisationId))
    .where(where)
    .orderBy(asc(sql`lower(${learningExchangeOffer.team})`), asc(learningExchangeOffer.id));
  return limit === undefined ? q : q.limit(limit);
}

const hostOrg = alias(organisation, 'host_org');
const visitorOrg = alias(organisation, 'visitor_org');
const visitor = alias(person, 'visitor');
const reflector = alias(person, 'reflector');

const requestColumns = {
  id: learningExchangeRequest.id,
  offerId: learningExchangeRequest.offerId,
  offerTeam: learningExchangeOffer.team,
  hostOrganisationId: learningExchangeRequest.hostOrganisationId,
  hostOrganisationName: hostOrg.name,
  hostSector: learningExchangeRequest.hostSectorCode,
  visitorPersonId: learningExchangeRequest.visitorPersonId,
  visitorName: visitor.name,
  visitorEmail: visitor.email,
  visitorOrganisationId: learningExchangeRequest.visitorOrganisationId,
  visitorOrganisationName: visitorOrg.name,
  visitorSector: learningExchangeRequest.visitorSectorCode,
  day: learningExchangeRequest.day,
  proposedDay: learningExchangeRequest.proposedDay,
  motivation: learningExchangeRequest.motivation,
  status: learningExchangeRequest.status,
  visitorReflection: learningExchangeRequest.visitorReflection,
  hostReflection: learningExchangeRequest.hostReflection,
  hostReflectionBy: learningExchangeRequest.hostReflectionBy,
  hostReflectionByName: reflector.name,
  createdAt: learningExchangeRequest.createdAt,
  version: learningExchangeRequest.version,
};

async function selectRequests(db: DbOrTx, where: SQL | undefined, limit = 1000) {
  return db
    .select(requestColumns)
    .from(learningExchangeRequest)
    .innerJoin(learningExchangeOffer, eq(learningExchangeOffer.id, learningExchangeRequest.offerId))
    .innerJoin(hostOrg, eq(hostOrg.id, learningExchangeRequest.hostOrganisationId))
    .innerJoin(visitorOrg, eq(visitorOrg.id, learningExchangeRequest.visitorOrganisationId))
    .innerJoin(visitor, eq(visitor.id, learningExchangeRequest.visitorPersonId))
    .leftJoin(reflector, eq(reflector.id, learningExchangeRequest.hostReflectionBy))
    .where(where)
    .orderBy(asc(learningExchangeRequest.day), asc(learningExchangeRequest.id))
    .limit(limit);
}

type RequestRow = Awaited<ReturnType<typeof selectRequests>>[number];
const toRequest = (r: RequestRow) => ({ ...r, createdAt: r.createdAt.toISOString() });

function sideCondition(side: { side: 'visitor' | 'host'; personId: string | null } | undefined): SQL | undefined {
  if (!side) return undefined;
  if (side.personId === null) return side.side === 'visitor' ? sql`false` : undefined;
  return side.side === 'visitor'
    ? sql`${learningExchangeRequest.visitorPersonId} = ${side.personId}::uuid`
    : sql`${learningExchangeRequest.visitorPersonId} <> ${side.personId}::uuid`;
}

export type OfferValues = { organisationId: string; sectorCode: string; team: string; description: string; dates: string[]; visitorsPerDay: number };

export const exchangeRepo = {
  async pageOffers(db: DbOrTx, input: { scope: SQL; sector?: string | undefined; from?: string | undefined; cursor?: string | undefined; limit: number }) {
    const sortKey = sql`lower(${learningExchangeOffer.team})`;
    const rows = await selectOffers(
      db,
      and(
        input.scope,
        input.sector ? eq(learningExchangeOffer.sectorCode, input.sector) : undefined,
        input.from ? sql`${input.from}::date <= any(${learningExchangeOffer.dates})` : undefined,
        afterCursor(sortKey, learningExchangeOffer.id, input.cursor),
      ),
      input.limit + 1,
    );
    const page = toPage(rows, input.limit, (r) => ({ key: r.team.toLowerCase(), id: r.id }));
    return { items: page.items.map((o) => ({ ...o, dates: sortDates(o.dates) })), nextCursor: page.nextCursor };
  },

  async offer(db: DbOrTx, id: string) {
    const [row] = await selectOffers(db, eq(learningExchangeOffer.id, id));
    return row ? { ...row, dates: sortDates(row.dates) } : undefined;
  },

  /** The offer row; with `lock` it stays locked until the transaction ends (this serialises the accepts of one offer). */
  async offerFacts(db: DbOrTx, id: string, lock = false) {
    const query = db.select().from(learningExchangeOffer).where(eq(learningExchangeOffer.id, id));
    const [row] = lock ? await query.for('update') : await query;
    return row;
  },

  /** The sector codes of an organisation, in the sectors' order. */
  async organisationSectors(db: DbOrTx, organisationId: string): Promise<string[]> {
    const rows = await db
      .select({ code: sector.code })
      .from(organisationSector)
      .innerJoin(sector, eq(sector.id, organisationSector.sectorId))
      .where(eq(organisationSector.organisationId, organisationId))
      .orderBy(asc(sector.position), asc(sector.code));
    return rows.map((r) => r.code);
  },

  async insertOffer(db: DbOrTx, values: OfferValues, createdBy: string | null, now: Date): Promise<string> {
    const [row] = await db.insert(learningExchangeOffer).values({ ...values, createdBy, createdAt: now, updatedAt: now }).returning({ id: learningExchangeOffer.id });
    if (!row) throw new Error('offer not inserted');
    return row.id;
  },

  async updateOffer(db: DbOrTx, id: string, version: number, values: Partial<OfferValues> & { status?: TOfferStatus }, now: Date): Promise<boolean> {
    const rows = await db
      .update(learningExchangeOffer)
      .set({ ...values, updatedAt: now, version: sql`${learningExchangeOffer.version} + 1` })
      .where(and(eq(learningExchangeOffer.id, id), eq(learningExchangeOffer.version, version)))
      .returning({ id: learningExchangeOffer.id });
    return rows.length === 1;
  },

  /** Accepted visitors per day of the offer. */
  async acceptedPerDay(db: DbOrTx, offerId: string): Promise<Map<string, number>> {
    const rows = await db
      .select({ day: learningExchangeRequest.day, n: sql<number>`count(*)::int` })
      .from(learningExchangeRequest)
      .where(and(eq(learningExchangeRequest.offerId, offerId), eq(learningExchangeRequest.status, 'accepted')))
      .groupBy(learningExchangeRequest.day);
    return new Map(rows.map((r) => [r.day, r.n]));
  },

  // --- requests -------------------------------------------------------------------------------

  async insertRequest(
    db: DbOrTx,
    values: { offerId: string; hostOrganisationId: string; hostSectorCode: string; visitorPersonId: string; visitorOrganisationId: string; visitorSectorCode: string | null; day: string; motivation: string },
    now: Date,
  ): Promise<string> {
    const [row] = await db.insert(learningExchangeRequest).values({ ...values, createdAt: now, updatedAt: now }).returning({ id: learningExchangeRequest.id });
    if (!row) throw new Error('request not inserted');
    return row.id;
  },

  /** Whether the person has an open (requested, proposed or accepted) request for this offer and day. */
  async openRequestExists(db: DbOrTx, offerId: string, personId: string, day: string): Promise<boolean> {
    const [row] = await db
      .select({ id: learningExchangeRequest.id })
      .from(learningExchangeRequest)
      .where(
        and(
          eq(learningExchangeRequest.offerId, offerId),
          eq(learningExchangeRequest.visitorPersonId, personId),
          eq(learningExchangeRequest.day, day),
          sql`${learningExchangeRequest.status} in ('requested', 'proposed', 'accepted')`,
        ),
      )
      .limit(1);
    return row !== undefined;
  },

  async lockRequest(db: DbOrTx, id: string) {
    const [row] = await db.select().from(learningExchangeRequest).where(eq(learningExchangeRequest.id, id)).for('update');
    return row;
  },

  async request(db: DbOrTx, id: string) {
    const [row] = await selectRequests(db, eq(learningExchangeRequest.id, id));
    return row ? toRequest(row) : undefined;
  },

  /** A page of requests by day within the policy's scope; `side`: only the caller's own (visitor) or the others' (host). */
  async pageRequests(db: DbOrTx, input: { scope: SQL; side?: { side: 'visitor' | 'host'; personId: string | null } | undefined; status?: TExchangeRequestStatus | undefined; cursor?: string | undefined; limit: number }) {
    const sortKey = sql`${learningExchangeRequest.day}::text`;
    const rows = await selectRequests(
      db,
      and(input.scope, sideCondition(input.side), input.status ? eq(learningExchangeRequest.status, input.status) : undefined, afterCursor(sortKey, learningExchangeRequest.id, input.cursor)),
      input.limit + 1,
    );
    const page = toPage(rows, input.limit, (r) => ({ key: r.day, id: r.id }));
    return { items: page.items.map(toRequest), nextCursor: page.nextCursor };
  },

  async updateRequest(
    db: DbOrTx,
    id: string,
    version: number,
    values: { status?: TExchangeRequestStatus; day?: string; proposedDay?: string | null; visitorReflection?: string; hostReflection?: string; hostReflectionBy?: string },
    now: Date,
  ): Promise<boolean> {
    const rows = await db
      .update(learningExchangeRequest)
      .set({ ...values, updatedAt: now, version: sql`${learningExchangeRequest.version} + 1` })
      .where(and(eq(learningExchangeRequest.id, id), eq(learningExchangeRequest.version, version)))
      .returning({ id: learningExchangeRequest.id });
    return rows.length === 1;
  },

  /** The e-mail addresses of an organisation's active admins (who hear about requests). */
  async adminEmails(db: DbOrTx, organisationId: string): Promise<string[]> {
    const rows = await db
      .select({ email: person.email })
      .from(membership)
      .innerJoin(person, eq(person.id, membership.personId))
      .where(and(eq(membership.organisationId, organisationId), sql`'org_admin' = any(${membership.roles})`, eq(person.status, 'active')));
    return rows.map((r) => r.email);
  },

  /** Visits that took place in the year (accepted, day before `today`), by visitor sector → host sector. */
  async matrix(db: DbOrTx, year: number, today: string) {
    const rows = await db
      .select({ visitorSector: learningExchangeRequest.visitorSectorCode, hostSector: learningExchangeRequest.hostSectorCode, count: sql<number>`count(*)::int` })
      .from(learningExchangeRequest)
      .where(
        and(
          eq(learningExchangeRequest.status, 'accepted'),
          sql`${learningExchangeRequest.day} >= make_date(${year}::int, 1, 1)`,
          sql`${learningExchangeRequest.day} < make_date(${year + 1}::int, 1, 1)`,
          sql`${learningExchangeRequest.day} < ${today}::date`,
          sql`${learningExchangeRequest.visitorSectorCode} is not null`,
        ),
      )
      .groupBy(learningExchangeRequest.visitorSectorCode, learningExchangeRequest.hostSectorCode)
      .orderBy(asc(learningExchangeRequest.visitorSectorCode), asc(learningExchangeRequest.hostSectorCode));
    return rows.map((r) => ({ visitorSector: r.visitorSector ?? '', hostSector: r.hostSector, count: r.count }));
  },

  async sectors(db: DbOrTx, codes: string[], lang: 'nl' | 'en') {
    if (!codes.length) return [];
    const rows = await db
      .select({ code: sector.code, nameNl: sector.nameNl, nameEn: sector.nameEn })
      .from(sector)
      .where(sql`${sector.code} in (${sql.join(codes.map((c) => sql`${c}`), sql`, `)})`)
      .orderBy(asc(sector.position), asc(sector.code));
    return rows.map((r) => ({ code: r.code, name: lang === 'en' ? r.nameEn : r.nameNl }));
  },
};
