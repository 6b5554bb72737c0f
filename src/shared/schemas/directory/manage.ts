import { z } from 'zod';
import { dataEnvelope, pageEnvelope, recordEnvelope, zDate, zEmail, zInt4, zKey, zName, zQueryInt, zText, zVersion } from '../common.js';
import { CONTACT_FUNCTIONS, SERVICE_LANGUAGES, SERVICE_STATUSES } from './enums.js';

/**
 * Keeping the directory (sociale kaart): an organisation admin keeps their own organisation's
 * entries (a platform admin all of them). Every entry shows when it was last confirmed and whether
 * it is stale (not confirmed for STALE_AFTER_MONTHS). Routes under /api/directory/manage.
 */

// --- Field helpers --------------------------------------------------------------------------

const zPostalCode = z.string().regex(/^[0-9]{4}$/, 'A Belgian postal code of four digits');
const zNisCode = z.string().regex(/^[0-9]{5}$/, 'A NIS code of five digits');
const zLatitude = z.number().min(-90).max(90);
const zLongitude = z.number().min(-180).max(180);
const zAge = zInt4({ min: 0, max: 120 });
const zCount = zInt4({ min: 0, max: 1_000_000 });
/** A web address (http or https). */
const zUrl = z
  .string()
  .trim()
  .max(500)
  .pipe(z.url({ protocol: /^https?$/, hostname: /^[^\s]+$/ }));
/** A phone number as people write it: digits, spaces and + ( ) . / -. */
const zPhone = zText({ min: 6, max: 40 }).pipe(z.string().regex(/^\+?[0-9 ()./-]+$/, 'A phone number: digits, spaces and + ( ) . / -'));
const zLongText = (max = 4000) => zText({ max, multiline: true });

/** Minimum age at most maximum age, both when given. */
function agesInOrder(v: { minAge?: number | null | undefined; maxAge?: number | null | undefined }, ctx: z.RefinementCtx) {
  if (v.minAge != null && v.maxAge != null && v.minAge > v.maxAge) {
    ctx.addIssue({ code: 'custom', path: ['maxAge'], message: 'The maximum age is below the minimum age' });
  }
}
/** Latitude and longitude come together. */
function coordinatesTogether(v: { latitude?: number | null | undefined; longitude?: number | null | undefined }, ctx: z.RefinementCtx) {
  if (v.latitude === undefined && v.longitude === undefined) return;
  if ((v.latitude ?? null) === null !== ((v.longitude ?? null) === null)) {
    ctx.addIssue({ code: 'custom', path: ['longitude'], message: 'Give both latitude and longitude, or neither' });
  }
}

export const ENTRY_ACTIONS = ['view', 'update', 'delete', 'confirm'] as const;
export type TEntryAction = (typeof ENTRY_ACTIONS)[number];
export const ZEntryAbilities = z.object({ view: z.boolean(), update: z.boolean(), delete: z.boolean(), confirm: z.boolean() });

const confirmation = {
  confirmedAt: z.iso.datetime({ offset: true }),
  stale: z.boolean().describe('Not confirmed by its owner for STALE_AFTER_MONTHS months'),
  version: z.number().int(),
};

export const ZManageOrganisationParams = z.object({ organisationId: z.uuid() });
export const ZManageIdParams = z.object({ id: z.uuid() });
export const ZManageListQuery = z.object({
  cursor: zKey(500).optional().describe('nextCursor of the previous page'),
  limit: zQueryInt({ min: 1, max: 100 }).default(50),
});

// --- Locations ------------------------------------------------------------------------------

const locationFields = z.object({
  name: zName({ min: 2, max: 200 }),
  description: zLongText(),
  street: zText({ min: 1, max: 200 }),
  postalCode: zPostalCode,
  city: zText({ min: 1, max: 100 }),
  nisCode: zNisCode.nullable(),
  latitude: zLatitude.nullable(),
  longitude: zLongitude.nullable(),
});
export const ZLocationCreate = locationFields
  .extend({ description: zLongText().default(''), nisCode: zNisCode.nullable().optional(), latitude: zLatitude.nullable().optional(), longitude: zLongitude.nullable().optional() })
  .strict()
  .superRefine(coordinatesTogether);
export const ZLocationUpdate = locationFields.partial().extend({ version: zVersion }).strict().superRefine(coordinatesTogether);
export type TLocationCreate = z.infer<typeof ZLocationCreate>;
export type TLocationUpdate = z.infer<typeof ZLocationUpdate>;

