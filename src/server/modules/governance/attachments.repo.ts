import { and, asc, eq, inArray, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { attachment, governanceAgendaItem, person } from '../../db/schema/index.js';

/** Attachments of a meeting as a whole carry this resource type (resource id: the meeting). */
export const MEETING_FILE_RESOURCE = 'governance_meeting';
/** Attachments of one agenda item (resource id: the item; its meeting through the item). */
export const AGENDA_ITEM_FILE_RESOURCE = 'governance_agenda_item';

/** The meeting an attachment belongs to, directly or through its agenda item (SQL). */
const meetingIdOf = sql<string>`case when ${attachment.resourceType} = ${MEETING_FILE_RESOURCE} then ${attachment.resourceId} else ${governanceAgendaItem.meetingId} end`;

const listColumns = {
  id: attachment.id,
  meetingId: meetingIdOf,
  resourceType: attachment.resourceType,
  resourceId: attachment.resourceId,
  fileName: attachment.fileName,
  mediaType: attachment.mediaType,
  sizeBytes: attachment.sizeBytes,
  uploadedByName: person.name,
  uploadedAt: attachment.uploadedAt,
};

/** SQL of meeting attachments, kept in the platform's `attachment` table. */
export const attachmentsRepo = {
  /** The files of a meeting and of its agenda items, oldest first (then by name). */
  async list(db: DbOrTx, meetingId: string) {
    return db
      .select(listColumns)
      .from(attachment)
      .leftJoin(governanceAgendaItem, and(eq(attachment.resourceType, AGENDA_ITEM_FILE_RESOURCE), eq(governanceAgendaItem.id, attachment.resourceId)))
      .leftJoin(person, eq(person.id, attachment.uploadedBy))
      .where(
        or(
          and(eq(attachment.resourceType, MEETING_FILE_RESOURCE), eq(attachment.resourceId, meetingId)),
          and(eq(attachment.resourceType, AGENDA_ITEM_FILE_RESOURCE), eq(governanceAgendaItem.meetingId, meetingId)),
        ),
      )
      .orderBy(asc(attachment.uploadedAt), asc(attachment.fileName), asc(attachment.id));
  },

  /** One attachment of a meeting (or of one of its items), without its bytes; undefined for any other attachment. */
  async one(db: DbOrTx, id: string) {
    const [row] = await db
      .select(listColumns)
      .from(attachment)
      .leftJoin(governanceAgendaItem, and(eq(attachment.resourceType, AGENDA_ITEM_FILE_RESOURCE), eq(governanceAgendaItem.id, attachment.resourceId)))
      .leftJoin(person, eq(person.id, attachment.uploadedBy))
      .where(and(eq(attachment.id, id), inArray(attachment.resourceType, [MEETING_FILE_RESOURCE, AGENDA_ITEM_FILE_RESOURCE])));
    return row && row.meetingId ? row : undefined;
  },

  async content(db: DbOrTx, id: string) {
    const [row] = await db.select({ content: attachment.content, sha256: attachment.sha256 }).from(attachment).where(eq(attachment.id, id));
    return row;
  },

  /** Whether the agenda item belongs to the meeting. */
  async itemOfMeeting(db: DbOrTx, meetingId: string, itemId: string): Promise<boolean> {
    const rows = await db
      .select({ id: governanceAgendaItem.id })
      .from(governanceAgendaItem)
      .where(and(eq(governanceAgendaItem.id, itemId), eq(governanceAgendaItem.meetingId, meetingId)));
    return rows.length === 1;
  },

  async insert(
    db: DbOrTx,
    input: { meetingId: string; agendaItemId: string | null; fileName: string; mediaType: string; content: Buffer; sha256: string; uploadedBy: string | null; now: Date },
  ): Promise<string> {
    const [row] = await db
      .insert(attachment)
      .values({
        resourceType: input.agendaItemId ? AGENDA_ITEM_FILE_RESOURCE : MEETING_FILE_RESOURCE,
        resourceId: input.agendaItemId ?? input.meetingId,
        fileName: input.fileName,
        mediaType: input.mediaType,
        sizeBytes: input.content.length,
        sha256: input.sha256,
        content: input.content,
        uploadedBy: input.uploadedBy,
        uploadedAt: input.now,
      })
      .returning({ id: attachment.id });
    if (!row) throw new Error('attachment not inserted');
    return row.id;
  },

  async delete(db: DbOrTx, id: string) {
    await db.delete(attachment).where(eq(attachment.id, id));
  },
};
