import { z } from 'zod';
import { pageEnvelope, recordEnvelope, zEmail, zKey, zName, zQueryInt, zText, zVersion } from './common.js';
import { zAttachmentContent, zAttachmentFileName } from './attachments.js';

/**
 * The good practices library (issue 10, after seed 000, STENT Oost-Vlaanderen: "four described
 * collaboration practices, with a short description, the goals, the added value and the
 * bottlenecks"). A professional proposes a practice as a draft; a network coordinator publishes it
 * to every network partner, or withdraws it. Searchable in Dutch, accents and plurals folded.
 */

export const PRACTICE_STATUSES = ['draft', 'published', 'withdrawn'] as const;
export type TPracticeStatus = (typeof PRACTICE_STATUSES)[number];

export const PRACTICE_ACTIONS = ['view', 'update', 'publish', 'withdraw'] as const;
export type TPracticeAction = (typeof PRACTICE_ACTIONS)[number];
export const ZPracticeAbilities = z
  .object({ view: z.boolean(), update: z.boolean(), publish: z.boolean(), withdraw: z.boolean() })
  .meta({ id: 'PracticeAbilities' });

export const MAX_CONTACTS = 10;
export const MAX_PRACTICE_SECTORS = 20;
export const MAX_PRACTICE_ORGANISATIONS = 20;

export const ZPracticeContact = z
  .object({
    name: zName({ min: 2, max: 120 }),
    function: zText({ max: 120 }).default(''),
    organisation: zText({ max: 200 }).default(''),
    email: zEmail.nullable().default(null),
  })
  .strict()
  .meta({ id: 'PracticeContact' });
export type TPracticeContact = z.infer<typeof ZPracticeContact>;

const zLongText = (min = 0) => zText({ min, max: 6000, multiline: true });
const distinct = <T>(items: T[]) => new Set(items).size === items.length;
const zSectorCodes = z.array(zKey(40)).max(MAX_PRACTICE_SECTORS).refine(distinct, { message: 'A sector is listed twice' });
const zOrganisationIds = z.array(z.uuid()).max(MAX_PRACTICE_ORGANISATIONS).refine(distinct, { message: 'An organisation is listed twice' });

export const ZPracticeCreate = z
  .object({
    title: zName({ min: 3, max: 200 }),
    summary: zLongText(10),
    goals: zLongText().default(''),
    addedValue: zLongText().default(''),
    bottlenecks: zLongText().default(''),
    contacts: z.array(ZPracticeContact).max(MAX_CONTACTS).default([]),
    sectorCodes: zSectorCodes.default([]),
    organisationIds: zOrganisationIds.default([]),
  })
  .strict()
  .meta({ id: 'PracticeCreate' });
export type TPracticeCreate = z.infer<typeof ZPracticeCreate>;

export const ZPracticeUpdate = z
  .object({
    version: zVersion,
    title: zName({ min: 3, max: 200 }).optional(),
    summary: zLongText(10).optional(),
    goals: zLongText().optional(),
    addedValue: zLongText().optional(),
    bottlenecks: zLongText().optional(),
    contacts: z.array(ZPracticeContact).max(MAX_CONTACTS).optional(),
    sectorCodes: zSectorCodes.optional(),
    organisationIds: zOrganisationIds.optional(),
  })
  .strict()
  .meta({ id: 'PracticeUpdate' });
export type TPracticeUpdate = z.infer<typeof ZPracticeUpdate>;

/** Publish or withdraw, based on the version the coordinator saw. */
export const ZPracticeStatusChange = z.object({ version: zVersion }).strict().meta({ id: 'PracticeStatusChange' });

export const ZPracticeParams = z.object({ id: z.uuid() });
export const ZPracticeAttachmentParams = z.object({ id: z.uuid(), attachmentId: z.uuid() });

export const ZPracticeListQuery = z.object({
  cursor: zKey(500).optional().describe('nextCursor of the previous page'),
  limit: zQueryInt({ min: 1, max: 100 }).default(20),
  q: zText({ max: 100 }).optional().describe('Search words (Dutch: plurals and accents do not matter)'),
  sector: zKey(40).optional().describe('A sector code'),
  status: z.enum(PRACTICE_STATUSES).optional(),
});
export type TPracticeListQuery = z.infer<typeof ZPracticeListQuery>;

const ZSectorRef = z.object({ code: z.string(), name: z.string() });
const ZOrganisationRef = z.object({ id: z.uuid(), name: z.string() });

export const ZPractice = z
  .object({
    id: z.uuid(),
    title: z.string(),
    summary: z.string(),
    status: z.enum(PRACTICE_STATUSES),
    sectors: z.array(ZSectorRef),
    organisations: z.array(ZOrganisationRef),
    authorOrganisationId: z.uuid().nullable(),
    authorOrganisationName: z.string().nullable(),
    publishedAt: z.string().nullable(),
    updatedAt: z.string(),
    version: z.number().int(),
  })
  .meta({ id: 'Practice' });
export type TPractice = z.infer<typeof ZPractice>;

export const ZPracticeAttachment = z
  .object({
    id: z.uuid(),
    fileName: z.string(),
    mediaType: z.string(),
    sizeBytes: z.number().int(),
    uploadedByName: z.string().nullable(),
    uploadedAt: z.string(),
  })
  .meta({ id: 'PracticeAttachment' });
export type TPracticeAttachment = z.infer<typeof ZPracticeAttachment>;

export const ZPracticeDetail = ZPractice.extend({
  goals: z.string(),
  addedValue: z.string(),
  bottlenecks: z.string(),
  contacts: z.array(z.object({ name: z.string(), function: z.string(), organisation: z.string(), email: z.string().nullable() })),
  createdByName: z.string().nullable(),
  attachments: z.array(ZPracticeAttachment),
}).meta({ id: 'PracticeDetail' });
export type TPracticeDetail = z.infer<typeof ZPracticeDetail>;
export const ZPracticeResponse = recordEnvelope(ZPracticeDetail, ZPracticeAbilities);

/** A page of practices; `propose`: the caller may propose one (anyone working in an organisation, coordinators). */
export const ZPracticeListResponse = pageEnvelope(ZPractice, ZPracticeAbilities).extend({ propose: z.boolean() }).meta({ id: 'PracticeList' });

export const ZPracticeAttachmentUpload = z
  .object({ fileName: zAttachmentFileName, content: zAttachmentContent })
  .strict()
  .meta({ id: 'PracticeAttachmentUpload' });
export type TPracticeAttachmentUpload = z.infer<typeof ZPracticeAttachmentUpload>;

/** The sectors to filter on and choose from. */
export const ZPracticeSectorsResponse = z.object({ data: z.array(ZSectorRef) }).meta({ id: 'PracticeSectors' });
