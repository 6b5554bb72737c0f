import { and, asc, eq, gte } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { governanceBody, governanceCalendarFeed, governanceMeeting } from '../../db/schema/index.js';

/** SQL of the exports: the private calendar feed of a body and the meetings it lists. */
export const exportsRepo = {
  /** The body whose feed has this token hash, if any. */
  async feedBody(db: DbOrTx, tokenHash: string) {
    const [row] = await db
      .select({ bodyId: governanceBody.id, bodyName: governanceBody.name })
      .from(governanceCalendarFeed)
      .innerJoin(governanceBody, eq(governanceBody.id, governanceCalendarFeed.bodyId))
      .where(eq(governanceCalendarFeed.tokenHash, tokenHash));
    return row;
  },

  /** Sets (or replaces) the token hash of a body's feed: the old token stops working. */
  async setFeed(db: DbOrTx, bodyId: string, tokenHash: string, createdBy: string | null, now: Date): Promise<void> {
    await db
      .insert(governanceCalendarFeed)
      .values({ bodyId, tokenHash, createdBy, createdAt: now })
      .onConflictDoUpdate({ target: governanceCalendarFeed.bodyId, set: { tokenHash, createdBy, createdAt: now } });
  },

  async deleteFeed(db: DbOrTx, bodyId: string): Promise<boolean> {
    const rows = await db.delete(governanceCalendarFeed).where(eq(governanceCalendarFeed.bodyId, bodyId)).returning({ bodyId: governanceCalendarFeed.bodyId });
    return rows.length === 1;
  },

  /** The meetings of a body from a day on (the feed: the past year and everything planned), by date. */
  meetingsFrom(db: DbOrTx, bodyId: string, fromDay: string) {
    return db
      .select({
        id: governanceMeeting.id,
        meetingDate: governanceMeeting.meetingDate,
        startTime: governanceMeeting.startTime,
        endTime: governanceMeeting.endTime,
        place: governanceMeeting.place,
        onlineUrl: governanceMeeting.onlineUrl,
        status: governanceMeeting.status,
        updatedAt: governanceMeeting.updatedAt,
      })
      .from(governanceMeeting)
      .where(and(eq(governanceMeeting.bodyId, bodyId), gte(governanceMeeting.meetingDate, fromDay)))
      .orderBy(asc(governanceMeeting.meetingDate), asc(governanceMeeting.id))
      .limit(500);
  },
};
