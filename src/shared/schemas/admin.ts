import { z } from 'zod';
import { pageEnvelope, recordEnvelope, ZPageQuery, zDateTime, zEmail, zKey, zName, zQueryInt, zText, zVersion } from './common.js';
import { ORG_ROLES, PLATFORM_ROLES } from '../permissions.js';

const ZName = zName({ min: 2, max: 200 });

export const ZOrganisation = z
  .object({
    id: z.uuid(),
    name: z.string(),
    status: z.enum(['active', 'archived']),
    regionId: z.uuid().nullable(),
    regionName: z.string().nullable(),
    sectorCodes: z.array(z.string()),
    memberCount: z.number().int(),
    version: z.number().int(),
  })
  .meta({ id: 'Organisation' });
export type TOrganisation = z.infer<typeof ZOrganisation>;

/** What the caller may do with an organisation (identity.policy.ts decides; screens only read it). */
export const ORGANISATION_ACTIONS = ['view', 'update', 'archive', 'addPerson'] as const;
export type TOrganisationAction = (typeof ORGANISATION_ACTIONS)[number];
export const ZOrganisationAbilities = z
  .object({ view: z.boolean(), update: z.boolean(), archive: z.boolean(), addPerson: z.boolean() })
  .meta({ id: 'OrganisationAbilities' });
export type TOrganisationAbilities = z.infer<typeof ZOrganisationAbilities>;

/** A page of organisations; `abilities` is keyed by organisation id. */
export const ZOrganisationListResponse = pageEnvelope(ZOrganisation, ZOrganisationAbilities);
export type TOrganisationListResponse = z.infer<typeof ZOrganisationListResponse>;
export const ZOrganisationResponse = recordEnvelope(ZOrganisation, ZOrganisationAbilities);
export const ZOrganisationListQuery = ZPageQuery;

export const ZOrganisationCreate = z
  .object({
    name: ZName,
    regionCode: zKey(64).nullable().optional(),
    sectorCodes: z.array(zKey(64)).max(20).default([]),
  })
  .strict()
  .meta({ id: 'OrganisationCreate' });
export type TOrganisationCreate = z.input<typeof ZOrganisationCreate>;

export const ZOrganisationUpdate = z
  .object({
    version: zVersion,
    name: ZName.optional(),
    sectorCodes: z.array(zKey(64)).max(20).optional(),
    status: z.enum(['active', 'archived']).optional(),
  })
  .strict()
  .meta({ id: 'OrganisationUpdate' });
export type TOrganisationUpdate = z.input<typeof ZOrganisationUpdate>;

export const ZIdParams = z.object({ id: z.uuid() });

export const ZPerson = z
  .object({
    id: z.uuid(),
    name: z.string(),
    email: z.string(),
    phone: z.string().nullable(),
    status: z.enum(['active', 'disabled']),
    /** Which authority disabled the person; only that authority (or a higher one) lifts it. */
    disabledBy: z.enum(['platform', 'organisation']).nullable(),
    mfaEnabled: z.boolean(),
    hasPassword: z.boolean(),
    memberships: z.array(z.object({ organisationId: z.uuid(), organisationName: z.string(), roles: z.array(z.enum(ORG_ROLES)) })),
    platformRoles: z.array(z.enum(PLATFORM_ROLES)),
    version: z.number().int(),
  })
  .meta({ id: 'Person' });
export type TPerson = z.infer<typeof ZPerson>;

/**
 * What the caller may do with a person. `disable`, `enable` (after a platform disable),
 * `changeEmail` and `grantOrgAdmin` need a fresh step-up; the web asks for the code when the
 * server answers `reauth_required`.
 */
