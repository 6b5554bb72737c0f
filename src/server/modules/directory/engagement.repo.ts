import { and, asc, eq, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { attachment, engagementDeclaration, organisation, region } from '../../db/schema/index.js';
import { afterCursor, toPage } from '../../db/paging.js';
import type { TOverviewFilter } from '../../../shared/schemas/directory/engagement.js';

/** SQL of engagement declarations: the records, their signed documents (attachments) and a region's overview. */

export const ENGAGEMENT_RESOURCE = 'engagement_declaration';

const declarationColumns = {
  id: engagementDeclaration.id,
  organisationId: engagementDeclaration.organisationId,
  organisationName: organisation.name,
  regionId: engagementDeclaration.regionId,
  regionCode: region.code,
  regionName: region.name,
  status: engagementDeclaration.status,
  receivedOn: engagementDeclaration.receivedOn,
  expectedBy: engagementDeclaration.expectedBy,
  note: engagementDeclaration.note,
  updatedAt: engagementDeclaration.updatedAt,
  version: engagementDeclaration.version,
  documentId: attachment.id,
  documentFileName: attachment.fileName,
  documentSize: attachment.sizeBytes,
  documentSha256: attachment.sha256,
  documentUploadedAt: attachment.uploadedAt,
};

export type DeclarationRow = Awaited<ReturnType<typeof selectDeclarations>>[number];

function selectDeclarations(db: DbOrTx, where: SQL | undefined) {
  return db
    .select(declarationColumns)
    .from(engagementDeclaration)
    .innerJoin(organisation, eq(organisation.id, engagementDeclaration.organisationId))
    .innerJoin(region, eq(region.id, engagementDeclaration.regionId))
    .leftJoin(attachment, eq(attachment.id, engagementDeclaration.attachmentId))
    .where(where)
    .orderBy(asc(region.name), asc(engagementDeclaration.id));
}

export type EngagementValues = Partial<Pick<typeof engagementDeclaration.$inferInsert, 'status' | 'receivedOn' | 'expectedBy' | 'note'>>;

export const engagementRepo = {
  async declaration(db: DbOrTx, id: string): Promise<DeclarationRow | undefined> {
    const [row] = await selectDeclarations(db, eq(engagementDeclaration.id, id));
    return row;
  },

  /** Every declaration of an organisation (one per region at most), by region name. */
  ofOrganisation(db: DbOrTx, organisationId: string): Promise<DeclarationRow[]> {
    return selectDeclarations(db, eq(engagementDeclaration.organisationId, organisationId));
  },

  async facts(db: DbOrTx, id: string) {
    const [row] = await db
      .select({ id: engagementDeclaration.id, organisationId: engagementDeclaration.organisationId, regionId: engagementDeclaration.regionId })
      .from(engagementDeclaration)
      .where(eq(engagementDeclaration.id, id));
    return row;
  },

  /** A declaration's owner, region, status, dates and version, locked for the change. */
  async lock(db: DbOrTx, id: string) {
    const [row] = await db
      .select({
        id: engagementDeclaration.id,
        organisationId: engagementDeclaration.organisationId,
        regionId: engagementDeclaration.regionId,
        status: engagementDeclaration.status,
        receivedOn: engagementDeclaration.receivedOn,
        expectedBy: engagementDeclaration.expectedBy,
        version: engagementDeclaration.version,
      })
      .from(engagementDeclaration)
      .where(eq(engagementDeclaration.id, id))
      .for('update');
    return row;
  },

  async region(db: DbOrTx, id: string) {
    const [row] = await db.select({ id: region.id, code: region.code, name: region.name, kind: region.kind }).from(region).where(eq(region.id, id));
    return row;
  },

  async existsFor(db: DbOrTx, organisationId: string, regionId: string): Promise<boolean> {
    const [row] = await db
      .select({ id: engagementDeclaration.id })
      .from(engagementDeclaration)
      .where(and(eq(engagementDeclaration.organisationId, organisationId), eq(engagementDeclaration.regionId, regionId)));
    return row !== undefined;
  },

  async insert(db: DbOrTx, organisationId: string, regionId: string, values: Required<EngagementValues>, now: Date): Promise<string> {
    const [row] = await db
      .insert(engagementDeclaration)
      .values({ ...values, organisationId, regionId, createdAt: now, updatedAt: now })
      .returning({ id: engagementDeclaration.id });
    if (!row) throw new Error('engagement declaration not inserted');
    return row.id;
  },

  async update(db: DbOrTx, id: string, version: number, values: EngagementValues & { attachmentId?: string }, now: Date): Promise<boolean> {
    const rows = await db
      .update(engagementDeclaration)
      .set({ ...values, updatedAt: now, version: sql`${engagementDeclaration.version} + 1` })
      .where(and(eq(engagementDeclaration.id, id), eq(engagementDeclaration.version, version)))
      .returning({ id: engagementDeclaration.id });
    return rows.length === 1;
  },

  /** Deletes a declaration and every signed document it ever had. */
  async delete(db: DbOrTx, id: string) {
    await db.delete(engagementDeclaration).where(eq(engagementDeclaration.id, id));
    await db.delete(attachment).where(and(eq(attachment.resourceType, ENGAGEMENT_RESOURCE), eq(attachment.resourceId, id)));
  },

  async insertDocument(db: DbOrTx, input: { declarationId: string; fileName: string; content: Buffer; sha256: string; uploadedBy: string | null; now: Date }): Promise<string> {
    const [row] = await db
      .insert(attachment)
      .values({
        resourceType: ENGAGEMENT_RESOURCE,
        resourceId: input.declarationId,
        fileName: input.fileName,
        mediaType: 'application/pdf',
        sizeBytes: input.content.length,
        sha256: input.sha256,
        content: input.content,
        uploadedBy: input.uploadedBy,
        uploadedAt: input.now,
      })
      .returning({ id: attachment.id });
    if (!row) throw new Error('attachment not inserted');
    return row.id;
  },

  /** The current signed document of a declaration, with its bytes. */
  async document(db: DbOrTx, declarationId: string) {
    const [row] = await db
      .select({ id: attachment.id, fileName: attachment.fileName, mediaType: attachment.mediaType, content: attachment.content, sha256: attachment.sha256 })
      .from(engagementDeclaration)
      .innerJoin(attachment, eq(attachment.id, engagementDeclaration.attachmentId))
      .where(eq(engagementDeclaration.id, declarationId));
    return row;
  },

  /**
   * A region's overview: the active organisations of the region (organisation.region_id) and every
   * organisation with a declaration for it, each with its declaration or none, by name (keyset).
   */
  async overview(db: DbOrTx, input: { regionId: string; today: string; filter: TOverviewFilter | undefined; cursor: string | undefined; limit: number }) {
    const d = engagementDeclaration;
    const sortKey = sql<string>`lower(${organisation.name})`;
    const belongs = sql`${organisation.status} = 'active' and (${organisation.regionId} = ${input.regionId}::uuid or ${d.id} is not null)`;
    const overdue = sql`(${d.status} = 'expected' and ${d.expectedBy} < ${input.today}::date)`;
    const filters: Record<TOverviewFilter, SQL> = {
      received: sql`${d.status} = 'received'`,
      expected: sql`${d.status} = 'expected'`,
      overdue,
      under_consideration: sql`${d.status} = 'under_consideration'`,
      none: sql`${d.id} is null`,
    };
    const base = () =>
      db
        .select({
          organisationId: organisation.id,
          organisationName: organisation.name,
          sortKey,
          id: d.id,
          status: d.status,
          receivedOn: d.receivedOn,
          expectedBy: d.expectedBy,
          overdue: sql<boolean>`coalesce(${overdue}, false)`,
          hasDocument: sql<boolean>`${d.attachmentId} is not null`,
        })
        .from(organisation)
        .leftJoin(d, and(eq(d.organisationId, organisation.id), eq(d.regionId, input.regionId)));
    const rows = await base()
      .where(and(belongs, input.filter ? filters[input.filter] : undefined, afterCursor(sortKey, organisation.id, input.cursor)))
      .orderBy(asc(sortKey), asc(organisation.id))
      .limit(input.limit + 1);
    const page = toPage(rows, input.limit, (r) => ({ key: r.sortKey, id: r.organisationId }));
    const [counts] = await db
      .select({
        received: sql<number>`count(*) filter (where ${filters.received})::int`,
        expected: sql<number>`count(*) filter (where ${filters.expected})::int`,
        overdue: sql<number>`count(*) filter (where ${overdue})::int`,
        under_consideration: sql<number>`count(*) filter (where ${filters.under_consideration})::int`,
        none: sql<number>`count(*) filter (where ${filters.none})::int`,
      })
      .from(organisation)
      .leftJoin(d, and(eq(d.organisationId, organisation.id), eq(d.regionId, input.regionId)))
      .where(belongs);
    return { page, counts: counts ?? { received: 0, expected: 0, overdue: 0, under_consideration: 0, none: 0 } };
  },
};

