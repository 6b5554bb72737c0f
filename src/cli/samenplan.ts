import { Command, CommanderError } from 'commander';
import { ConfigError, loadConfig, packageVersion } from '../server/config.js';
import { loadEnvFileIfPresent, openConfiguredDatabase, startServer } from '../server/main.js';
import { BackupError, checkBackup, restoreBackup, writeBackup } from '../server/db/backup.js';
import { DataDirLockedError } from '../server/db/data-dir-lock.js';
import { DEMO_PASSWORD, DEMO_TOTP_SECRET, DEMO_USERS } from '../server/db/demo/people.js';
import { DEMO_EXCHANGE_HOST } from '../server/db/demo/learning-exchange-host.js';
import { prepareDatabase } from '../server/db/migrate.js';
import { DemoRefusedError, loadDemoData } from '../server/db/demo/index.js';
import type { Database } from '../server/db/client.js';
import { z } from 'zod';
import { ORG_ROLES, PLATFORM_ROLES } from '../shared/permissions.js';
import { createUserWithEnrolment } from '../server/modules/identity/identity.service.js';
import { identityRepo } from '../server/modules/identity/identity.repo.js';
import { verifyAuditChain } from '../server/platform/audit/audit.js';
import { loadVerifyKey, verifyCheckpoints } from '../server/platform/audit/checkpoints.js';
import { createAuditSealer } from '../server/platform/audit/sealer.js';
import { systemClock } from '../server/platform/clock.js';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fromTabular, TabularError, toTabular } from '../server/modules/directory/hsds.tabular.js';
import { createHsdsService } from '../server/modules/directory/hsds.service.js';
import { importHsdsDataset } from '../server/modules/directory/hsds.import.js';
import { AppError } from '../server/platform/errors.js';
import { translateError } from '../server/platform/i18n.js';
import { secretBoxFor } from '../server/app.js';
import { generateSecretKey, SecretKeyError } from '../server/platform/keys/secret-box.js';
import { sealStoredSecrets } from '../server/platform/keys/sealed-secrets.repo.js';

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

// Settings from ./.env, when present; variables set in the real environment win.
loadEnvFileIfPresent();

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
    let demoLoaded = false;
    const app = await startServer(config, { demoIfEmpty: opts.demoIfEmpty ?? false, onDemoLoaded: () => (demoLoaded = true) });
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    const host = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
    console.log(`Samenplan ${config.version} listens on http://${host}:${port} (database: ${app.deps.database.kind})`);
    if (demoLoaded) {
      console.log(
        [
          'The database was empty, so the demo data was loaded (invented people and organisations). Log in as:',
          ...[...DEMO_USERS, DEMO_EXCHANGE_HOST].map((u) => `  ${u.email.padEnd(28)} ${u.role}${u.organisation ? `, ${u.organisation}` : ''}`),
          `Password of every demo account: ${DEMO_PASSWORD}`,
          `Second factor: add the TOTP secret ${DEMO_TOTP_SECRET} to an authenticator app (nieuw@… sets up its own).`,
          'See "Demo accounts" in README.md.',
        ].join('\n'),
      );
    }
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
      await loadDemoData(database.db, config.env, secretBoxFor(config));
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

/** Checks a checkpoint log against the chain; throws a CliError naming the first one that fails. */
async function checkCheckpoints(database: Database, config: ReturnType<typeof loadConfig>, file: string): Promise<void> {
  if (!existsSync(file)) throw new CliError(`Checkpoint log ${file} does not exist.`);
  const key = loadVerifyKey({ dataDir: config.dataDir, signingKey: config.audit.signingKey });
  if (!key) throw new CliError('No audit signing key: set AUDIT_SIGNING_KEY or restore keys/audit-signing.key in the data folder.');
  const result = await verifyCheckpoints(database.db, file, key);
  if (result.ok) {
    console.log(
      `Checkpoints intact: ${result.checked} signed checkpoints held by the chain` +
        (result.newest ? ` (newest: position ${result.newest.position} at ${result.newest.at}).` : '.'),
    );
    return;
  }
  const p = result.firstProblem;
  const what = {
    malformed: 'it is not a checkpoint line',
    bad_signature: 'its signature does not match the audit signing key',
    missing_from_chain: `the chain ends at position ${result.head?.position ?? 0}: newer rows were cut off or an older copy of the database was restored`,
    hash_differs: 'the chain holds a different hash there: the chain was rewritten',
  }[p?.problem ?? 'malformed'];
  throw new CliError(`Checkpoint on line ${p?.line} (position ${p?.position ?? '?'}) fails: ${what}.`);
}

