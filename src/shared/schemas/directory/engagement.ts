import { z } from 'zod';
import { dataEnvelope, recordEnvelope, zDate, zKey, zName, zQueryInt, zText, zVersion } from '../common.js';
import { ENGAGEMENT_STATUSES } from './enums.js';

/**
 * Engagement declarations (engagementsverklaringen, seed 002): an organisation declares its
 * engagement to a region's 1G1P network — received (on a date), expected (by a date) or under
 * consideration — with the signed document as a PDF. The organisation admin keeps them; the
 * coordinators of the region (and platform admins) see them and the region's overview.
 * Routes under /api/directory/manage.
 */

/** The largest signed document accepted (5 MiB); a bigger one is refused with 413. */
export const ENGAGEMENT_DOCUMENT_MAX_BYTES = 5 * 1024 * 1024;
/** The body limit of the upload route: the document in base64 (4/3 of its size) plus room for the other fields. */
export const ENGAGEMENT_UPLOAD_BODY_LIMIT = Math.ceil(ENGAGEMENT_DOCUMENT_MAX_BYTES / 3) * 4 * 1.25;

export const ENGAGEMENT_ACTIONS = ['view', 'update', 'delete', 'upload', 'download'] as const;
export type TEngagementAction = (typeof ENGAGEMENT_ACTIONS)[number];
export const ZEngagementAbilities = z.object({ view: z.boolean(), update: z.boolean(), delete: z.boolean(), upload: z.boolean(), download: z.boolean() });

const zNote = zText({ max: 2000, multiline: true });

/** The dates a status needs: received → receivedOn, expected → expectedBy. */
function datesOfStatus(v: { status?: string | undefined; receivedOn?: string | null | undefined; expectedBy?: string | null | undefined }, ctx: z.RefinementCtx) {
  if (v.status === 'received' && !v.receivedOn) ctx.addIssue({ code: 'custom', path: ['receivedOn'], message: 'A received declaration needs the day it was received' });
  if (v.status === 'expected' && !v.expectedBy) ctx.addIssue({ code: 'custom', path: ['expectedBy'], message: 'An expected declaration needs the day it is expected by' });
}

export const ZEngagementCreate = z
  .object({
    regionId: z.uuid().describe('A 1G1P network region'),
    status: z.enum(ENGAGEMENT_STATUSES),
    receivedOn: zDate.nullable().optional().describe('Needed when received'),
    expectedBy: zDate.nullable().optional().describe('Needed when expected'),
    note: zNote.default(''),
  })
  .strict()
  .superRefine(datesOfStatus);
export type TEngagementCreate = z.infer<typeof ZEngagementCreate>;

/** A change; the date a status does not use is cleared. The server checks the dates against the resulting status. */
export const ZEngagementUpdate = z
  .object({
    version: zVersion,
    status: z.enum(ENGAGEMENT_STATUSES),
    receivedOn: zDate.nullable(),
    expectedBy: zDate.nullable(),
    note: zNote,
  })
  .partial()
  .required({ version: true })
  .strict();
export type TEngagementUpdate = z.infer<typeof ZEngagementUpdate>;

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** The signed document as base64 in JSON (the platform has no multipart parsing). */
export const ZEngagementDocumentUpload = z
  .object({
    version: zVersion,
    fileName: zName({ min: 1, max: 200 }).refine((n) => !/[\\/]/.test(n), 'A file name without folders'),
    content: z
      .string()
      .min(1, 'The file is empty')
      .max(ENGAGEMENT_UPLOAD_BODY_LIMIT)
      .refine((s) => s.length % 4 === 0 && BASE64.test(s), 'Not base64')
      .describe('The PDF file, base64-encoded'),
  })
  .strict();
export type TEngagementDocumentUpload = z.infer<typeof ZEngagementDocumentUpload>;

export const ZEngagementDocument = z.object({
  id: z.uuid(),
  fileName: z.string(),
  sizeBytes: z.number().int(),
  sha256: z.string(),
  uploadedAt: z.iso.datetime({ offset: true }),
});

export const ZEngagementDeclaration = z
  .object({
    id: z.uuid(),
    organisation: z.object({ id: z.uuid(), name: z.string() }),
    region: z.object({ id: z.uuid(), code: z.string(), name: z.string() }),
    status: z.enum(ENGAGEMENT_STATUSES),
    receivedOn: z.iso.date().nullable(),
    expectedBy: z.iso.date().nullable(),
    overdue: z.boolean().describe('Expected, and the expected-by day has passed'),
    note: z.string(),
    document: ZEngagementDocument.nullable(),
    updatedAt: z.iso.datetime({ offset: true }),
    version: z.number().int(),
  })
  .meta({ id: 'EngagementDeclaration' });
export type TEngagementDeclaration = z.infer<typeof ZEngagementDeclaration>;

export const ZEngagementParams = z.object({ id: z.uuid() });
export const ZEngagementResponse = recordEnvelope(ZEngagementDeclaration, ZEngagementAbilities);
/** An organisation's declarations, one per region at most (so never more than the regions: no paging). */
export const ZEngagementListResponse = z.object({
  data: z.array(ZEngagementDeclaration),
  abilities: z.record(z.string(), ZEngagementAbilities),
});

// --- The coordinator's overview of a region ------------------------------------------------

export const OVERVIEW_FILTERS = ['received', 'expected', 'overdue', 'under_consideration', 'none'] as const;
export type TOverviewFilter = (typeof OVERVIEW_FILTERS)[number];
export const ZEngagementOverviewParams = z.object({ regionId: z.uuid() });
export const ZEngagementOverviewQuery = z.object({
  status: z.enum(OVERVIEW_FILTERS).optional().describe('Only this status (overdue: expected and past its day; none: no declaration)'),
  cursor: zKey(500).optional().describe('nextCursor of the previous page'),
  limit: zQueryInt({ min: 1, max: 100 }).default(50),
});
export const ZEngagementOverviewItem = z.object({
  organisation: z.object({ id: z.uuid(), name: z.string() }),
  declaration: z
    .object({
      id: z.uuid(),
      status: z.enum(ENGAGEMENT_STATUSES),
      receivedOn: z.iso.date().nullable(),
      expectedBy: z.iso.date().nullable(),
      overdue: z.boolean(),
      hasDocument: z.boolean(),
    })
    .nullable()
    .describe('null: the organisation has no declaration for the region'),
});
export type TEngagementOverviewItem = z.infer<typeof ZEngagementOverviewItem>;
export const ZEngagementOverviewResponse = dataEnvelope(
  z.object({
    region: z.object({ id: z.uuid(), code: z.string(), name: z.string() }),
    counts: z.object({ received: z.number().int(), expected: z.number().int(), overdue: z.number().int(), under_consideration: z.number().int(), none: z.number().int() }),
    items: z.array(ZEngagementOverviewItem),
    nextCursor: z.string().nullable(),
  }),
);
export type TEngagementOverview = z.infer<typeof ZEngagementOverviewResponse>['data'];
