import { and, asc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { attachment, learningPractice, learningPracticeOrganisation, organisation, person, sector } from '../../db/schema/index.js';
import { afterCursor, toPage } from '../../db/paging.js';
import type { TPracticeContact, TPracticeStatus } from '../../../shared/schemas/learning-practices.js';

/** Attachments of a practice carry this resource type (resource id: the practice). */
export const PRACTICE_FILE_RESOURCE = 'learning_practice';

const CFG = sql.raw(`'public.samenplan_dutch'::regconfig`);
/**
 * The search document of a practice: the stored column `search_document` (schema/learning-practices.ts),
 * GIN-indexed by `learning_practice_search_idx`. `samenplan_dutch` (migration 0014, shared with the
 * directory search) folds accents and stems Dutch; the query must use the same configuration.
 */
const practiceDocument = learningPractice.searchDocument;

const sortKey = sql`lower(${learningPractice.title})`;

const listColumns = {
  id: learningPractice.id,
  title: learningPractice.title,
  summary: learningPractice.summary,
  status: learningPractice.status,
  sectorCodes: learningPractice.sectorCodes,
  authorOrganisationId: learningPractice.authorOrganisationId,
  authorOrganisationName: organisation.name,
  publishedAt: learningPractice.publishedAt,
  updatedAt: learningPractice.updatedAt,
  version: learningPractice.version,
};

export type PracticeValues = {
  title: string;
  summary: string;
  goals: string;
  addedValue: string;
  bottlenecks: string;
  contacts: TPracticeContact[];
  sectorCodes: string[];
};

export const practicesRepo = {
  /** A page by title (keyset on lower(title), id), within the caller's scope; `tsquery` from the directory search's word handling. */
  async page(db: DbOrTx, input: { scope: SQL; tsquery: string | null; sector?: string | undefined; status?: TPracticeStatus | undefined; cursor?: string | undefined; limit: number }) {
    const rows = await db
      .select(listColumns)
      .from(learningPractice)
      .leftJoin(organisation, eq(organisation.id, learningPractice.authorOrganisationId))
      .where(
        and(
          input.scope,
          input.tsquery ? sql`${practiceDocument} @@ to_tsquery(${CFG}, ${input.tsquery})` : undefined,
          input.sector ? sql`${learningPractice.sectorCodes} @> array[${input.sector}]::text[]` : undefined,
          input.status ? eq(learningPractice.status, input.status) : undefined,
          afterCursor(sortKey, learningPractice.id, input.cursor),
        ),
      )
      .orderBy(asc(sortKey), asc(learningPractice.id))
      .limit(input.limit + 1);
    return toPage(rows, input.limit, (r) => ({ key: r.title.toLowerCase(), id: r.id }));
  },

  /** One practice with everything its detail shows; with `lock` the row stays locked until the transaction ends. */
  async one(db: DbOrTx, id: string, lock = false) {
    const q = db
      .select({ ...listColumns, goals: learningPractice.goals, addedValue: learningPractice.addedValue, bottlenecks: learningPractice.bottlenecks, contacts: learningPractice.contacts, createdByName: person.name })
      .from(learningPractice)
      .leftJoin(organisation, eq(organisation.id, learningPractice.authorOrganisationId))
      .leftJoin(person, eq(person.id, learningPractice.createdBy))
      .where(eq(learningPractice.id, id));
    const [row] = lock ? await q.for('update', { of: learningPractice }) : await q;
    return row;
  },

  /** The organisations involved per practice, by name. */
  async organisations(db: DbOrTx, practiceIds: string[]) {
    const out = new Map<string, { id: string; name: string }[]>();
    if (!practiceIds.length) return out;
    const rows = await db
      .select({ practiceId: learningPracticeOrganisation.practiceId, id: organisation.id, name: organisation.name })
      .from(learningPracticeOrganisation)
      .innerJoin(organisation, eq(organisation.id, learningPracticeOrganisation.organisationId))
      .where(inArray(learningPracticeOrganisation.practiceId, practiceIds))
      .orderBy(asc(organisation.name));
    for (const r of rows) out.set(r.practiceId, [...(out.get(r.practiceId) ?? []), { id: r.id, name: r.name }]);
    return out;
  },

  /** Every sector (a short reference list), in its order. */
  async sectors(db: DbOrTx) {
    return db.select({ code: sector.code, nameNl: sector.nameNl, nameEn: sector.nameEn }).from(sector).orderBy(asc(sector.position), asc(sector.code));
  },

  async existingOrganisations(db: DbOrTx, ids: string[]): Promise<string[]> {
    if (!ids.length) return [];
    const rows = await db.select({ id: organisation.id }).from(organisation).where(inArray(organisation.id, ids));
    return rows.map((r) => r.id);
  },

  async insert(db: DbOrTx, values: PracticeValues & { authorOrganisationId: string | null }, createdBy: string | null, now: Date): Promise<string> {
    const [row] = await db.insert(learningPractice).values({ ...values, createdBy, createdAt: now, updatedAt: now }).returning({ id: learningPractice.id });
    if (!row) throw new Error('practice not inserted');
    return row.id;
  },

  async setOrganisations(db: DbOrTx, practiceId: string, organisationIds: string[]) {
    await db.delete(learningPracticeOrganisation).where(eq(learningPracticeOrganisation.practiceId, practiceId));
    if (organisationIds.length) await db.insert(learningPracticeOrganisation).values(organisationIds.map((organisationId) => ({ practiceId, organisationId })));
  },

  /** Changes the row when `version` is still current; false when stale. */
  async update(
    db: DbOrTx,
    id: string,
    version: number,
    values: Partial<PracticeValues> & { status?: TPracticeStatus; publishedAt?: Date | null; publishedBy?: string | null },
    now: Date,
  ): Promise<boolean> {
    const rows = await db
      .update(learningPractice)
      .set({ ...values, version: sql`${learningPractice.version} + 1`, updatedAt: now })
      .where(and(eq(learningPractice.id, id), eq(learningPractice.version, version)))
      .returning({ id: learningPractice.id });
    return rows.length === 1;
  },

  // --- attachments (the platform's attachment table) ------------------------------------------

  async attachments(db: DbOrTx, practiceId: string) {
    const rows = await db
      .select({ id: attachment.id, fileName: attachment.fileName, mediaType: attachment.mediaType, sizeBytes: attachment.sizeBytes, uploadedByName: person.name, uploadedAt: attachment.uploadedAt })
      .from(attachment)
      .leftJoin(person, eq(person.id, attachment.uploadedBy))
      .where(and(eq(attachment.resourceType, PRACTICE_FILE_RESOURCE), eq(attachment.resourceId, practiceId)))
      .orderBy(asc(attachment.uploadedAt), asc(attachment.fileName), asc(attachment.id));
    return rows.map((r) => ({ ...r, uploadedAt: r.uploadedAt.toISOString() }));
  },

  /** One file of the practice with its bytes; undefined for a file of anything else. */
  async attachmentContent(db: DbOrTx, practiceId: string, attachmentId: string) {
    const [row] = await db
      .select({ id: attachment.id, fileName: attachment.fileName, mediaType: attachment.mediaType, sizeBytes: attachment.sizeBytes, content: attachment.content })
      .from(attachment)
      .where(and(eq(attachment.id, attachmentId), eq(attachment.resourceType, PRACTICE_FILE_RESOURCE), eq(attachment.resourceId, practiceId)));
    return row;
  },

  async insertAttachment(db: DbOrTx, input: { practiceId: string; fileName: string; mediaType: string; content: Buffer; sha256: string; uploadedBy: string | null; now: Date }): Promise<string> {
    const [row] = await db
      .insert(attachment)
      .values({
        resourceType: PRACTICE_FILE_RESOURCE,
        resourceId: input.practiceId,
        fileName: input.fileName,
        mediaType: input.mediaType,
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

  async deleteAttachment(db: DbOrTx, id: string) {
    await db.delete(attachment).where(eq(attachment.id, id));
  },
};