export const ZManagedLocation = z
  .object({
    id: z.uuid(),
    organisationId: z.uuid(),
    name: z.string(),
    description: z.string(),
    street: z.string(),
    postalCode: z.string(),
    city: z.string(),
    nisCode: z.string().nullable(),
    latitude: z.number().nullable(),
    longitude: z.number().nullable(),
    ...confirmation,
  })
  .meta({ id: 'ManagedLocation' });
export type TManagedLocation = z.infer<typeof ZManagedLocation>;
export const ZManagedLocationResponse = recordEnvelope(ZManagedLocation, ZEntryAbilities);
export const ZManagedLocationPage = pageEnvelope(ZManagedLocation, ZEntryAbilities);

// --- Services -------------------------------------------------------------------------------

const serviceFields = z.object({
  name: zName({ min: 2, max: 200 }),
  description: zLongText(),
  eligibility: zLongText(2000),
  minAge: zAge.nullable(),
  maxAge: zAge.nullable(),
  languages: z.array(z.enum(SERVICE_LANGUAGES)).min(1).max(SERVICE_LANGUAGES.length).refine((l) => new Set(l).size === l.length, 'A language appears twice'),
  howToApply: zLongText(2000),
  cost: zText({ max: 500, multiline: true }),
  url: zUrl.nullable(),
  email: zEmail.nullable(),
  phone: zPhone.nullable(),
  directAccess: z.boolean(),
  status: z.enum(SERVICE_STATUSES),
  capacity: zCount.nullable(),
  waitingDays: zInt4({ min: 0, max: 3650 }).nullable(),
  waitingConfirmedOn: zDate.nullable(),
  locationIds: z.array(z.uuid()).max(100).refine((l) => new Set(l).size === l.length, 'A location appears twice').describe('The locations (of the same organisation) where the service is offered'),
});
export const ZServiceCreate = serviceFields
  .partial()
  .required({ name: true })
  .strict()
  .superRefine(agesInOrder);
export const ZServiceUpdate = serviceFields.partial().extend({ version: zVersion }).strict().superRefine(agesInOrder);
export type TServiceCreate = z.infer<typeof ZServiceCreate>;
export type TServiceUpdate = z.infer<typeof ZServiceUpdate>;