const audit = program.command('audit').description('The tamper-evident audit trail');
audit
  .command('verify')
  .description('Check the hash chain of the audit trail; exits 1 naming the first row that was altered, removed or reordered')
  .option('--checkpoints <file>', 'also check a log of signed checkpoints: detects cut-off rows and a restored older copy of the database')
  .action(async (opts: { checkpoints?: string }) => {
    const config = loadConfig();
    await withDatabase(async (database) => {
      const result = await verifyAuditChain(database.db);
      const pending = result.unsealed === 0 ? 'none waiting to be sealed' : `${result.unsealed} not sealed yet (the running server seals them within seconds, or run: samenplan audit seal)`;
      if (result.ok) {
        console.log(`Audit trail intact: ${result.checked} rows verified; ${pending}.`);
        if (opts.checkpoints) await checkCheckpoints(database, config, opts.checkpoints);
        return;
      }
      const row = result.firstBroken;
      const what =
        row?.problem === 'content_altered'
          ? 'its content was altered'
          : row?.problem === 'event_missing'
            ? 'the audit row was removed'
            : 'the link before it was altered, removed or reordered';
      throw new CliError(
        `Audit trail broken at position ${row?.position} (row seq=${row?.seq} id=${row?.id ?? 'missing'}): ${what} (${result.checked} rows before it are intact; ${pending}).`,
      );
    });
  });
audit
  .command('seal')
  .description('Link every committed audit row into the hash chain now (the server does this every few seconds)')
  .action(async () => {
    await withDatabase(async (database) => {
      const config = loadConfig();
      const sealer = createAuditSealer({ db: database.db, config: { dataDir: config.dataDir, ...config.audit }, clock: systemClock, log: { error: (o: unknown, msg?: string) => console.error(`samenplan: ${msg ?? ''}`, o) } });
      const result = await sealer.run({ wait: true, checkpoint: true, maxRows: Number.MAX_SAFE_INTEGER });
      console.log(`Sealed ${result.sealed} rows; the chain holds ${result.head?.position ?? 0} rows.`);
      if (result.checkpoint) console.log(`Checkpoint signed at position ${result.checkpoint.position} and appended to ${config.audit.checkpointFile}.`);
    });
  });

const keys = program.command('keys').description('Keys that seal secrets at rest (TOTP secrets)');
keys
  .command('rotate')
  .description('Seal every stored secret again under the current key (SAMENPLAN_SECRET_KEY or keys/secret.key); afterwards the old keys are no longer needed')
  .action(async () => {
    const config = loadConfig();
    const box = secretBoxFor(config);
    await withDatabase(async (database) => {
      await prepareDatabase(database);
      const done = await database.db.transaction((tx) => sealStoredSecrets(tx, box, { rotate: true }));
      console.log(
        `Secrets sealed under key ${box.keyId}: ${done.resealed} sealed again from an old key, ${done.sealed} plain ones sealed. ` +
          'Old keys (SAMENPLAN_SECRET_KEYS_OLD) are no longer needed.',
      );
    });
  });
keys
  .command('generate')
  .description('Print a new random key for SAMENPLAN_SECRET_KEY (base64 of 32 bytes); changes nothing')
  .action(() => {
    console.log(generateSecretKey());
  });

program
  .command('backup')
  .argument('<file>', 'file to write (gzip-compressed; contains personal data: keep it as safe as the database)')
  .description('Write a consistent backup of the whole database to FILE (portable between PGlite and PostgreSQL)')
  .action(async (file: string) => {
    const config = loadConfig();
    await withDatabase(async (database) => {
      const done = await writeBackup(database, file, config.version);
      console.log(
        `Backup written to ${done.file}: ${done.rows} rows in ${done.tables} tables, migration level ${done.migrations.count} (${done.migrations.lastTag}).`,
      );
    });
  });

program
  .command('restore')
  .argument('<file>', 'a file written by `samenplan backup`')
  .description('Restore a backup into an empty database (checks the whole file first; a bad file changes nothing)')
  .option('--force', 'DELETE EVERYTHING in a non-empty database, the audit trail included, and replace it with the backup')
  .action(async (file: string, opts: { force?: boolean }) => {
    // Check the whole file before opening the database, so a bad file never touches it.
    await checkBackup(file);
    await withDatabase(async (database) => {
      const done = await restoreBackup(database, file, { force: opts.force ?? false });
      if (done.replaced.length > 0) {
        console.log(`--force: deleted the existing data (${done.replaced.length} tables, the audit trail included).`);
      }
      console.log(
        `Restored ${done.rows} rows in ${done.tables} tables from ${file} (migration level ${done.migrations.count}, ${done.migrations.lastTag}); the database is now up to date (${database.kind}).`,
      );
    });
  });

