import { and, desc, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { directoryImport, person } from '../../db/schema/index.js';
import { decodeCursor, encodeCursor } from '../../db/paging.js';

const columns = {
  id: directoryImport.id,
  fileName: directoryImport.fileName,
  format: directoryImport.format,
  dryRun: directoryImport.dryRun,
  allOrNothing: directoryImport.allOrNothing,
  status: directoryImport.status,
  recordsDone: directoryImport.recordsDone,
  recordsTotal: directoryImport.recordsTotal,
  report: directoryImport.report,
  error: directoryImport.error,
  createdByName: person.name,
  createdAt: directoryImport.createdAt,
  startedAt: directoryImport.startedAt,
  finishedAt: directoryImport.finishedAt,
};

export type DirectoryImportRow = Awaited<ReturnType<typeof directoryImportRepo.find>>;

/** SQL of the HSDS imports started from the admin UI. */
export const directoryImportRepo = {
  async insert(db: DbOrTx, values: typeof directoryImport.$inferInsert): Promise<string> {
    const [row] = await db.insert(directoryImport).values(values).returning({ id: directoryImport.id });
    if (!row) throw new Error('directory import not created');
    return row.id;
  },

  async find(db: DbOrTx, id: string) {
    const [row] = await db.select(columns).from(directoryImport).leftJoin(person, eq(person.id, directoryImport.createdBy)).where(eq(directoryImport.id, id));
    return row;
  },

  /** Newest first, keyset on (created_at, id) descending. */
  async list(db: DbOrTx, limit: number, cursor: string | undefined) {
    const after = cursor ? decodeCursor(cursor) : undefined;
    const rows = await db
      .select(columns)
      .from(directoryImport)
      .leftJoin(person, eq(person.id, directoryImport.createdBy))
      .where(after ? sql`(${directoryImport.createdAt}, ${directoryImport.id}) < (${after.key}::timestamptz, ${after.id}::uuid)` : undefined)
      .orderBy(desc(directoryImport.createdAt), desc(directoryImport.id))
      .limit(limit + 1);
    const items = rows.slice(0, limit);
    const last = items[items.length - 1];
    return { items, nextCursor: rows.length > limit && last ? encodeCursor({ key: last.createdAt.toISOString(), id: last.id }) : null };
  },

  /** Claims a queued import for running (one worker wins); returns its payload and settings. */
  async claim(db: DbOrTx, id: string, now: Date) {
    const [row] = await db
      .update(directoryImport)
      .set({ status: 'checking', startedAt: now })
      .where(and(eq(directoryImport.id, id), eq(directoryImport.status, 'queued')))
      .returning({ payload: directoryImport.payload, dryRun: directoryImport.dryRun, allOrNothing: directoryImport.allOrNothing, createdBy: directoryImport.createdBy });
    return row;
  },

  async progress(db: DbOrTx, id: string, values: Partial<Pick<typeof directoryImport.$inferInsert, 'recordsDone' | 'status'>>) {
    await db.update(directoryImport).set(values).where(eq(directoryImport.id, id));
  },

  async finish(db: DbOrTx, id: string, values: { status: 'done' | 'refused' | 'failed'; report?: unknown; error?: string | null; finishedAt: Date; recordsDone?: number }) {
    await db.update(directoryImport).set({ ...values, payload: null }).where(eq(directoryImport.id, id));
  },
};
