import { z } from 'zod';
import { dataEnvelope, zCode, zEmail, zSecret, zText } from './common.js';

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 128;

const ZEmail = zEmail;

export const ZLoginRequest = z
  .object({
    email: ZEmail,
    // Length limits only: whether it is right is for the server to say, in one answer for all failures.
    password: zSecret({ min: 1, max: PASSWORD_MAX_LENGTH }),
  })
  .strict()
  .meta({ id: 'LoginRequest' });
export type TLoginRequest = z.infer<typeof ZLoginRequest>;

/** After the password: give the second factor, or set one up first. */
export const ZLoginResult = z
  .object({ next: z.enum(['mfa', 'mfa_enrol']), csrfToken: z.string() })
  .meta({ id: 'LoginResult' });
export const ZLoginResponse = dataEnvelope(ZLoginResult);

export const ZMfaRequest = z
  .object({
    code: zText({ max: 32 })
      .regex(/^(\d{6}|[A-Za-z0-9]{5}-?[A-Za-z0-9]{5})$/, 'Six digits from the app, or a recovery code'),
  })
  .strict()
  .meta({ id: 'MfaRequest' });

export const ZMfaSetup = z
  .object({
    secret: z.string(),
    otpauthUri: z.string(),
    qrSvg: z.string().describe('SVG of the QR code to scan with an authenticator app'),
  })
  .meta({ id: 'MfaSetup' });
export const ZMfaSetupResponse = dataEnvelope(ZMfaSetup);

export const ZMfaEnabled = z
  .object({ recoveryCodes: z.array(z.string()), csrfToken: z.string() })
  .meta({ id: 'MfaEnabled' });
export const ZMfaEnabledResponse = dataEnvelope(ZMfaEnabled);

/** New recovery codes (shown once); the earlier ones no longer work. */
export const ZRecoveryCodes = z.object({ recoveryCodes: z.array(z.string()) }).meta({ id: 'RecoveryCodes' });
export const ZRecoveryCodesResponse = dataEnvelope(ZRecoveryCodes);

/** The second factor moved to a new phone: when, for the confirmation on screen. */
export const ZMfaReplaced = z.object({ replacedAt: z.iso.datetime() }).meta({ id: 'MfaReplaced' });
export const ZMfaReplacedResponse = dataEnvelope(ZMfaReplaced);

export const ZPasswordChange = z
  .object({
    currentPassword: zSecret({ min: 1, max: PASSWORD_MAX_LENGTH }),
    newPassword: zSecret({ min: PASSWORD_MIN_LENGTH, max: PASSWORD_MAX_LENGTH }),
  })
  .strict()
  .meta({ id: 'PasswordChange' });

export const PLATFORM_ROLE_VALUES = ['platform_admin', 'network_coordinator'] as const;
export const ORG_ROLE_VALUES = ['org_admin', 'professional'] as const;

export const ZMe = z
  .object({
    account: z.object({ id: z.uuid(), email: z.string(), mfaEnabled: z.boolean() }),
    person: z.object({ id: z.uuid(), name: z.string() }).nullable(),
    level: z.enum(['password', 'full']),
    platformRoles: z.array(z.object({ role: z.enum(PLATFORM_ROLE_VALUES), regionId: z.uuid().nullable() })),
    memberships: z.array(
      z.object({
        organisationId: z.uuid(),
        organisationName: z.string(),
        roles: z.array(z.enum(ORG_ROLE_VALUES)),
      }),
    ),
    abilities: z.record(z.string(), z.boolean()),
    csrfToken: z.string(),
  })
  .meta({ id: 'Me' });
export type TMe = z.infer<typeof ZMe>;
export const ZMeResponse = dataEnvelope(ZMe);
/** The current session for the web app: who is logged in, or null (never a 401). */
export const ZSessionStateResponse = dataEnvelope(ZMe.nullable());

export const ZSessionInfo = z
  .object({
    id: z.uuid(),
    createdAt: z.iso.datetime(),
    lastSeenAt: z.iso.datetime(),
    expiresAt: z.iso.datetime(),
    ip: z.string().nullable(),
    userAgent: z.string().nullable(),
    current: z.boolean(),
  })
  .meta({ id: 'SessionInfo' });
export const ZSessionListResponse = dataEnvelope(z.array(ZSessionInfo));
export const ZSessionParams = z.object({ id: z.uuid() });
export const ZOk = dataEnvelope(z.object({ ok: z.literal(true) }));

/** First visit through an enrolment link: choose a password (then set up the second factor). */
export const ZEnrolRequest = z
  .object({
    token: zCode({ min: 20, max: 200 }),
    password: zSecret({ min: PASSWORD_MIN_LENGTH, max: PASSWORD_MAX_LENGTH }),
  })
  .strict()
  .meta({ id: 'EnrolRequest' });

/** Ask for a password-reset mail; the answer is the same whether or not the address is known. */
export const ZPasswordResetRequest = z.object({ email: ZEmail }).strict().meta({ id: 'PasswordResetRequest' });

/** Choose a new password through the link in the mail; the second factor is still asked next. */
export const ZPasswordResetConfirm = z
  .object({
    token: zCode({ min: 20, max: 200 }),
    password: zSecret({ min: PASSWORD_MIN_LENGTH, max: PASSWORD_MAX_LENGTH }),
  })
  .strict()
  .meta({ id: 'PasswordResetConfirm' });

export const ZOutboxMail = z
  .object({ id: z.uuid(), recipient: z.string(), subject: z.string(), body: z.string().nullable(), createdAt: z.iso.datetime() })
  .meta({ id: 'OutboxMail' });
export const ZOutboxResponse = dataEnvelope(z.array(ZOutboxMail));

/** Which external login providers this deployment offers (the web app shows a button when set). */
export const ZAuthProviders = z
  .object({
    oidc: z.object({ label: z.string() }).nullable(),
  })
  .meta({ id: 'AuthProviders' });
export type TAuthProviders = z.infer<typeof ZAuthProviders>;
export const ZAuthProvidersResponse = dataEnvelope(ZAuthProviders);
/** Where to come back after an external login: a same-site path (anything else is ignored). */
export const ZOidcStartQuery = z.object({ returnTo: zText({ max: 512 }).optional().catch(undefined) });

/** Step-up: confirm with a fresh second-factor code before a sensitive operation. */
export const ZReauthResponse = dataEnvelope(z.object({ validUntil: z.iso.datetime() }));
