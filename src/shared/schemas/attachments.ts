import { z } from 'zod';
import { zName } from './common.js';

/**
 * Uploaded files, shared by every module that keeps attachments in the platform's `attachment`
 * table (meeting documents, good practices): the allowed kinds (recognised by their content), the
 * 10 MiB limit and the upload as base64 in JSON (the platform has no multipart parsing).
 */
export const ATTACHMENT_KINDS = ['pdf', 'docx', 'xlsx', 'pptx', 'png', 'jpeg'] as const;
export type TAttachmentKind = (typeof ATTACHMENT_KINDS)[number];
/** At most 10 MiB per file (the attachment table allows no more). */
export const ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024;
/** The body limit of an upload route: the file in base64 (4/3 of its size) plus room for the other fields. */
export const ATTACHMENT_BODY_LIMIT = Math.ceil(ATTACHMENT_MAX_BYTES / 3) * 4 + 64 * 1024;

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

export const zAttachmentFileName = zName({ min: 1, max: 200 }).refine((n) => !/[\\/]/.test(n), 'A file name without folders');
export const zAttachmentContent = z
  .string()
  .min(1, 'The file is empty')
  .max(ATTACHMENT_BODY_LIMIT)
  .refine((s) => s.length % 4 === 0 && BASE64.test(s), 'Not base64')
  .describe('The file, base64-encoded: PDF, DOCX, XLSX, PPTX, PNG or JPEG');
