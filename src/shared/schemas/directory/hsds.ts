import { z } from 'zod';
import { zQueryInt, zText } from '../common.js';

/**
 * Open Referral HSDS 3.0: the directory as the standard's objects, for the export API
 * (`/api/hsds/…`, following the HSDS API reference), the dataset document the CLI writes and reads,
 * and the import report. Only the fields Samenplan fills are typed here; what the official JSON
 * schemas (`src/server/modules/directory/hsds-3/`) require is checked against them in the tests and
 * on every import.
 *
 * Samenplan's own facts that HSDS has no field for travel as `attributes` (taxonomy terms of the
 * taxonomies in HSDS_TAXONOMIES), so an export imports back to the same directory.
 */

export const HSDS_VERSION = '3.0';

/** The taxonomies of Samenplan's attributes. */
export const HSDS_TAXONOMIES = {
  sector: 'samenplan-sector',
  flag: 'samenplan-flag',
  municipality: 'be-nis-municipality',
  region: 'samenplan-region',
  contactFunction: 'samenplan-contact-function',
  measure: 'samenplan-measure',
} as const;

const zUuid = z.uuid();
const s = z.string();

export const ZHsdsTaxonomyTerm = z.object({
  id: zUuid,
  code: s,
  name: s,
  description: s,
  taxonomy: s,
});

export const ZHsdsAttribute = z.object({
  id: zUuid,
  link_id: zUuid,
  link_type: s,
  link_entity: s,
  taxonomy_term_id: zUuid,
  value: s.optional(),
  taxonomy_term: ZHsdsTaxonomyTerm,
});
export type THsdsAttribute = z.infer<typeof ZHsdsAttribute>;

export const ZHsdsPhone = z.object({
  id: zUuid,
  organization_id: zUuid.optional(),
  service_id: zUuid.optional(),
  contact_id: zUuid.optional(),
  number: s,
});
export type THsdsPhone = z.infer<typeof ZHsdsPhone>;

export const ZHsdsAddress = z.object({
  id: zUuid,
  location_id: zUuid,
  address_1: s,
  city: s,
  state_province: s,
  postal_code: s,
  country: s,
  address_type: z.literal('physical'),
});

export const ZHsdsLocation = z.object({
  id: zUuid,
  location_type: z.literal('physical'),
  organization_id: zUuid,
  name: s,
  description: s,
  latitude: z.number().optional(),
  longitude: z.number().optional(),
  external_identifier: s.optional(),
  external_identifier_type: s.optional(),
  addresses: z.array(ZHsdsAddress),
  attributes: z.array(ZHsdsAttribute),
});
export type THsdsLocation = z.infer<typeof ZHsdsLocation>;

export const ZHsdsContact = z.object({
  id: zUuid,
  organization_id: zUuid,
  service_id: zUuid.optional(),
  title: s,
  email: s.optional(),
  phones: z.array(ZHsdsPhone),
  attributes: z.array(ZHsdsAttribute),
});
export type THsdsContact = z.infer<typeof ZHsdsContact>;

export const ZHsdsLanguage = z.object({ id: zUuid, service_id: zUuid, code: s, name: s });

export const ZHsdsServiceAtLocation = z.object({
  id: zUuid,
  service_id: zUuid,
  location_id: zUuid,
  location: ZHsdsLocation.optional(),
});
export type THsdsServiceAtLocation = z.infer<typeof ZHsdsServiceAtLocation>;

/** An organization; `phones`, `locations`, `contacts` and `attributes` only when fully nested. */
export const ZHsdsOrganization = z
  .object({
    id: zUuid,
    name: s,
    description: s,
    email: s.optional(),
    website: s.optional(),
    phones: z.array(ZHsdsPhone).optional(),
    locations: z.array(ZHsdsLocation).optional(),
    contacts: z.array(ZHsdsContact).optional(),
    attributes: z.array(ZHsdsAttribute).optional(),
  })
  .meta({ id: 'HsdsOrganization' });
