import { z } from 'zod';
import { dataEnvelope, zKey, zQueryInt, zText } from '../common.js';
import { CONTACT_FUNCTIONS, SERVICE_LANGUAGES } from './enums.js';

/**
 * The public directory (sociale kaart, no login): search, detail pages and the map. One contract for
 * the server (`src/server/modules/directory/public.*`) and the web (`src/web/modules/directory/`).
 * Nothing here names a member of staff: contact points are published desks and functions.
 */

const zBool = z.enum(['true', 'false']).transform((v) => v === 'true');

/** GET /api/directory/search */
export const ZDirectorySearchQuery = z.object({
  q: zText({ max: 100 }).optional().describe('Words in Dutch; stemmed, accent-insensitive and typo-tolerant'),
  sector: zKey(64).optional().describe('A sector code'),
  region: zKey(64).optional().describe('A region code: services offered in one of its municipalities'),
  municipality: z.string().regex(/^\d{5}$/, 'A NIS code of five digits').optional(),
  age: zQueryInt({ min: 0, max: 120 }).optional().describe('Services for a person of this age'),
  directAccess: zBool.optional().describe('true: only services families can go to without a referral; false: only hits that need a referral (zinplekken included)'),
  zinplek: zBool.optional().describe('true: only zinplekken (places for youth); false: only services'),
  cursor: zKey(500).optional().describe('nextCursor of the previous page'),
  limit: zQueryInt({ min: 1, max: 50 }).default(20),
});
export type TDirectorySearchQuery = z.infer<typeof ZDirectorySearchQuery>;

/**
 * A text cut into stretches, in order; `match` marks the words the search matched (by stem, prefix or
 * accent-folded). Joining every `text` gives the shown text back. Plain text: render it, never as HTML.
 */
export const ZHighlight = z.array(z.object({ text: z.string(), match: z.boolean() }));
export type THighlight = z.infer<typeof ZHighlight>;

/** One hit: a service (with its organisation) or a zinplek. */
export const ZDirectoryHit = z
  .object({
    kind: z.enum(['service', 'zinplek']),
    id: z.uuid(),
    name: z.string(),
    nameHighlight: ZHighlight,
    snippet: ZHighlight.describe('Part of the description around the matched words'),
    organisation: z.object({ id: z.uuid(), name: z.string() }),
    sectors: z.array(z.object({ code: z.string(), nameNl: z.string(), nameEn: z.string() })),
    municipalities: z.array(z.object({ nisCode: z.string(), nameNl: z.string() })).describe('Where it is offered (its locations)'),
    minAge: z.number().int().nullable(),
    maxAge: z.number().int().nullable(),
    directAccess: z.boolean(),
    waitingDays: z.number().int().nullable(),
    waitingConfirmedOn: z.iso.date().nullable(),
    confirmedAt: z.iso.datetime({ offset: true }),
    stale: z.boolean().describe('Not confirmed by its owner for six months'),
  })
  .meta({ id: 'DirectoryHit' });
export type TDirectoryHit = z.infer<typeof ZDirectoryHit>;

/** The search counts its hits up to this many; beyond, `totalCapped` says "more than". */
export const DIRECTORY_TOTAL_CAP = 1000;

export const ZDirectorySearchResponse = z.object({
  data: z.object({
    items: z.array(ZDirectoryHit),
    nextCursor: z.string().nullable(),
    total: z.number().int().describe(`The hits of this search and these filters, counted up to ${DIRECTORY_TOTAL_CAP}`),
    totalCapped: z.boolean().describe(`There are more than ${DIRECTORY_TOTAL_CAP} hits (total is then ${DIRECTORY_TOTAL_CAP})`),
  }),
});
export type TDirectorySearchResponse = z.infer<typeof ZDirectorySearchResponse>;

export const ZPublicLocation = z.object({
  id: z.uuid(),
  name: z.string(),
  street: z.string(),
  postalCode: z.string(),
  city: z.string(),
  nisCode: z.string().nullable(),
  latitude: z.number().nullable(),
  longitude: z.number().nullable(),
});
export type TPublicLocation = z.infer<typeof ZPublicLocation>;

export const ZPublicContactPoint = z.object({
  id: z.uuid(),
  function: z.enum(CONTACT_FUNCTIONS),
  title: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
});
export type TPublicContactPoint = z.infer<typeof ZPublicContactPoint>;