const exportCmd = program.command('export').description('Export data in an open standard');
exportCmd
  .command('hsds')
  .argument('<path>', 'JSON file to write, or with --tabular a folder for the CSV package')
  .option('--tabular', 'write the HSDS tabular package (one CSV per table and datapackage.json) into the folder PATH')
  .description('Export the public directory (listed organisations, their services and zinplekken) as an Open Referral HSDS 3 dataset')
  .action(async (path: string, opts: { tabular?: boolean }) => {
    await withDatabase(async (database) => {
      await prepareDatabase(database);
      // One snapshot: the batches of a long export see the same directory.
      const dataset = await database.db.transaction((tx) => createHsdsService(tx).dataset(), { isolationLevel: 'repeatable read' });
      if (opts.tabular) {
        mkdirSync(path, { recursive: true });
        const files = toTabular(dataset);
        for (const [name, text] of files) writeFileSync(join(path, name), text);
        console.log(`HSDS ${dataset.hsds_version} tabular package written to ${path}: ${files.size} files, ${dataset.organizations.length} organizations, ${dataset.services.length} services.`);
      } else {
        writeFileSync(path, JSON.stringify(dataset, null, 2) + '\n');
        console.log(`HSDS ${dataset.hsds_version} dataset written to ${path}: ${dataset.organizations.length} organizations, ${dataset.services.length} services.`);
      }
    });
  });

const importCmd = program.command('import').description('Import data in an open standard');
importCmd
  .command('hsds')
  .argument('<path>', 'an HSDS 3 dataset: a JSON file with "organizations" and "services" (as `samenplan export hsds` writes), or a folder with the tabular CSV package')
  .option('--dry-run', 'check every record and report, but write nothing')
  .option('--all-or-nothing', 'write nothing at all when any record is rejected')
  .description('Import an Open Referral HSDS 3 dataset into the directory (checks every record; writes what passes in one transaction; never deletes)')
  .action(async (file: string, opts: { dryRun?: boolean; allOrNothing?: boolean }) => {
    if (!existsSync(file)) throw new CliError(`File not found: ${file}`);
    let input: unknown;
    if (statSync(file).isDirectory()) {
      const files = new Map(readdirSync(file).filter((f) => f.endsWith('.csv')).map((f) => [f, readFileSync(join(file, f), 'utf8')]));
      try {
        input = fromTabular(files);
      } catch (err) {
        if (err instanceof TabularError) throw new CliError(err.message);
        throw err;
      }
    } else {
      try {
        input = JSON.parse(readFileSync(file, 'utf8'));
      } catch (err) {
        throw new CliError(`${file} is not valid JSON: ${err instanceof Error ? err.message : String(err)}`);
      }
    }
    await withDatabase(async (database) => {
      await prepareDatabase(database);
      const done = await importHsdsDataset(database.db, input, { dryRun: opts.dryRun ?? false, allOrNothing: opts.allOrNothing ?? false, now: new Date(), actorLabel: 'cli' });
      for (const r of done.rejected) {
        console.error(`rejected ${r.entity}${r.index === null ? '' : ` #${r.index}`}${r.id ? ` (${r.id})` : ''}: ${r.reasonEn || r.reason}`);
      }
      const what = `${done.organizations} organizations, ${done.services} services, ${done.zinplekken} zinplekken`;
      console.log(
        done.refused
          ? `All or nothing: refused, ${done.rejected.length} records rejected; nothing was written.`
          : done.dryRun
            ? `Dry run: would import ${what}; nothing was written.`
            : `Imported ${what}.`,
      );
      if (done.rejected.length > 0) {
        console.log(`${done.rejected.length} records rejected (listed above).`);
        process.exitCode = 2;
      }
    });
  });

try {
  await program.parseAsync(process.argv);
} catch (err) {
  if (err instanceof CommanderError) {
    process.exitCode = err.exitCode;
  } else if (err instanceof AppError) {
    // The person-readable message of the code (English on the command line), with the fields it names.
    const fields = (err.details ?? []).map((d) => d.path).filter(Boolean);
    console.error(`samenplan: ${err.explicitMessage ?? translateError(err.code, 'en')}${fields.length ? ` (${fields.join(', ')})` : ''}`);
    process.exitCode = 1;
  } else if (err instanceof ConfigError || err instanceof DemoRefusedError || err instanceof CliError || err instanceof BackupError || err instanceof DataDirLockedError || err instanceof SecretKeyError) {
    console.error(`samenplan: ${err.message}`);
    process.exitCode = 1;
  } else {
    const message = err instanceof Error ? err.message : String(err);
    console.error(`samenplan: ${message}`);
    process.exitCode = 1;
  }
}
