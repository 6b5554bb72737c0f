import { z } from 'zod';
import { dataEnvelope, zDateTime, zEmail, zKey, zName, zQueryInt, zText, zVersion } from './common.js';
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
export const ZOrganisationListResponse = dataEnvelope(z.array(ZOrganisation));
export const ZOrganisationResponse = dataEnvelope(ZOrganisation);

export const ZOrganisationCreate = z
  .object({
    name: ZName,
    regionCode: zKey(64).nullable().optional(),
    sectorCodes: z.array(zKey(64)).max(20).default([]),
  })
  .strict()
  .meta({ id: 'OrganisationCreate' });

export const ZOrganisationUpdate = z
  .object({
    version: zVersion,
    name: ZName.optional(),
    sectorCodes: z.array(zKey(64)).max(20).optional(),
    status: z.enum(['active', 'archived']).optional(),
  })
  .strict()
  .meta({ id: 'OrganisationUpdate' });

export const ZIdParams = z.object({ id: z.uuid() });

export const ZPerson = z
  .object({
    id: z.uuid(),
    name: z.string(),
    email: z.string(),
    phone: z.string().nullable(),
    status: z.enum(['active', 'disabled']),
    mfaEnabled: z.boolean(),
    hasPassword: z.boolean(),
    memberships: z.array(z.object({ organisationId: z.uuid(), organisationName: z.string(), roles: z.array(z.enum(ORG_ROLES)) })),
    platformRoles: z.array(z.enum(PLATFORM_ROLES)),
    version: z.number().int(),
  })
  .meta({ id: 'Person' });
export type TPerson = z.infer<typeof ZPerson>;
export const ZPersonListResponse = dataEnvelope(z.array(ZPerson));

export const ZPersonListQuery = z.object({ organisationId: z.uuid().optional() });

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

export const ZPersonCreated = z
  .object({ person: ZPerson, enrolmentLink: z.string().describe('One-time link (7 days): choose a password, set up the second factor') })
  .meta({ id: 'PersonCreated' });
export const ZPersonCreatedResponse = dataEnvelope(ZPersonCreated);
export const ZPersonResponse = dataEnvelope(ZPerson);

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
