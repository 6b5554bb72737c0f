import { desc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { mailOutbox } from '../../db/schema/index.js';

/** SQL for the record of sent mail and the development outbox. */
export const mailRepo = {
  async insert(db: DbOrTx, values: { recipient: string; subject: string; body?: string | null; transport: 'smtp' | 'dev' }) {
    const [row] = await db.insert(mailOutbox).values(values).returning({ id: mailOutbox.id });
    return row?.id;
  },

  markSent(db: DbOrTx, id: string, at: Date) {
    return db.update(mailOutbox).set({ sentAt: at }).where(eq(mailOutbox.id, id));
  },

  markFailed(db: DbOrTx, id: string, error: string) {
    return db.update(mailOutbox).set({ error }).where(eq(mailOutbox.id, id));
  },

  devOutbox(db: DbOrTx, limit: number) {
    return db
      .select({ id: mailOutbox.id, recipient: mailOutbox.recipient, subject: mailOutbox.subject, body: mailOutbox.body, createdAt: mailOutbox.createdAt })
      .from(mailOutbox)
      .where(eq(mailOutbox.transport, 'dev'))
      .orderBy(desc(mailOutbox.createdAt))
      .limit(limit);
  },
};
