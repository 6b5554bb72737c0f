import { Command, CommanderError } from 'commander';
import { ConfigError, loadConfig, packageVersion } from '../server/config.js';
import { openConfiguredDatabase, startServer } from '../server/main.js';
import { prepareDatabase } from '../server/db/migrate.js';
import { DemoRefusedError, loadDemoData } from '../server/db/demo/index.js';
import type { Database } from '../server/db/client.js';

/** Opens the configured database, runs fn, and always closes it. */
async function withDatabase<T>(fn: (database: Database) => Promise<T>): Promise<T> {
  const database = await openConfiguredDatabase(loadConfig());
  try {
    return await fn(database);
  } finally {
    await database.close();
  }
}

const program = new Command()
  .name('samenplan')
  .description('Samenplan: the working platform of an intersectoral youth-care network (1 Gezin 1 Plan).')
  .version(packageVersion())
  .showHelpAfterError()
  .exitOverride();

program
  .command('serve')
  .description('Migrate the database and serve the API and web app (PORT, HOST, DATABASE_URL, …; see README)')
  .option('--demo-if-empty', 'load the demo data when this database never had it (used by npm start)')
  .action(async (opts: { demoIfEmpty?: boolean }) => {
    const config = loadConfig();
    const app = await startServer(config, { demoIfEmpty: opts.demoIfEmpty ?? false });
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    const host = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
    console.log(`Samenplan ${config.version} listens on http://${host}:${port} (database: ${app.deps.database.kind})`);
  });

program
  .command('migrate')
  .description('Apply pending database migrations and load the reference data (municipalities, sectors)')
  .action(async () => {
    await withDatabase(async (database) => {
      await prepareDatabase(database);
      console.log(`Database is up to date (${database.kind}).`);
    });
  });

program
  .command('demo')
  .description('Load the demo data set (idempotent; refused when NODE_ENV=production)')
  .action(async () => {
    const config = loadConfig();
    if (config.env === 'production') throw new DemoRefusedError('Demo data is never loaded when NODE_ENV=production.');
    await withDatabase(async (database) => {
      await prepareDatabase(database);
      await loadDemoData(database.db, config.env);
      console.log('Demo data loaded.');
    });
  });

try {
  await program.parseAsync(process.argv);
} catch (err) {
  if (err instanceof CommanderError) {
    process.exitCode = err.exitCode;
  } else if (err instanceof ConfigError || err instanceof DemoRefusedError) {
    console.error(`samenplan: ${err.message}`);
    process.exitCode = 1;
  } else {
    const message = err instanceof Error ? err.message : String(err);
    console.error(`samenplan: ${message}`);
    process.exitCode = 1;
  }
}
