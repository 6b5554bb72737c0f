import Fastify, { type FastifyInstance } from 'fastify';
import { randomUUID } from 'node:crypto';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { Config } from './config.js';
import type { Database } from './db/client.js';
import { validatorCompiler } from './platform/validation.js';
import { frameworkErrorStatus, registerErrorHandling, sendError } from './platform/errors.js';
import { publicPolicy, registerPolicyEnforcement, registerPublicPlugin, type DeclaredRoute } from './platform/policy/policy.js';
import { registerSecurityHeaders, securityHeaders } from './platform/http/security-headers.js';
import { registerRateLimit } from './platform/http/rate-limit.js';
import { logSerializers } from './platform/http/log-redaction.js';
import { registerNotFound, registerWebApp } from './platform/http/web.js';
import { healthRoutes } from './modules/health/health.routes.js';
import { referenceRoutes } from './modules/reference/reference.routes.js';
import { hsdsRoutes } from './modules/directory/hsds.routes.js';
import { directoryImportRoutes } from './modules/directory/imports.routes.js';
import { registerDirectoryImports } from './modules/directory/imports.service.js';
import { authRoutes } from './modules/auth/auth.routes.js';
import { oidcRoutes } from './modules/auth/oidc.routes.js';
import { planRoutes } from './modules/families/plan.routes.js';
import { identityRoutes } from './modules/identity/identity.routes.js';
import { auditRoutes } from './modules/audit/audit.routes.js';
import { waitsRoutes } from './modules/families/waits.routes.js';
import { journalRoutes } from './modules/families/journal.routes.js';
import { requestsRoutes } from './modules/families/requests.routes.js';
import { registerRequestReminders } from './modules/families/requests.reminders.js';
import { directoryPublicRoutes } from './modules/directory/public.routes.js';
import { familyRoutes } from './modules/families/family.routes.js';
import { familyAccessRoutes } from './modules/families/family-access.routes.js';
import { signalsRoutes } from './modules/families/signals.routes.js';
import { lifeDomainsRoutes } from './modules/families/lifedomains.routes.js';
import { governanceRoutes } from './modules/governance/governance.routes.js';
import { meetingsRoutes } from './modules/governance/meetings.routes.js';
import { plansRoutes } from './modules/governance/plans.routes.js';
import { indicatorsRoutes } from './modules/governance/indicators.routes.js';
import { exportsRoutes } from './modules/governance/exports.routes.js';
import { attachmentsRoutes } from './modules/governance/attachments.routes.js';
import { publicationsRoutes } from './modules/governance/publications.routes.js';
import { portalRoutes } from './modules/portal/portal.routes.js';
import { learningRoutes } from './modules/learning/learning.routes.js';
import { exchangeRoutes } from './modules/learning/exchange.routes.js';
import { toolkitRoutes } from './modules/learning/toolkit.routes.js';
import { practicesRoutes } from './modules/learning/practices.routes.js';
import { ateliersRoutes } from './modules/families/ateliers.routes.js';
import { workRoutes } from './modules/families/work.routes.js';
import { directoryManageRoutes } from './modules/directory/manage.routes.js';
import { registerAuthentication } from './platform/auth/authenticate.js';
import { registerRequestContext } from './platform/context.js';
import { systemClock, type Clock } from './platform/clock.js';
import { createMailer, type Mailer } from './platform/mail/mailer.js';
import { createJobs, type Jobs } from './platform/jobs/jobs.js';
import { AUDIT_SEAL_QUEUE, createAuditSealer, type AuditSealer } from './platform/audit/sealer.js';
import { loadSecretBox, type SecretBox } from './platform/keys/secret-box.js';
import { sealStoredSecrets } from './platform/keys/sealed-secrets.repo.js';

/** What the app needs from outside: configuration and an open, migrated database. */
export interface AppDeps {
  config: Config;
  database: Database;
  clock: Clock;
  mailer: Mailer;
  /** Background jobs; workers run once startServer() called jobs.start(), tests call runDue(). */
  jobs: Jobs;
  /** Links committed audit rows into the hash chain and signs checkpoints (a job every few seconds). */
  auditSealer: AuditSealer;
  /** Seals secrets at rest (TOTP secrets) under the configured key or the key file. */
  secrets: SecretBox;
}

/** The secret box the configuration names (SAMENPLAN_SECRET_KEY / _OLD, else the key file in the data folder). */
export function secretBoxFor(config: Config): SecretBox {
  return loadSecretBox({ dataDir: config.dataDir, secretKey: config.secrets.key, oldSecretKeys: config.secrets.oldKeys });
}

declare module 'fastify' {
  interface FastifyInstance {
    deps: AppDeps;
    routeInventory: DeclaredRoute[];
  }
}

const REQUEST_ID = /^[A-Za-z0-9._-]{8,128}$/;

