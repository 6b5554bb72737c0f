import type { Db, DbOrTx } from '../../db/client.js';
import type { FullContext, RequestContext } from '../../platform/context.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { auditActor } from '../../platform/audit/actor.js';
import { Invalid, NotFound, detailPath } from '../../platform/errors.js';
import { checkAttachment } from '../../platform/attachments.js';
import { tr } from '../../platform/i18n.js';
import { type TMeetingAttachment, type TMeetingAttachmentUpload } from '../../../shared/schemas/governance.js';
import { meetingPolicy, todayOf } from './governance.policy.js';
import { meetingsRepo } from './meetings.repo.js';
import { attachmentsRepo } from './attachments.repo.js';

/**
 * Files of a meeting or of one of its agenda items (agenda, slides, reports). Whoever sees the
 * meeting lists and downloads them; whoever may change the meeting (chair, secretary, the body's
 * coordinators) uploads and deletes them. The type is decided by the content, the name must agree
 * (platform/attachments.ts).
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
        const { mediaType, sha256 } = checkAttachment(full, input.fileName, content);
        const agendaItemId = input.agendaItemId ?? null;
        if (agendaItemId && !(await attachmentsRepo.itemOfMeeting(tx, meetingId, agendaItemId))) {
          throw invalid(full, 'agendaItemId', 'Dit agendapunt hoort niet bij deze vergadering.', 'This agenda item does not belong to this meeting.');
        }
        const id = await attachmentsRepo.insert(tx, { meetingId, agendaItemId, fileName: input.fileName, mediaType, content, sha256, uploadedBy: full.actor.personId, now: full.now });
        await recordAudit(tx, {
          ...auditActor(full), action: 'governance.attachment.upload', resourceType: 'governance_meeting', resourceId: meetingId, outcome: 'success',
          details: { attachmentId: id, agendaItemId, fileName: input.fileName, mediaType, sizeBytes: content.length, sha256 },
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