export const PERSON_ACTIONS = ['view', 'edit', 'changeEmail', 'grantOrgAdmin', 'disable', 'enable'] as const;
export type TPersonAction = (typeof PERSON_ACTIONS)[number];
export const ZPersonAbilities = z
  .object({
    view: z.boolean(),
    edit: z.boolean(),
    changeEmail: z.boolean(),
    grantOrgAdmin: z.boolean(),
    disable: z.boolean(),
    enable: z.boolean(),
  })
  .meta({ id: 'PersonAbilities' });
export type TPersonAbilities = z.infer<typeof ZPersonAbilities>;

/** A page of people; `abilities` is keyed by person id. */
export const ZPersonListResponse = pageEnvelope(ZPerson, ZPersonAbilities);
export type TPersonListResponse = z.infer<typeof ZPersonListResponse>;

export const ZPersonListQuery = ZPageQuery.extend({ organisationId: z.uuid().optional() });

export const ZPersonCreate = z
  .object({
    name: ZName,
    email: zEmail,
    phone: zText({ max: 40 }).nullable().optional(),
    organisationId: z.uuid().optional(),
    orgRoles: z.array(z.enum(ORG_ROLES)).min(1).default(['professional']),
    platformRoles: z.array(z.enum(PLATFORM_ROLES)).default([]),
  })
  .strict()
  .meta({ id: 'PersonCreate' });
export type TPersonCreate = z.input<typeof ZPersonCreate>;

/**
 * A change to a person, based on the version read. `orgRoles` sets the roles in organisations
 * the caller administers (adding the person there when they are not a member yet).
 */
export const ZPersonUpdate = z
  .object({
    version: zVersion,
    name: ZName.optional(),
    email: zEmail.optional(),
    phone: zText({ max: 40 }).nullable().optional(),
    orgRoles: z
      .array(z.object({ organisationId: z.uuid(), roles: z.array(z.enum(ORG_ROLES)).min(1).max(ORG_ROLES.length) }).strict())
      .max(50)
      .optional(),
  })
  .strict()
  .meta({ id: 'PersonUpdate' });
export type TPersonUpdate = z.input<typeof ZPersonUpdate>;

export const ZPersonCreated = z
  .object({ person: ZPerson, enrolmentLink: z.string().describe('One-time link (7 days): choose a password, set up the second factor') })
  .meta({ id: 'PersonCreated' });
export const ZPersonCreatedResponse = recordEnvelope(ZPersonCreated, ZPersonAbilities);
export const ZPersonResponse = recordEnvelope(ZPerson, ZPersonAbilities);

export const ZAuditQuery = z.object({
  action: zKey(100).optional(),
  outcome: z.enum(['success', 'denied', 'failed']).optional(),
  actorAccountId: z.uuid().optional(),
  resourceType: zKey(100).optional(),
  resourceId: zKey(200).optional(),
  from: zDateTime.optional(),
  to: zDateTime.optional(),
  before: zQueryInt({ min: 1, max: Number.MAX_SAFE_INTEGER }).optional().describe('Cursor: only rows with a lower seq'),
  limit: zQueryInt({ min: 1, max: 200 }).default(50),
});

export const ZAuditRow = z
  .object({
    seq: z.number().int(),
    id: z.uuid(),
    occurredAt: z.iso.datetime(),
    actorAccountId: z.uuid().nullable(),
    actorPersonId: z.uuid().nullable(),
    actorName: z.string().nullable(),
    actorLabel: z.string().nullable(),
    action: z.string(),
    resourceType: z.string(),
    resourceId: z.string().nullable(),
    /** The person's or organisation's name when the resource is one (or an account of a person). */
    resourceName: z.string().nullable(),
    familyId: z.uuid().nullable(),
    organisationId: z.uuid().nullable(),
    ip: z.string().nullable(),
    outcome: z.enum(['success', 'denied', 'failed']),
    reason: z.string().nullable(),
  })
  .meta({ id: 'AuditRow' });
export const ZAuditPage = z.object({ data: z.array(ZAuditRow), nextBefore: z.number().int().nullable() }).meta({ id: 'AuditPage' });
