import { createHash } from 'node:crypto';
import { AppError, Invalid, detailPath } from './errors.js';
import { tr } from './i18n.js';
import { ATTACHMENT_MAX_BYTES, type TAttachmentKind } from '../../shared/schemas/attachments.js';

/**
 * The checks every uploaded file passes before it is stored in the `attachment` table (meeting
 * documents, good practices): at most 10 MiB, a kind recognised by its content (magic bytes; Office
 * files by the main part of their ZIP package), and a file name whose ending agrees with the content.
 */

/** Media type and the file name endings of every kind. */
export const ATTACHMENT_KIND_INFO: Record<TAttachmentKind, { mediaType: string; endings: string[] }> = {
  pdf: { mediaType: 'application/pdf', endings: ['.pdf'] },
  docx: { mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', endings: ['.docx'] },
  xlsx: { mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', endings: ['.xlsx'] },
  pptx: { mediaType: 'application/vnd.openxmlformats-officedocument.presentationml.presentation', endings: ['.pptx'] },
  png: { mediaType: 'image/png', endings: ['.png'] },
  jpeg: { mediaType: 'image/jpeg', endings: ['.jpg', '.jpeg'] },
};

const PDF = Buffer.from('%PDF-', 'latin1');
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const JPEG = Buffer.from([0xff, 0xd8, 0xff]);
const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
/** Office files are ZIP packages; the name of their main part (stored uncompressed in a local file header) tells which. */
const OFFICE_PARTS: [TAttachmentKind, Buffer][] = [
  ['docx', Buffer.from('word/document.xml', 'latin1')],
  ['xlsx', Buffer.from('xl/workbook.xml', 'latin1')],
  ['pptx', Buffer.from('ppt/presentation.xml', 'latin1')],
];
const CONTENT_TYPES = Buffer.from('[Content_Types].xml', 'latin1');

/** The kind of a file from its first bytes (and, for Office files, the parts of the package); null when it is none of the allowed kinds. */
export function detectAttachmentKind(content: Buffer): TAttachmentKind | null {
  const starts = (magic: Buffer) => content.length >= magic.length && content.subarray(0, magic.length).equals(magic);
  if (starts(PDF)) return 'pdf';
  if (starts(PNG)) return 'png';
  if (starts(JPEG)) return 'jpeg';
  if (starts(ZIP) && content.includes(CONTENT_TYPES)) {
    for (const [kind, part] of OFFICE_PARTS) if (content.includes(part)) return kind;
  }
  return null;
}

export interface CheckedAttachment {
  kind: TAttachmentKind;
  mediaType: string;
  sha256: string;
}

/**
 * Checks an uploaded file: 413 on `body.content` when larger than 10 MiB, 400 on `body.content` for a
 * kind that is not allowed, 400 on `body.fileName` when the name's ending does not match the content.
 */
export function checkAttachment(ctx: { lang: 'nl' | 'en' }, fileName: string, content: Buffer): CheckedAttachment {
  if (content.length > ATTACHMENT_MAX_BYTES) {
    const message = tr(ctx, 'Het bestand is te groot: een bijlage mag ten hoogste 10 MB zijn.', 'The file is too large: an attachment may be 10 MB at most.');
    throw new AppError(413, 'payload_too_large', message, [{ path: detailPath('body', 'content'), message }]);
  }
  const invalid = (field: string, nl: string, en: string) => {
    const message = tr(ctx, nl, en);
    return new Invalid(message, [{ path: detailPath('body', field), message }]);
  };
  const kind = detectAttachmentKind(content);
  if (!kind) {
    throw invalid('content', 'Dit soort bestand kan niet als bijlage. Laad een PDF, Word-, Excel- of PowerPoint-bestand, PNG of JPEG op.', 'This kind of file cannot be attached. Upload a PDF, Word, Excel or PowerPoint file, PNG or JPEG.');
  }
  const info = ATTACHMENT_KIND_INFO[kind];
  const lower = fileName.toLowerCase();
  if (!info.endings.some((e) => lower.endsWith(e))) {
    throw invalid('fileName', `De naam van het bestand past niet bij de inhoud: dit is een ${kind.toUpperCase()}-bestand (${info.endings.join(' of ')}).`, `The file name does not match its content: this is a ${kind.toUpperCase()} file (${info.endings.join(' or ')}).`);
  }
  return { kind, mediaType: info.mediaType, sha256: createHash('sha256').update(content).digest('hex') };
}
