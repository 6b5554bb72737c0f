import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestApp, type TestContext } from '../../../../tests/helpers/app.js';
import { loginAs, type LoggedIn } from '../../../../tests/helpers/login.js';
import { expectAudited } from '../../../../tests/helpers/audit.js';
import { DIR, seedDirectory } from '../../../../tests/helpers/directory.js';
import { freshDatabase } from '../../../../tests/helpers/database.js';
import { prepareDatabase } from '../../db/migrate.js';
import { directoryImport, organisation } from '../../db/schema/index.js';
import { ZDirectoryImportListResponse, ZDirectoryImportResponse, type THsdsDataset } from '../../../shared/schemas/directory/hsds.js';
import { createHsdsService } from './hsds.service.js';
import { toTabular } from './hsds.tabular.js';
import { DIRECTORY_IMPORT_QUEUE } from './imports.service.js';

let ctx: TestContext;
let admin: LoggedIn;
let dataset: THsdsDataset;

beforeAll(async () => {
  // The dataset comes from another database: the import writes it into this one.
  const source = await freshDatabase();
  await prepareDatabase(source);
  await seedDirectory(source.db);
  dataset = await createHsdsService(source.db).dataset();
  await source.close();
  ctx = await createTestApp();
  admin = await loginAs(ctx, 'platform-admin');
});
afterAll(() => ctx.close());

const runJobs = () => ctx.app.deps.jobs.runDue(DIRECTORY_IMPORT_QUEUE);

/** Runs the due imports and waits until this one finished (the app's own poller may have picked it up first). */
async function finished(id: string) {
  for (let i = 0; i < 200; i++) {
    await runJobs();
    const item = ZDirectoryImportResponse.parse((await admin.client.get(`/api/directory/imports/${id}`)).json()).data;
    if (item.status === 'done' || item.status === 'refused' || item.status === 'failed') return item;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`import ${id} did not finish`);
}