/** GET /api/directory/services/:id */
export const ZPublicService = z
  .object({
    id: z.uuid(),
    name: z.string(),
    description: z.string(),
    eligibility: z.string(),
    minAge: z.number().int().nullable(),
    maxAge: z.number().int().nullable(),
    languages: z.array(z.enum(SERVICE_LANGUAGES)),
    howToApply: z.string(),
    cost: z.string(),
    url: z.string().nullable(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
    directAccess: z.boolean(),
    capacity: z.number().int().nullable(),
    waitingDays: z.number().int().nullable(),
    waitingConfirmedOn: z.iso.date().nullable(),
    confirmedAt: z.iso.datetime({ offset: true }),
    stale: z.boolean(),
    organisation: z.object({ id: z.uuid(), name: z.string() }),
    locations: z.array(ZPublicLocation),
    contactPoints: z.array(ZPublicContactPoint),
  })
  .meta({ id: 'PublicService' });
export type TPublicService = z.infer<typeof ZPublicService>;

/** GET /api/directory/organisations/:id */
export const ZPublicOrganisation = z
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
    sectors: z.array(z.object({ code: z.string(), nameNl: z.string(), nameEn: z.string() })),
    municipalitiesServed: z.array(z.object({ nisCode: z.string(), nameNl: z.string() })),
    confirmedAt: z.iso.datetime({ offset: true }),
    stale: z.boolean(),
    locations: z.array(ZPublicLocation),
    services: z.array(z.object({ id: z.uuid(), name: z.string(), directAccess: z.boolean(), waitingDays: z.number().int().nullable() })),
    zinplekken: z.array(z.object({ id: z.uuid(), name: z.string(), forWhom: z.string() })),
    contactPoints: z.array(ZPublicContactPoint),
  })
  .meta({ id: 'PublicOrganisation' });
export type TPublicOrganisation = z.infer<typeof ZPublicOrganisation>;

/** GET /api/directory/zinplekken/:id */
export const ZPublicZinplek = z
  .object({
    id: z.uuid(),
    name: z.string(),
    activities: z.string(),
    forWhom: z.string(),
    minAge: z.number().int().nullable(),
    maxAge: z.number().int().nullable(),
    registration: z.string(),
    places: z.number().int().nullable(),
    confirmedAt: z.iso.datetime({ offset: true }),
    stale: z.boolean(),
    organisation: z.object({ id: z.uuid(), name: z.string() }),
    location: ZPublicLocation.nullable(),
  })
  .meta({ id: 'PublicZinplek' });
export type TPublicZinplek = z.infer<typeof ZPublicZinplek>;

/**
 * GET /api/directory/map?region=<code>: the outlines of Flanders' municipalities (simplified, from the
 * shipped boundary data; the region's municipalities marked) and the located places of listed, active
 * organisations in the region (everywhere without a region; at most MAP_POINT_LIMIT), drawn as SVG.
 */
export const MAP_POINT_LIMIT = 2000;
export const ZDirectoryMapQuery = z.object({
  region: zKey(64).optional().describe('A region code: its municipalities are marked and only its places are given'),
});
export type TDirectoryMapQuery = z.infer<typeof ZDirectoryMapQuery>;

/** [longitude, latitude] pairs; polygons → rings → points (GeoJSON MultiPolygon coordinates, d3-geo winding). */
const ZMultiPolygon = z.array(z.array(z.array(z.tuple([z.number(), z.number()]))));

export const ZDirectoryMapMunicipality = z.object({
  nisCode: z.string(),
  nameNl: z.string(),
  inRegion: z.boolean(),
  polygons: ZMultiPolygon,
});
export type TDirectoryMapMunicipality = z.infer<typeof ZDirectoryMapMunicipality>;

export const ZDirectoryMapPoint = z.object({
  locationId: z.uuid(),
  name: z.string().describe('The location'),
  latitude: z.number(),
  longitude: z.number(),
  nisCode: z.string().nullable(),
  organisation: z.object({ id: z.uuid(), name: z.string() }),
  serviceCount: z.number().int().describe('Active services offered at this place'),
});
export type TDirectoryMapPoint = z.infer<typeof ZDirectoryMapPoint>;

export const ZDirectoryMapResponse = dataEnvelope(
  z.object({
    municipalities: z.array(ZDirectoryMapMunicipality),
    points: z.array(ZDirectoryMapPoint),
    truncated: z.boolean(),
    region: z
      .object({
        code: z.string(),
        name: z.string(),
        nisCodes: z.array(z.string()),
        outline: z.array(z.array(z.tuple([z.number(), z.number()]))).describe('Its outer border: lines of [longitude, latitude]'),
      })
      .nullable()
      .describe('The region asked for, to outline'),
  }),
);
export type TDirectoryMapResponse = z.infer<typeof ZDirectoryMapResponse>;

/** GET /api/directory/facets: what the filters offer (sectors, regions with their municipalities). */
export const ZDirectoryFacetsResponse = dataEnvelope(
  z.object({
    sectors: z.array(z.object({ code: z.string(), nameNl: z.string(), nameEn: z.string() })),
    regions: z.array(z.object({ code: z.string(), name: z.string(), kind: z.enum(['network', 'province']), nisCodes: z.array(z.string()).describe('Its municipalities') })),
    municipalities: z.array(z.object({ nisCode: z.string(), nameNl: z.string() })),
  }),
);
export type TDirectoryFacetsResponse = z.infer<typeof ZDirectoryFacetsResponse>;

export const ZDirectoryIdParams = z.object({ id: z.uuid() });

/** The detail responses: `{ data }`. */
export const ZPublicServiceResponse = dataEnvelope(ZPublicService);
export const ZPublicOrganisationResponse = dataEnvelope(ZPublicOrganisation);
export const ZPublicZinplekResponse = dataEnvelope(ZPublicZinplek);
