import { z } from 'zod';
import { pageEnvelope, recordEnvelope, zDate, zInt4, zKey, zQueryInt, zText, zVersion } from './common.js';

/**
 * Exchange learning ("wisselleren", the seed's "Vreemdgaan"): an organisation offers a day on its
 * shop floor to staff of another sector; a professional asks for a day, the host accepts, declines
 * or proposes another day; after the visit both sides write a short reflection; the coordinator
 * sees a sector × sector matrix of the visits that took place.
 */

export const OFFER_STATUSES = ['published', 'withdrawn'] as const;
export type TOfferStatus = (typeof OFFER_STATUSES)[number];

/** requested → accepted | declined | proposed (host); proposed → accepted | declined (visitor); requested | proposed | accepted → cancelled (visitor). */
export const EXCHANGE_REQUEST_STATUSES = ['requested', 'proposed', 'accepted', 'declined', 'cancelled'] as const;
export type TExchangeRequestStatus = (typeof EXCHANGE_REQUEST_STATUSES)[number];

export const OFFER_ACTIONS = ['view', 'update', 'request'] as const;
export type TOfferAction = (typeof OFFER_ACTIONS)[number];
export const ZOfferAbilities = z.object({ view: z.boolean(), update: z.boolean(), request: z.boolean() }).meta({ id: 'ExchangeOfferAbilities' });

export const EXCHANGE_REQUEST_ACTIONS = ['view', 'host', 'visit'] as const;
export type TExchangeRequestAction = (typeof EXCHANGE_REQUEST_ACTIONS)[number];
export const ZExchangeRequestAbilities = z
  .object({ view: z.boolean(), host: z.boolean(), visit: z.boolean() })
  .meta({ id: 'ExchangeRequestAbilities' });

export const ZOffer = z
  .object({
    id: z.uuid(),
    organisationId: z.uuid(),
    organisationName: z.string(),
    sector: z.string(),
    team: z.string(),
    description: z.string(),
    dates: z.array(z.iso.date()),
    visitorsPerDay: z.number().int(),
    status: z.enum(OFFER_STATUSES),
    version: z.number().int(),
  })
  .meta({ id: 'ExchangeOffer' });
export type TOffer = z.infer<typeof ZOffer>;

export const ZOfferResponse = recordEnvelope(ZOffer, ZOfferAbilities);
export const ZOfferListResponse = pageEnvelope(ZOffer, ZOfferAbilities);
export const ZOfferListQuery = z.object({
  cursor: zKey(500).optional().describe('nextCursor of the previous page'),
  limit: zQueryInt({ min: 1, max: 100 }).default(50),
  sector: zKey(64).optional().describe('Only offers of this sector (code)'),
  from: zDate.optional().describe('Only offers with a day on or after this day'),
});
export const ZOfferParams = z.object({ id: z.uuid() });

const zDates = z
  .array(zDate)
  .min(1)
  .max(60)
  .refine((d) => new Set(d).size === d.length, { message: 'A day is listed twice' });

export const ZOfferCreate = z
  .object({
    organisationId: z.uuid(),
    sector: zKey(64),
    team: zText({ min: 2, max: 200 }),
    description: zText({ min: 1, max: 4000, multiline: true }),
    dates: zDates,
    visitorsPerDay: zInt4({ min: 1, max: 50 }),
  })
  .strict()
  .meta({ id: 'ExchangeOfferCreate' });
export type TOfferCreate = z.infer<typeof ZOfferCreate>;

export const ZOfferUpdate = z
  .object({
    version: zVersion,
    sector: ZOfferCreate.shape.sector.optional(),
    team: ZOfferCreate.shape.team.optional(),
    description: ZOfferCreate.shape.description.optional(),
    dates: zDates.optional(),
    visitorsPerDay: ZOfferCreate.shape.visitorsPerDay.optional(),
  })
  .strict()
  .meta({ id: 'ExchangeOfferUpdate' });
export type TOfferUpdate = z.infer<typeof ZOfferUpdate>;

export const ZVersionBody = z.object({ version: zVersion }).strict().meta({ id: 'ExchangeVersion' });

// --- requests ---------------------------------------------------------------------------------

export const ZExchangeRequest = z
  .object({
    id: z.uuid(),
    offerId: z.uuid(),
    offerTeam: z.string(),
    hostOrganisationId: z.uuid(),
    hostOrganisationName: z.string(),
    hostSector: z.string(),
    visitorPersonId: z.uuid(),
    visitorName: z.string(),
    visitorOrganisationId: z.uuid(),
    visitorOrganisationName: z.string(),
    visitorSector: z.string().nullable(),
    day: z.iso.date(),
    proposedDay: z.iso.date().nullable(),
    motivation: z.string(),
    status: z.enum(EXCHANGE_REQUEST_STATUSES),
    visitorReflection: z.string().nullable(),
    hostReflection: z.string().nullable(),
    hostReflectionByName: z.string().nullable(),
    createdAt: z.iso.datetime({ offset: true }),
    version: z.number().int(),
  })
  .meta({ id: 'ExchangeRequest' });
export type TExchangeRequest = z.infer<typeof ZExchangeRequest>;

export const ZExchangeRequestResponse = recordEnvelope(ZExchangeRequest, ZExchangeRequestAbilities);
export const ZExchangeRequestListResponse = pageEnvelope(ZExchangeRequest, ZExchangeRequestAbilities);
export const ZExchangeRequestListQuery = z.object({
  cursor: zKey(500).optional().describe('nextCursor of the previous page'),
  limit: zQueryInt({ min: 1, max: 100 }).default(50),
  side: z.enum(['visitor', 'host']).optional().describe('Only my own requests (visitor) or those to my organisations (host)'),
  status: z.enum(EXCHANGE_REQUEST_STATUSES).optional(),
});
export const ZExchangeRequestParams = z.object({ requestId: z.uuid() });

export const ZExchangeRequestCreate = z
  .object({
    day: zDate.describe("One of the offer's days, or a day the visitor proposes"),
    motivation: zText({ min: 1, max: 1000, multiline: true }),
    /** The organisation the visitor comes from (default: their first membership). */
    organisationId: z.uuid().optional(),
  })
  .strict()
  .meta({ id: 'ExchangeRequestCreate' });
export type TExchangeRequestCreate = z.infer<typeof ZExchangeRequestCreate>;

export const ZExchangePropose = z.object({ version: zVersion, day: zDate }).strict().meta({ id: 'ExchangePropose' });
export const ZExchangeReflection = z
  .object({ version: zVersion, text: zText({ min: 1, max: 4000, multiline: true }) })
  .strict()
  .meta({ id: 'ExchangeReflection' });

// --- the coordinator's matrix -----------------------------------------------------------------

export const ZExchangeMatrixQuery = z.object({ year: zQueryInt({ min: 2000, max: 2100 }).optional().describe('Default: this year') });
export const ZExchangeMatrixResponse = z
  .object({
    data: z.object({
      year: z.number().int(),
      sectors: z.array(z.object({ code: z.string(), name: z.string() })),
      /** Visits that took place (accepted, day passed): from the visitor's sector to the host's sector. */
      cells: z.array(z.object({ visitorSector: z.string(), hostSector: z.string(), count: z.number().int() })),
      total: z.number().int(),
    }),
  })
  .meta({ id: 'ExchangeMatrix' });
export type TExchangeMatrix = z.infer<typeof ZExchangeMatrixResponse>['data'];