describe('HSDS import from the admin UI (a background job)', () => {
  it('queues the upload (202), the job checks and writes it with progress, the report is kept and the import audited', async () => {
    const res = await admin.client.post('/api/directory/imports', { fileName: 'sociale-kaart.json', content: { kind: 'json', dataset } });
    expect(res.statusCode, res.body).toBe(202);
    const queued = ZDirectoryImportResponse.parse(res.json()).data;
    expect(queued).toMatchObject({ status: 'queued', recordsDone: 0, recordsTotal: 6, report: null, format: 'json', dryRun: false, allOrNothing: false });
    expect(queued.createdByName).toBe(admin.user!.person.name);

    const done = await finished(queued.id);
    expect(done).toMatchObject({ status: 'done', recordsDone: 6, error: null, report: { organizations: 2, services: 3, zinplekken: 1, rejected: [], dryRun: false, allOrNothing: false, refused: false } });
    expect(done.finishedAt).not.toBeNull();
    const [row] = await ctx.database.db.select({ payload: directoryImport.payload }).from(directoryImport).where(eq(directoryImport.id, queued.id));
    expect(row!.payload).toBeNull(); // the uploaded data is not kept once imported
    expect(await ctx.database.db.select({ id: organisation.id }).from(organisation).where(eq(organisation.id, DIR.cgg))).toHaveLength(1);
    await expectAudited(ctx.database.db, 'directory.hsds.import', { actorPersonId: admin.user!.person.id, outcome: 'success' });
    // A job that runs again finds nothing to do.
    expect(await runJobs()).toBe(0);
  });

  it('a tabular package (the CSV files) and a dry run: rejected records are reported, nothing is written', async () => {
    const changed: THsdsDataset = structuredClone(dataset);
    changed.organizations[0]!.name = 'Andere naam die niet geschreven mag worden';
    changed.services[0]!.minimum_age = 130;
    const files = Object.fromEntries(toTabular(changed));
    ctx.clock.advance(1000); // the list is newest first: this import starts after the first one
    const res = await admin.client.post('/api/directory/imports', { fileName: 'pakket.zip', dryRun: true, content: { kind: 'tabular', files } });
    expect(res.statusCode, res.body).toBe(202);
    const { id } = ZDirectoryImportResponse.parse(res.json()).data;
    const done = await finished(id);
    expect(done).toMatchObject({ status: 'done', format: 'tabular', dryRun: true, report: { dryRun: true, organizations: 2 } });
    expect(done.report!.rejected).toEqual([
      expect.objectContaining({
        entity: 'service',
        index: 0,
        code: 'bad_age',
        reason: 'minimum_age moet een geheel aantal jaren tussen 0 en 120 zijn',
        reasonEn: 'minimum_age must be a whole number of years between 0 and 120',
      }),
    ]);
    const [org] = await ctx.database.db.select({ name: organisation.name }).from(organisation).where(eq(organisation.id, changed.organizations[0]!.id));
    expect(org!.name).not.toBe('Andere naam die niet geschreven mag worden');

    const list = ZDirectoryImportListResponse.parse((await admin.client.get('/api/directory/imports?limit=1')).json()).data;
    expect(list.items.map((i) => i.id)).toEqual([id]); // newest first
    const next = ZDirectoryImportListResponse.parse((await admin.client.get(`/api/directory/imports?limit=1&cursor=${list.nextCursor}`)).json()).data;
    expect(next.items).toHaveLength(1);
    expect(next.items[0]!.id).not.toBe(id);
  });

  it('all-or-nothing: one rejected record and the import is refused, nothing is written, every rejection listed', async () => {
    const changed: THsdsDataset = structuredClone(dataset);
    changed.organizations[0]!.description = 'Alles of niets: dit mag niet geschreven worden';
    changed.services[0]!.minimum_age = 130;
    changed.services[1]!.name = 'X';
    ctx.clock.advance(1000);
    const res = await admin.client.post('/api/directory/imports', { fileName: 'alles-of-niets.json', allOrNothing: true, content: { kind: 'json', dataset: changed } });
    expect(res.statusCode, res.body).toBe(202);
    const queued = ZDirectoryImportResponse.parse(res.json()).data;
    expect(queued).toMatchObject({ allOrNothing: true, dryRun: false });
    const done = await finished(queued.id);
    expect(done).toMatchObject({ status: 'refused', error: null, report: { organizations: 0, services: 0, zinplekken: 0, allOrNothing: true, refused: true } });
    expect(done.report!.rejected.map((r) => [r.entity, r.index])).toEqual([
      ['service', 0],
      ['service', 1],
    ]);
    const [org] = await ctx.database.db.select({ description: organisation.description }).from(organisation).where(eq(organisation.id, changed.organizations[0]!.id));
    expect(org!.description).not.toBe('Alles of niets: dit mag niet geschreven worden');
    await expectAudited(ctx.database.db, 'directory.hsds.import', { actorPersonId: admin.user!.person.id, outcome: 'failed', reason: 'all_or_nothing' });

    // Not a boolean: 400.
    const bad = await admin.client.post('/api/directory/imports', { fileName: 'x.json', allOrNothing: 'ja', content: { kind: 'json', dataset } });
    expect(bad.statusCode).toBe(400);
    // The same file without all-or-nothing writes what passes.
    ctx.clock.advance(1000);
    const partial = await finished(ZDirectoryImportResponse.parse((await admin.client.post('/api/directory/imports', { fileName: 'deels.json', content: { kind: 'json', dataset: changed } })).json()).data.id);
    expect(partial).toMatchObject({ status: 'done', report: { organizations: 2, refused: false } });
    const [written] = await ctx.database.db.select({ description: organisation.description }).from(organisation).where(eq(organisation.id, changed.organizations[0]!.id));
    expect(written!.description).toBe('Alles of niets: dit mag niet geschreven worden');
  });

  it('refuses what is not a dataset with a clear 400 and queues nothing', async () => {
    const before = await ctx.database.db.select({ id: directoryImport.id }).from(directoryImport);
    for (const body of [
      { fileName: 'leeg.json', content: { kind: 'json', dataset: { hello: 'world' } } },
      { fileName: 'leeg.zip', content: { kind: 'tabular', files: { 'readme.txt': 'hallo' } } },
      { fileName: 'kapot.zip', content: { kind: 'tabular', files: { 'organizations.csv': 'id,name\r\n"a,b' } } },
      { fileName: 'naam\u0000.json', content: { kind: 'json', dataset } },
      { fileName: 'x.json', content: { kind: 'xml', dataset } },
      { fileName: 'x.zip', content: { kind: 'tabular', files: { '../../etc/passwd': 'x' } } },
    ]) {
      const res = await admin.client.post('/api/directory/imports', body);
      expect(res.statusCode, JSON.stringify(body).slice(0, 80)).toBe(400);
      expect(res.json().error.code).toBe('validation_failed');
    }
    const notDataset = await admin.client.post('/api/directory/imports', { fileName: 'leeg.json', content: { kind: 'json', dataset: [] } });
    expect(notDataset.json().error.message).toMatch(/geen HSDS-dataset|not an HSDS dataset/i);
    expect(await ctx.database.db.select({ id: directoryImport.id }).from(directoryImport)).toHaveLength(before.length);
  });

  it('only platform administrators import or see imports', async () => {
    const { id } = ZDirectoryImportListResponse.parse((await admin.client.get('/api/directory/imports')).json()).data.items[0]!;
    for (const role of ['org-admin', 'professional', 'network-coordinator'] as const) {
      const who = await loginAs(ctx, role);
      expect((await who.client.post('/api/directory/imports', { fileName: 'a.json', content: { kind: 'json', dataset } })).statusCode).toBe(403);
      expect((await who.client.get(`/api/directory/imports/${id}`)).statusCode).toBe(403);
    }
    const anonymous = await loginAs(ctx, 'anonymous');
    expect((await anonymous.client.get('/api/directory/imports')).statusCode).toBe(401);
    expect((await admin.client.get('/api/directory/imports/10000000-0000-4000-8000-00000000ffff')).statusCode).toBe(404);
  });
});