/** Builds the HTTP app with every plugin and module; main.ts and the tests both call it. */
export async function buildApp(
  input: Omit<AppDeps, 'clock' | 'mailer' | 'jobs' | 'auditSealer' | 'secrets'> & { clock?: Clock; secrets?: SecretBox },
  opts: { webDir?: string; /** Where the log goes (tests read it); stdout by default. */ logStream?: { write(line: string): void } } = {}): Promise<FastifyInstance> {
  const { config } = input;
  const app = Fastify({
    logger: {
      level: config.logLevel,
      redact: {
        paths: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'],
        censor: '[redacted]',
      },
      // Database errors carry the statement's parameters (names, e-mail addresses): never logged.
      serializers: logSerializers,
      ...(opts.logStream ? { stream: opts.logStream } : {}),
    },
    trustProxy: config.trustProxy,
    bodyLimit: 1_048_576,
    // Keep a caller's correlation id when it looks sane, else make one.
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    },
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 200 },
    // Bad URL encoding and too long parameters: the one error format with the security headers.
    frameworkErrors: (error, request, reply) => {
      const { status, code } = frameworkErrorStatus(error);
      reply.headers(securityHeaders(config)).header('cache-control', 'no-store').header('x-request-id', request.id);
      sendError(request, reply, status, code);
    },
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  const clock = input.clock ?? systemClock;
  const jobs = createJobs({ database: input.database, databaseUrl: config.databaseUrl, clock, log: app.log });
  const auditSealer = createAuditSealer({ db: input.database.db, config: { dataDir: config.dataDir, ...config.audit }, clock, log: app.log });
  jobs.work(AUDIT_SEAL_QUEUE, async () => void (await auditSealer.run()));
  jobs.every(AUDIT_SEAL_QUEUE, config.audit.sealSeconds);
  const secrets = input.secrets ?? secretBoxFor(config);
  // Plain secrets left from before are sealed now; a value under an unknown key stops the start with a clear error.
  await sealStoredSecrets(input.database.db, secrets, { rotate: false });
  const deps: AppDeps = {
    ...input,
    clock,
    secrets,
    mailer: createMailer(config, input.database.db, app.log),
    jobs,
    auditSealer,
  };
  app.decorate('deps', deps);
  registerRequestReminders(jobs, { db: deps.database.db, mailer: deps.mailer, clock, baseUrl: config.baseUrl });
  registerDirectoryImports(jobs, { db: deps.database.db, clock });
  // Workers stop before the database closes (the caller closes it after app.close()).
  app.addHook('onClose', async () => jobs.stop());
  app.addHook('onSend', async (request, reply, payload) => {
    reply.header('x-request-id', request.id);
    return payload;
  });

  registerErrorHandling(app);
  registerRequestContext(app, deps.clock);
  registerNotFound(app, opts.webDir);
  app.decorate('routeInventory', registerPolicyEnforcement(app));
  registerSecurityHeaders(app, config);
  await registerAuthentication(app, { config, db: deps.database.db, clock: deps.clock });
  // After the security headers (a 429 carries them) and authentication (limits per session), before any route.
  await registerRateLimit(app, config);

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Samenplan API',
        version: config.version,
        description: 'API of Samenplan, the working platform of an intersectoral youth-care network (1 Gezin 1 Plan).',
      },
      servers: config.publicUrl ? [{ url: config.publicUrl }] : [],
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await registerPublicPlugin(app, swaggerUi, { routePrefix: '/api/docs' });

  await app.register(
    async (api) => {
      api.get(
        '/openapi.json',
        { config: { policy: publicPolicy }, schema: { hide: true } },
        async () => app.swagger(),
      );
      await api.register(healthRoutes);
      await api.register(referenceRoutes);
      await api.register(hsdsRoutes, { prefix: '/hsds' });
      await api.register(directoryImportRoutes);
      await api.register(authRoutes);
      await api.register(oidcRoutes);
      await api.register(identityRoutes);
      await api.register(auditRoutes);
      await api.register(waitsRoutes);
      await api.register(journalRoutes);
      await api.register(requestsRoutes);
      await api.register(planRoutes);
      await api.register(familyRoutes);
      await api.register(familyAccessRoutes);
      await api.register(signalsRoutes);
      await api.register(ateliersRoutes);
      await api.register(workRoutes);
      await api.register(lifeDomainsRoutes);
      await api.register(governanceRoutes);
      await api.register(directoryManageRoutes);
      await api.register(directoryPublicRoutes);
      await api.register(meetingsRoutes);
      await api.register(plansRoutes);
      await api.register(indicatorsRoutes);
      await api.register(exportsRoutes);
      await api.register(attachmentsRoutes);
      await api.register(publicationsRoutes);
      await api.register(learningRoutes);
      await api.register(portalRoutes);
      await api.register(exchangeRoutes);
      await api.register(toolkitRoutes);
      await api.register(practicesRoutes);
    },
    { prefix: '/api' },
  );

  await registerWebApp(app, opts.webDir);
  return app;
}
