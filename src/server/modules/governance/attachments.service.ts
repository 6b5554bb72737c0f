import { createHash } from 'node:crypto';
import type { Db, DbOrTx } from '../../db/client.js';
import type { FullContext, RequestContext } from '../../platform/context.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { auditActor } from '../../platform/audit/actor.js';
import { AppError, Invalid, NotFound, detailPath } from '../../platform/errors.js';
import { tr } from '../../platform/i18n.js';
import { MEETING_ATTACHMENT_MAX_BYTES, type TMeetingAttachment, type TMeetingAttachmentKind, type TMeetingAttachmentUpload } from '../../../shared/schemas/governance.js';
import { meetingPolicy, todayOf } from './governance.policy.js';
import { meetingsRepo } from './meetings.repo.js';
import { attachmentsRepo } from './attachments.repo.js';

/** Media type and the file name endings of every kind. */
const KINDS: Record<TMeetingAttachmentKind, { mediaType: string; endings: string[] }> = {
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
const OFFICE_PARTS: [TMeetingAttachmentKind, Buffer][] = [
  ['docx', Buffer.from('word/document.xml', 'latin1')],
  ['xlsx', Buffer.from('xl/workbook.xml', 'latin1')],
  ['pptx', Buffer.from('ppt/presentation.xml', 'latin1')],
];
const CONTENT_TYPES = Buffer.from('[Content_Types].xml', 'latin1');

/** The kind of a file from its first bytes (and, for Office files, the parts of the package); null when it is none of the allowed kinds. */
export function detectAttachmentKind(content: Buffer): TMeetingAttachmentKind | null {
  const starts = (magic: Buffer) => content.length >= magic.length && content.subarray(0, magic.length).equals(magic);
  if (starts(PDF)) return 'pdf';
  if (starts(PNG)) return 'png';
  if (starts(JPEG)) return 'jpeg';
  if (starts(ZIP) && content.includes(CONTENT_TYPES)) {
    for (const [kind, part] of OFFICE_PARTS) if (content.includes(part)) return kind;
  }
  return null;
}

/**
 * Files of a meeting or of one of its agenda items (agenda, slides, reports). Whoever sees the
 * meeting lists and downloads them; whoever may change the meeting (chair, secretary, the body's
 * coordinators) uploads and deletes them. The type is decided by the content, the name must agree.
 */
export function createAttachmentsService(db: Db) {
  async function authorizedMeeting(tx: DbOrTx, ctx: RequestContext, meetingId: string, action: 'view' | 'update', lock: boolean) {
    const facts = await meetingsRepo.meetingFacts(tx, meetingId, ctx.actor?.personId ?? null, todayOf(ctx), lock);
    if (!facts) throw new NotFound();
    meetingPolicy.authorize(ctx, action, facts);
    return { facts, full: ctx as FullContext };
  }

  async function found(tx: DbOrTx, id: string) {
    const row = await attachmentsRepo.one(tx, id);
    if (!row) throw new NotFound();
    return row;
  }

  const toView = (row: NonNullable<Awaited<ReturnType<typeof attachmentsRepo.one>>>): TMeetingAttachment => ({
    id: row.id,
    meetingId: row.meetingId,
    agendaItemId: row.resourceType === 'governance_agenda_item' ? row.resourceId : null,
    fileName: row.fileName,
    mediaType: row.mediaType,
    sizeBytes: row.sizeBytes,
    uploadedByName: row.uploadedByName,
    uploadedAt: row.uploadedAt.toISOString(),
  });

  const invalid = (ctx: FullContext, field: string, nl: string, en: string) => {
    const message = tr(ctx, nl, en);
    return new Invalid(message, [{ path: detailPath('body', field), message }]);
  };

  return {
    list(ctx: RequestContext, meetingId: string) {
      return db.transaction(async (tx) => {
        const { facts, full } = await authorizedMeeting(tx, ctx, meetingId, 'view', false);
        const items = (await attachmentsRepo.list(tx, meetingId)).map(toView);
        return { data: { items }, abilities: meetingPolicy.abilitiesOf(full, facts) };
      });
    },

    upload(ctx: RequestContext, meetingId: string, input: TMeetingAttachmentUpload) {
      const content = Buffer.from(input.content, 'base64');
      return db.transaction(async (tx) => {
        const { facts, full } = await authorizedMeeting(tx, ctx, meetingId, 'update', true);
        if (content.length > MEETING_ATTACHMENT_MAX_BYTES) {
          const message = tr(full, 'Het bestand is te groot: een bijlage mag ten hoogste 10 MB zijn.', 'The file is too large: an attachment may be 10 MB at most.');
          throw new AppError(413, 'payload_too_large', message, [{ path: detailPath('body', 'content'), message }]);
        }
        const kind = detectAttachmentKind(content);
        if (!kind) {
          throw invalid(full, 'content', 'Dit soort bestand kan niet als bijlage. Laad een PDF, Word-, Excel- of PowerPoint-bestand, PNG of JPEG op.', 'This kind of file cannot be attached. Upload a PDF, Word, Excel or PowerPoint file, PNG or JPEG.');
        }
        const lower = input.fileName.toLowerCase();
        if (!KINDS[kind].endings.some((e) => lower.endsWith(e))) {
          throw invalid(full, 'fileName', `De naam van het bestand past niet bij de inhoud: dit is een ${kind.toUpperCase()}-bestand (${KINDS[kind].endings.join(' of ')}).`, `The file name does not match its content: this is a ${kind.toUpperCase()} file (${KINDS[kind].endings.join(' or ')}).`);
        }
        const agendaItemId = input.agendaItemId ?? null;
        if (agendaItemId && !(await attachmentsRepo.itemOfMeeting(tx, meetingId, agendaItemId))) {
          throw invalid(full, 'agendaItemId', 'Dit agendapunt hoort niet bij deze vergadering.', 'This agenda item does not belong to this meeting.');
        }
        const sha256 = createHash('sha256').update(content).digest('hex');
        const id = await attachmentsRepo.insert(tx, { meetingId, agendaItemId, fileName: input.fileName, mediaType: KINDS[kind].mediaType, content, sha256, uploadedBy: full.actor.personId, now: full.now });
        await recordAudit(tx, {
          ...auditActor(full), action: 'governance.attachment.upload', resourceType: 'governance_meeting', resourceId: meetingId, outcome: 'success',
          details: { attachmentId: id, agendaItemId, fileName: input.fileName, mediaType: KINDS[kind].mediaType, sizeBytes: content.length, sha256 },
        });
        return { data: toView(await found(tx, id)), abilities: meetingPolicy.abilitiesOf(full, facts) };
      });
    },

    /** The file with its bytes; the download is audited (who read which document of which meeting). */
    download(ctx: RequestContext, id: string) {
      return db.transaction(async (tx) => {
        const row = await found(tx, id);
        const { full } = await authorizedMeeting(tx, ctx, row.meetingId, 'view', false);
        const file = await attachmentsRepo.content(tx, id);
        if (!file) throw new NotFound();
        await recordAudit(tx, { ...auditActor(full), action: 'governance.attachment.download', resourceType: 'governance_meeting', resourceId: row.meetingId, outcome: 'success', details: { attachmentId: id } });
        return { fileName: row.fileName, mediaType: row.mediaType, content: file.content };
      });
    },

    delete(ctx: RequestContext, id: string) {
      return db.transaction(async (tx) => {
        const row = await found(tx, id);
        const { full } = await authorizedMeeting(tx, ctx, row.meetingId, 'update', true);
        await attachmentsRepo.delete(tx, id);
        await recordAudit(tx, {
          ...auditActor(full), action: 'governance.attachment.delete', resourceType: 'governance_meeting', resourceId: row.meetingId, outcome: 'success',
          details: { attachmentId: id, fileName: row.fileName, sizeBytes: row.sizeBytes },
        });
      });
    },
  };
}