export type THsdsOrganization = z.infer<typeof ZHsdsOrganization>;

/** A service (a zinplek is a service with the flag `zinplek`); nested arrays only when fully nested. */
export const ZHsdsService = z
  .object({
    id: zUuid,
    organization_id: zUuid,
    name: s,
    description: s,
    url: s.optional(),
    email: s.optional(),
    status: z.enum(['active', 'inactive']),
    application_process: s,
    fees_description: s,
    eligibility_description: s,
    wait_time: s.optional(),
    minimum_age: z.number().int().optional(),
    maximum_age: z.number().int().optional(),
    assured_date: s,
    last_modified: s,
    languages: z.array(ZHsdsLanguage).optional(),
    phones: z.array(ZHsdsPhone).optional(),
    contacts: z.array(ZHsdsContact).optional(),
    service_at_locations: z.array(ZHsdsServiceAtLocation).optional(),
    attributes: z.array(ZHsdsAttribute).optional(),
  })
  .meta({ id: 'HsdsService' });
export type THsdsService = z.infer<typeof ZHsdsService>;

/** The HSDS API reference's page envelope. */
const page = <T extends z.ZodType>(item: T) =>
  z.object({
    total_items: z.number().int(),
    total_pages: z.number().int(),
    page_number: z.number().int(),
    size: z.number().int(),
    first_page: z.boolean(),
    last_page: z.boolean(),
    empty: z.boolean(),
    contents: z.array(item),
  });

export const ZHsdsOrganizationPage = page(ZHsdsOrganization);
export const ZHsdsServicePage = page(ZHsdsService);
export const ZHsdsServiceAtLocationPage = page(ZHsdsServiceAtLocation);

const zQueryBool = z.enum(['true', 'false']).transform((v) => v === 'true');

export const ZHsdsPageQuery = z.object({
  page: zQueryInt({ min: 1, max: 1_000_000 }).default(1),
  per_page: zQueryInt({ min: 1, max: 200 }).default(50),
  full: zQueryBool.optional().describe('Fully nested records'),
});
export const ZHsdsServiceQuery = ZHsdsPageQuery.extend({
  organization_id: z.uuid().optional(),
  modified_after: z.iso.datetime({ offset: true }).optional(),
});
export const ZHsdsServiceAtLocationQuery = ZHsdsPageQuery.extend({
  service_id: z.uuid().optional(),
  organization_id: z.uuid().optional(),
});
export const ZHsdsIdParams = z.object({ id: z.uuid() });

export const ZHsdsMeta = z.object({ version: s, profile: s, openapi_url: s });

/** The whole directory in one document: what `samenplan export hsds` writes and `import hsds` reads. */
export const ZHsdsDataset = z.object({
  hsds_version: s,
  organizations: z.array(ZHsdsOrganization),
  services: z.array(ZHsdsService),
});
export type THsdsDataset = z.infer<typeof ZHsdsDataset>;

/** Why an import refuses a record: stable machine codes (the texts may change, these do not). */
export const HSDS_REJECTION_CODES = [
  'not_a_dataset',
  'schema',
  'control_characters',
  'duplicate_id',
  'not_text',
  'too_long',
  'name_missing',
  'bad_age',
  'ages_reversed',
  'bad_number',
  'bad_date',
  'unknown_sector',
  'unknown_municipality',
  'unknown_region',
  'unknown_contact_function',
  'unknown_language',
  'address_missing',
  'not_in_belgium',
  'bad_postal_code',
  'bad_coordinates',
  'location_missing',
  'too_many_locations',
  'organization_missing',
  'service_missing',
  'organization_rejected',
  'name_taken',
  'name_twice',
  'other_organization',
  'unknown',
] as const;
export type THsdsRejectionCode = (typeof HSDS_REJECTION_CODES)[number];

