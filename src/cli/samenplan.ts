import { Command, CommanderError } from 'commander';
import { ConfigError, loadConfig, packageVersion } from '../server/config.js';
import { openConfiguredDatabase, startServer } from '../server/main.js';
import { prepareDatabase } from '../server/db/migrate.js';
import { DemoRefusedError, loadDemoData } from '../server/db/demo/index.js';
import type { Database } from '../server/db/client.js';
import { z } from 'zod';
import { ORG_ROLES, PLATFORM_ROLES } from '../shared/permissions.js';
import { createUserWithEnrolment } from '../server/modules/identity/identity.service.js';
import { identityRepo } from '../server/modules/identity/identity.repo.js';
import { verifyAuditChain } from '../server/platform/audit/audit.js';
import { AppError } from '../server/platform/errors.js';

/** A refusal the CLI reports in one line, exit code 1. */
class CliError extends Error {}

const ZCliUser = z.object({
  email: z.email().transform((e) => e.toLowerCase()),
  name: z.string().trim().min(2).max(200),
  role: z.array(z.enum(PLATFORM_ROLES)),
  organisation: z.string().trim().min(2).max(200).optional(),
  orgRole: z.array(z.enum(ORG_ROLES)).min(1),
});

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

const user = program.command('user').description('Manage user accounts');
user
  .command('create')
  .description('Create a person with an account and print a one-time enrolment link (e.g. the first platform admin)')
  .requiredOption('--email <email>', 'e-mail address (also the login)')
  .requiredOption('--name <name>', 'full name')
  .option('--role <role...>', `platform role(s): ${PLATFORM_ROLES.join(', ')}`, [])
  .option('--organisation <name>', 'organisation to join (created when new)')
  .option('--org-role <role...>', `role(s) in that organisation: ${ORG_ROLES.join(', ')}`, ['professional'])
  .action(async (opts: { email: string; name: string; role: string[]; organisation?: string; orgRole: string[] }) => {
    const parsed = ZCliUser.safeParse(opts);
    if (!parsed.success) throw new CliError(parsed.error.issues.map((i) => `--${i.path.join('.')}: ${i.message}`).join('; '));
    const input = parsed.data;
    const config = loadConfig();
    await withDatabase(async (database) => {
      await prepareDatabase(database);
      const organisationId = input.organisation
        ? (await identityRepo.upsertOrganisation(database.db, { name: input.organisation })).id
        : undefined;
      const created = await createUserWithEnrolment(
        database.db,
        {
          name: input.name,
          email: input.email,
          platformRoles: input.role,
          ...(organisationId ? { organisationId, orgRoles: input.orgRole } : {}),
        },
        new Date(),
        { actorLabel: 'cli' },
      );
      console.log(`Created ${input.name} <${input.email}>.`);
      console.log(`One-time enrolment link (valid 7 days; choose a password, then set up the second factor):`);
      console.log(`${config.baseUrl}/inschrijven#${created.enrolmentToken}`);
    });
  });

const audit = program.command('audit').description('The tamper-evident audit trail');
audit
  .command('verify')
  .description('Check the hash chain of the audit trail; exits 1 naming the first row that was altered, removed or reordered')
  .action(async () => {
    await withDatabase(async (database) => {
      const result = await verifyAuditChain(database.db);
      if (result.ok) {
        console.log(`Audit trail intact: ${result.checked} rows verified.`);
        return;
      }
      const row = result.firstBroken;
      const what =
        row?.problem === 'content_altered'
          ? 'its content was altered'
          : 'the row before it was altered, removed or reordered';
      throw new CliError(`Audit trail broken at row seq=${row?.seq} id=${row?.id}: ${what} (${result.checked} rows before it are intact).`);
    });
  });

try {
  await program.parseAsync(process.argv);
} catch (err) {
  if (err instanceof CommanderError) {
    process.exitCode = err.exitCode;
  } else if (err instanceof ConfigError || err instanceof DemoRefusedError || err instanceof CliError || err instanceof AppError) {
    console.error(`samenplan: ${err.message}`);
    process.exitCode = 1;
  } else {
    const message = err instanceof Error ? err.message : String(err);
    console.error(`samenplan: ${message}`);
    process.exitCode = 1;
  }
}
