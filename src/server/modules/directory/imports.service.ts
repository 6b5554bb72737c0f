import type { Db } from '../../db/client.js';
import type { Jobs } from '../../platform/jobs/jobs.js';
import type { Clock } from '../../platform/clock.js';
import type { RequestContext } from '../../platform/context.js';
import { Invalid, NotFound } from '../../platform/errors.js';
import { detailPath } from '../../platform/errors.js';
import { recordAudit } from '../../platform/audit/audit.js';
import type { TDirectoryImport, TDirectoryImportCreate } from '../../../shared/schemas/directory/hsds.js';
import { ZDirectoryImportCreate, ZHsdsImportReport } from '../../../shared/schemas/directory/hsds.js';
import { directoryImportRepo, type DirectoryImportRow } from './imports.repo.js';
import { importHsdsDataset } from './hsds.import.js';
import { fromTabular, TabularError } from './hsds.tabular.js';

export const DIRECTORY_IMPORT_QUEUE = 'directory.hsds-import';

function toImport(row: NonNullable<DirectoryImportRow>): TDirectoryImport {
  const report = row.report === null ? null : ZHsdsImportReport.safeParse(row.report);
  return {
    ...row,
    report: report?.success ? report.data : null,
    createdAt: row.createdAt.toISOString(),
    startedAt: row.startedAt?.toISOString() ?? null,
    finishedAt: row.finishedAt?.toISOString() ?? null,
  };
}

/**
 * HSDS imports from the admin UI (platform administrators; the route gate decides who): the upload
 * is stored and queued, a background job checks and writes it (importHsdsDataset: one transaction,
 * every rejected record reported) and records its progress, which the page polls.
 */
export function createDirectoryImportService(deps: { db: Db; jobs: Jobs }) {
  const { db, jobs } = deps;
  return {
    async create(ctx: RequestContext, input: TDirectoryImportCreate): Promise<TDirectoryImport> {
      const body = ZDirectoryImportCreate.parse(input);
      let dataset: unknown;
      if (body.content.kind === 'tabular') {
        try {
          dataset = fromTabular(new Map(Object.entries(body.content.files)));
        } catch (err) {
          if (err instanceof TabularError) throw new Invalid(err.message, [{ path: detailPath('body', 'content', 'files'), message: err.message }]);
          throw err;
        }
      } else {
        dataset = body.content.dataset;
      }
      const doc = dataset as { organizations?: unknown; services?: unknown } | null;
      if (!doc || typeof doc !== 'object' || !Array.isArray(doc.organizations) || !Array.isArray(doc.services)) {
        throw new Invalid('Dit is geen HSDS-dataset: er ontbreken "organizations" en "services".', [
          { path: detailPath('body', 'content'), message: 'Expected an HSDS dataset with "organizations" and "services" arrays' },
        ]);
      }
      const id = await directoryImportRepo.insert(db, {
        fileName: body.fileName,
        format: body.content.kind,
        dryRun: body.dryRun,
        allOrNothing: body.allOrNothing,
        payload: JSON.stringify(dataset),
        recordsTotal: doc.organizations.length + doc.services.length,
        createdBy: ctx.actor?.personId ?? null,
        createdAt: ctx.now,
      });
      await jobs.send(DIRECTORY_IMPORT_QUEUE, { id }, { singletonKey: id });
      return this.get(id);
    },

    async get(id: string): Promise<TDirectoryImport> {
      const row = await directoryImportRepo.find(db, id);
      if (!row) throw new NotFound();
      return toImport(row);
    },

    async list(query: { limit: number; cursor?: string | undefined }) {
      const page = await directoryImportRepo.list(db, query.limit, query.cursor);
      return { items: page.items.map(toImport), nextCursor: page.nextCursor };
    },
  };
}

/** Runs one queued import: checks with progress, writes in one transaction, stores the report. Idempotent: a claimed import is not run twice. */
export async function runDirectoryImport(deps: { db: Db; clock: Clock }, id: string): Promise<void> {
  const { db, clock } = deps;
  const claimed = await directoryImportRepo.claim(db, id, clock.now());
  if (!claimed?.payload) return;
  let lastWritten = 0;
  let total = 0;
  try {
    const dataset: unknown = JSON.parse(claimed.payload);
    const report = await importHsdsDataset(db, dataset, {
      dryRun: claimed.dryRun,
      allOrNothing: claimed.allOrNothing,
      now: clock.now(),
      actorLabel: 'import',
      actorPersonId: claimed.createdBy,
      onProgress: async (done, all) => {
        total = all;
        // About a hundred progress writes per import, whatever its size.
        if (done - lastWritten >= Math.max(1, Math.floor(all / 100)) || done === all) {
          lastWritten = done;
          await directoryImportRepo.progress(db, id, { recordsDone: done });
        }
      },
      onWriting: () => directoryImportRepo.progress(db, id, { status: 'writing' }),
    });
    await directoryImportRepo.finish(db, id, { status: report.refused ? 'refused' : 'done', report, finishedAt: clock.now(), recordsDone: total });
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    await db.transaction(async (tx) => {
      await directoryImportRepo.finish(tx, id, { status: 'failed', error: message.slice(0, 1000), finishedAt: clock.now() });
      await recordAudit(tx, { action: 'directory.hsds.import', resourceType: 'directory', resourceId: id, actorPersonId: claimed.createdBy, actorLabel: 'import', outcome: 'failed', reason: 'internal_error' });
    });
  }
}

export function registerDirectoryImports(jobs: Jobs, deps: { db: Db; clock: Clock }): void {
  jobs.work<{ id: string }>(DIRECTORY_IMPORT_QUEUE, async (job) => runDirectoryImport(deps, job.data.id));
}