/** One record an import refused, and why: a stable `code`, the reason in Dutch (`reason`) and in English (`reasonEn`). */
export const ZHsdsRejection = z.object({
  entity: z.enum(['organization', 'service', 'dataset']),
  id: s.nullable(),
  index: z.number().int().nullable(),
  /** `unknown` only in reports stored before the codes existed. */
  code: z.enum(HSDS_REJECTION_CODES).default('unknown'),
  /** In Dutch (HSDS field names stay as they are). */
  reason: s,
  /** The same in English (empty in reports stored before the Dutch reasons, whose `reason` is English). */
  reasonEn: s.default(''),
});
export type THsdsRejection = z.infer<typeof ZHsdsRejection>;

export const ZHsdsImportReport = z.object({
  organizations: z.number().int().describe('Organisations written (new or updated)'),
  services: z.number().int(),
  zinplekken: z.number().int(),
  rejected: z.array(ZHsdsRejection),
  /** True when nothing was written (a dry run, or a strict import with rejections). */
  dryRun: z.boolean(),
  /** Asked for all-or-nothing: one rejected record and nothing is written. */
  allOrNothing: z.boolean().default(false),
  /** All-or-nothing and at least one record rejected: nothing was written (the counts are 0). */
  refused: z.boolean().default(false),
});
export type THsdsImportReport = z.infer<typeof ZHsdsImportReport>;

// --- Imports started from the admin UI (a background job with progress) ----------------------

/** `refused`: an all-or-nothing import with rejected records, so nothing was written. */
export const DIRECTORY_IMPORT_STATUSES = ['queued', 'checking', 'writing', 'done', 'refused', 'failed'] as const;
/** The largest upload the import accepts (the browser sends the file's content as JSON). */
export const DIRECTORY_IMPORT_MAX_BYTES = 64 * 1024 * 1024;

/** The file's content: an HSDS JSON dataset, or the CSV files of a tabular package (unzipped in the browser). */
export const ZDirectoryImportContent = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('json'), dataset: z.unknown() }),
  z.object({
    kind: z.literal('tabular'),
    files: z.record(z.string().max(200).regex(/^[\w.-]+$/, 'A file name of letters, digits, dots and dashes'), z.string()).refine((f) => Object.keys(f).length <= 50, 'At most 50 files'),
  }),
]);

export const ZDirectoryImportCreate = z.object({
  fileName: zText({ min: 1, max: 200 }),
  dryRun: z.boolean().default(false),
  /** Write nothing when any record is rejected. */
  allOrNothing: z.boolean().default(false),
  content: ZDirectoryImportContent,
});
export type TDirectoryImportCreate = z.input<typeof ZDirectoryImportCreate>;

export const ZDirectoryImport = z
  .object({
    id: z.uuid(),
    fileName: s,
    format: z.enum(['json', 'tabular']),
    dryRun: z.boolean(),
    allOrNothing: z.boolean(),
    status: z.enum(DIRECTORY_IMPORT_STATUSES),
    recordsDone: z.number().int(),
    recordsTotal: z.number().int(),
    report: ZHsdsImportReport.nullable(),
    error: s.nullable(),
    createdByName: s.nullable(),
    createdAt: z.iso.datetime({ offset: true }),
    startedAt: z.iso.datetime({ offset: true }).nullable(),
    finishedAt: z.iso.datetime({ offset: true }).nullable(),
  })
  .meta({ id: 'DirectoryImport' });
export type TDirectoryImport = z.infer<typeof ZDirectoryImport>;

export const ZDirectoryImportResponse = z.object({ data: ZDirectoryImport });
export const ZDirectoryImportListResponse = z.object({ data: z.object({ items: z.array(ZDirectoryImport), nextCursor: s.nullable() }) });
export const ZDirectoryImportListQuery = z.object({
  cursor: z.string().max(200).optional(),
  limit: zQueryInt({ min: 1, max: 100 }).default(20),
});
export const ZDirectoryImportParams = z.object({ id: z.uuid() });