export const ZManagedService = z
  .object({
    id: z.uuid(),
    organisationId: z.uuid(),
    name: z.string(),
    description: z.string(),
    eligibility: z.string(),
    minAge: z.number().int().nullable(),
    maxAge: z.number().int().nullable(),
    languages: z.array(z.string()),
    howToApply: z.string(),
    cost: z.string(),
    url: z.string().nullable(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
    directAccess: z.boolean(),
    status: z.enum(SERVICE_STATUSES),
    capacity: z.number().int().nullable(),
    waitingDays: z.number().int().nullable(),
    waitingConfirmedOn: z.iso.date().nullable(),
    locations: z.array(z.object({ id: z.uuid(), name: z.string() })),
    ...confirmation,
  })
  .meta({ id: 'ManagedService' });
export type TManagedService = z.infer<typeof ZManagedService>;
export const ZManagedServiceResponse = recordEnvelope(ZManagedService, ZEntryAbilities);
export const ZManagedServicePage = pageEnvelope(ZManagedService, ZEntryAbilities);

// --- Contact points -------------------------------------------------------------------------

const contactPointFields = z.object({
  function: z.enum(CONTACT_FUNCTIONS),
  title: zName({ min: 2, max: 200 }).describe('The published name of the desk or role, never a private person'),
  email: zEmail.nullable(),
  phone: zPhone.nullable(),
  serviceId: z.uuid().nullable().describe('A service of the same organisation'),
});
export const ZContactPointCreate = contactPointFields
  .extend({ email: zEmail.nullable().optional(), phone: zPhone.nullable().optional(), serviceId: z.uuid().nullable().optional() })
  .strict();
export const ZContactPointUpdate = contactPointFields.partial().extend({ version: zVersion }).strict();
export type TContactPointCreate = z.infer<typeof ZContactPointCreate>;
export type TContactPointUpdate = z.infer<typeof ZContactPointUpdate>;

export const ZManagedContactPoint = z
  .object({
    id: z.uuid(),
    organisationId: z.uuid(),
    function: z.enum(CONTACT_FUNCTIONS),
    title: z.string(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
    serviceId: z.uuid().nullable(),
    ...confirmation,
  })
  .meta({ id: 'ManagedContactPoint' });
export type TManagedContactPoint = z.infer<typeof ZManagedContactPoint>;
export const ZManagedContactPointResponse = recordEnvelope(ZManagedContactPoint, ZEntryAbilities);
export const ZManagedContactPointPage = pageEnvelope(ZManagedContactPoint, ZEntryAbilities);

// --- Zinplekken -----------------------------------------------------------------------------

const zinplekFields = z.object({
  name: zName({ min: 2, max: 200 }),
  activities: zLongText(),
  forWhom: zLongText(2000),
  minAge: zAge.nullable(),
  maxAge: zAge.nullable(),
  registration: zLongText(2000),
  places: zCount.nullable(),
  locationId: z.uuid().nullable().describe('A location of the same organisation'),
});
export const ZZinplekCreate = zinplekFields.partial().required({ name: true }).strict().superRefine(agesInOrder);
export const ZZinplekUpdate = zinplekFields.partial().extend({ version: zVersion }).strict().superRefine(agesInOrder);
export type TZinplekCreate = z.infer<typeof ZZinplekCreate>;
export type TZinplekUpdate = z.infer<typeof ZZinplekUpdate>;

export const ZManagedZinplek = z
  .object({
    id: z.uuid(),
    organisationId: z.uuid(),
    name: z.string(),
    activities: z.string(),
    forWhom: z.string(),
    minAge: z.number().int().nullable(),
    maxAge: z.number().int().nullable(),
    registration: z.string(),
    places: z.number().int().nullable(),
    locationId: z.uuid().nullable(),
    ...confirmation,
  })
  .meta({ id: 'ManagedZinplek' });
export type TManagedZinplek = z.infer<typeof ZManagedZinplek>;
export const ZManagedZinplekResponse = recordEnvelope(ZManagedZinplek, ZEntryAbilities);
export const ZManagedZinplekPage = pageEnvelope(ZManagedZinplek, ZEntryAbilities);

// --- The organisation's own directory entry -------------------------------------------------

export const ZDirectoryOrganisationUpdate = z
  .object({
    version: zVersion,
    description: zLongText(),
    website: zUrl.nullable(),
    email: zEmail.nullable(),
    phone: zPhone.nullable(),
    directAccess: z.boolean(),
    broadEntryPoint: z.boolean(),
    mandated: z.boolean(),
    listed: z.boolean(),
    municipalities: z.array(zNisCode).max(400).refine((l) => new Set(l).size === l.length, 'A municipality appears twice').describe('NIS codes of the municipalities served'),
  })
  .partial()
  .required({ version: true })
  .strict();
export type TDirectoryOrganisationUpdate = z.infer<typeof ZDirectoryOrganisationUpdate>;

export const ZManagedOrganisation = z
  .object({
    id: z.uuid(),
    name: z.string(),
    description: z.string(),
    website: z.string().nullable(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
    directAccess: z.boolean(),
    broadEntryPoint: z.boolean(),
    mandated: z.boolean(),
    listed: z.boolean(),
    municipalities: z.array(z.object({ nisCode: z.string(), nameNl: z.string() })),
    ...confirmation,
  })
  .meta({ id: 'ManagedOrganisation' });
export type TManagedOrganisation = z.infer<typeof ZManagedOrganisation>;
export const ZManagedOrganisationResponse = recordEnvelope(ZManagedOrganisation, z.object({ update: z.boolean(), confirm: z.boolean() }));

export const ZConfirmAllResponse = dataEnvelope(
  z.object({
    confirmedAt: z.iso.datetime({ offset: true }),
    counts: z.object({ organisation: z.number().int(), locations: z.number().int(), services: z.number().int(), contactPoints: z.number().int(), zinplekken: z.number().int() }),
  }),
);

// --- Stale entries --------------------------------------------------------------------------

export const STALE_KINDS = ['organisation', 'location', 'service', 'contact_point', 'zinplek'] as const;
export const ZStaleQuery = z.object({
  cursor: zKey(500).optional().describe('nextCursor of the previous page'),
  limit: zQueryInt({ min: 1, max: 100 }).default(50),
  organisationId: z.uuid().optional().describe('Only this organisation'),
});
export const ZStaleEntry = z.object({
  kind: z.enum(STALE_KINDS),
  id: z.uuid(),
  name: z.string(),
  organisation: z.object({ id: z.uuid(), name: z.string() }),
  confirmedAt: z.iso.datetime({ offset: true }),
});
export type TStaleEntry = z.infer<typeof ZStaleEntry>;
export const ZStaleResponse = dataEnvelope(z.object({ items: z.array(ZStaleEntry), nextCursor: z.string().nullable(), staleBefore: z.iso.datetime({ offset: true }) }));
