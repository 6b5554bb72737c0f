import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { auditedColumns, idColumn } from './columns.js';
import { region, sector } from './reference.js';

/** Every organisation of the network — one table for all modules (data-model.md). */
export const organisation = pgTable(
  'organisation',
  {
    id: idColumn(),
    name: text('name').notNull(),
    regionId: uuid('region_id').references(() => region.id),
    status: text('status', { enum: ['active', 'archived'] }).notNull().default('active'),
    // What the directory (sociale kaart, module 3) publishes about the organisation.
    description: text('description').notNull().default(''),
    website: text('website'),
    email: text('email'),
    phone: text('phone'),
    /** Families can go there without a referral (rechtstreeks toegankelijke hulp). */
    directAccess: boolean('direct_access').notNull().default(false),
    /** A broad entry point (brede instap) of the region. */
    broadEntryPoint: boolean('broad_entry_point').notNull().default(false),
    /** A mandated organisation (gemandateerde voorziening). */
    mandated: boolean('mandated').notNull().default(false),
    /** Shown in the public directory. */
    listed: boolean('listed').notNull().default(true),
    /** When its owner last confirmed the entry is current; flagged when older than six months. */
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }).notNull().defaultNow(),
    ...auditedColumns(),
  },
  (t) => [
    index('organisation_confirmed_idx').on(t.confirmedAt),
    uniqueIndex('organisation_name_key').on(sql`lower(${t.name})`),
    index('organisation_name_sort_idx').on(sql`lower(${t.name})`, t.id),
    index('organisation_name_trgm_idx').using('gin', sql`${t.name} gin_trgm_ops`),
    index('organisation_region_idx').on(t.regionId),
    check('organisation_status_valid', sql`${t.status} in ('active', 'archived')`),
  ],
);

/** The sectors an organisation works in. */
export const organisationSector = pgTable(
  'organisation_sector',
  {
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisation.id, { onDelete: 'cascade' }),
    sectorId: uuid('sector_id')
      .notNull()
      .references(() => sector.id),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.sectorId] }), index('organisation_sector_sector_idx').on(t.sectorId)],
);

/** A professional. Family members are not persons; they get their own table with the families module. */
export const person = pgTable(
  'person',
  {
    id: idColumn(),
    name: text('name').notNull(),
    email: text('email').notNull(),
    phone: text('phone'),
    status: text('status', { enum: ['active', 'disabled'] }).notNull().default('active'),
    /**
     * Which authority disabled the person: 'platform' (a platform admin) or 'organisation' (an
     * organisation admin). A disable can only be lifted by the same or a higher authority.
     */
    disabledBy: text('disabled_by', { enum: ['platform', 'organisation'] }),
    ...auditedColumns(),
  },
  (t) => [
    uniqueIndex('person_email_key').on(sql`lower(${t.email})`),
    check('person_status_valid', sql`${t.status} in ('active', 'disabled')`),
    check('person_disabled_by_valid', sql`${t.disabledBy} is null or ${t.disabledBy} in ('platform', 'organisation')`),
    // Keyset paging by name and search by part of a name or e-mail (ILIKE '%…%' uses trigrams).
    index('person_name_sort_idx').on(sql`lower(${t.name})`, t.id),
    index('person_name_trgm_idx').using('gin', sql`${t.name} gin_trgm_ops`),
    index('person_email_trgm_idx').using('gin', sql`${t.email} gin_trgm_ops`),
  ],
);

export const ORG_ROLES = ['org_admin', 'professional'] as const;
export const PLATFORM_ROLES = ['platform_admin', 'network_coordinator'] as const;

/** A person working in an organisation, with roles there and published functions. */
export const membership = pgTable(
  'membership',
  {
    id: idColumn(),
    personId: uuid('person_id')
      .notNull()
      .references(() => person.id),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisation.id),
    roles: text('roles').array().notNull().default(sql`'{}'::text[]`),
    functions: text('functions').array().notNull().default(sql`'{}'::text[]`),
    validFrom: date('valid_from').notNull().default(sql`current_date`),
    validUntil: date('valid_until'),
    ...auditedColumns(),
  },
  (t) => [
    uniqueIndex('membership_person_org_key').on(t.personId, t.organisationId),
    index('membership_org_idx').on(t.organisationId),
    check('membership_roles_valid', sql`${t.roles} <@ array['org_admin', 'professional']::text[]`),
  ],
);

/** Platform-wide roles of a person, optionally limited to one region. */
export const platformRole = pgTable(
  'platform_role',
  {
    id: idColumn(),
    personId: uuid('person_id')
      .notNull()
      .references(() => person.id),
    role: text('role', { enum: PLATFORM_ROLES }).notNull(),
    regionId: uuid('region_id').references(() => region.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('platform_role_key').on(t.personId, t.role, sql`coalesce(${t.regionId}, '00000000-0000-0000-0000-000000000000')`),
    check('platform_role_valid', sql`${t.role} in ('platform_admin', 'network_coordinator')`),
  ],
);

/** A login: belongs to a person (professional) or, later, to a family member (portal). */
export const account = pgTable(
  'account',
  {
    id: idColumn(),
    email: text('email').notNull(),
    personId: uuid('person_id').references(() => person.id),
    passwordHash: text('password_hash'),
    passwordChangedAt: timestamp('password_changed_at', { withTimezone: true }),
    status: text('status', { enum: ['active', 'disabled'] }).notNull().default('active'),
    /**
     * Whose login: a professional's (password and second factor) or a family member's or
     * confidant's (the family portal: a one-time code by e-mail). A family login never passes a
     * professional policy (platform/policy/policy.ts), whatever its session says.
     */
    kind: text('kind', { enum: ['professional', 'family'] }).notNull().default('professional'),
    /** The TOTP secret, sealed (platform/keys/secret-box.ts): never the plain secret. */
    mfaSecret: text('mfa_secret'),
    /** A new TOTP secret (sealed) while the second factor moves to a new phone; the old one works until it is confirmed. */
    mfaPendingSecret: text('mfa_pending_secret'),
    mfaEnabledAt: timestamp('mfa_enabled_at', { withTimezone: true }),
    /** The last TOTP time step accepted: a code of that step or before is never accepted again. */
    mfaLastStep: integer('mfa_last_step'),
    ...auditedColumns(),
  },
  (t) => [
    uniqueIndex('account_email_key').on(sql`lower(${t.email})`),
    uniqueIndex('account_person_key').on(t.personId),
    check('account_status_valid', sql`${t.status} in ('active', 'disabled')`),
    check('account_kind_valid', sql`${t.kind} in ('professional', 'family')`),
    // A family login belongs to no professional.
    check('account_family_no_person', sql`${t.kind} = 'professional' or ${t.personId} is null`),
  ],
);

/** One-time MFA recovery codes (hashed). */
export const recoveryCode = pgTable(
  'recovery_code',
  {
    id: idColumn(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => account.id, { onDelete: 'cascade' }),
    codeHash: text('code_hash').notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('recovery_code_account_idx').on(t.accountId)],
);

/** An external identity (OIDC issuer + subject) linked to an account. */
export const oidcLink = pgTable(
  'oidc_link',
  {
    issuer: text('issuer').notNull(),
    subject: text('subject').notNull(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => account.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.issuer, t.subject] }), index('oidc_link_account_idx').on(t.accountId)],
);

/** A login session; the cookie holds a random token, the table only its SHA-256. */
export const session = pgTable(
  'session',
  {
    id: idColumn(),
    tokenHash: text('token_hash').notNull(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => account.id, { onDelete: 'cascade' }),
    /** 'password' until the second factor is given, then 'full'; 'portal' for a family login (e-mail code). */
    level: text('level', { enum: ['password', 'full', 'portal'] }).notNull(),
    csrfToken: text('csrf_token').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    reauthenticatedAt: timestamp('reauthenticated_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    ip: text('ip'),
    userAgent: text('user_agent'),
  },
  (t) => [
    uniqueIndex('session_token_key').on(t.tokenHash),
    index('session_account_idx').on(t.accountId),
    check('session_level_valid', sql`${t.level} in ('password', 'full', 'portal')`),
  ],
);

/** Single-use tokens sent by e-mail: password reset and account enrolment (stored hashed). */
export const authToken = pgTable(
  'auth_token',
  {
    id: idColumn(),
    tokenHash: text('token_hash').notNull(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => account.id, { onDelete: 'cascade' }),
    purpose: text('purpose', { enum: ['password_reset', 'enrolment'] }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('auth_token_hash_key').on(t.tokenHash), index('auth_token_account_idx').on(t.accountId)],
);

/** Failed-attempt counters per account and per IP, shared by every instance. */
export const loginThrottle = pgTable('login_throttle', {
  key: text('key').primaryKey(),
  failures: integer('failures').notNull().default(0),
  windowStart: timestamp('window_start', { withTimezone: true }).notNull().defaultNow(),
  lockedUntil: timestamp('locked_until', { withTimezone: true }),
});

/** A started OpenID Connect login: what the callback needs to check (state, nonce, PKCE verifier). */
export const oidcLoginState = pgTable(
  'oidc_login_state',
  {
    id: idColumn(),
    stateHash: text('state_hash').notNull(),
    nonce: text('nonce').notNull(),
    codeVerifier: text('code_verifier').notNull(),
    /** Set when a logged-in person links their account instead of logging in. */
    linkAccountId: uuid('link_account_id').references(() => account.id, { onDelete: 'cascade' }),
    returnTo: text('return_to'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('oidc_login_state_hash_key').on(t.stateHash)],
);
