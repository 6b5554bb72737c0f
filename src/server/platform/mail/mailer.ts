import nodemailer, { type Transporter } from 'nodemailer';
import type { FastifyBaseLogger } from 'fastify';
import { desc, eq } from 'drizzle-orm';
import type { Config } from '../../config.js';
import type { Db } from '../../db/client.js';
import { mailOutbox } from '../../db/schema/index.js';
import { AppError } from '../errors.js';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
}

/** Sends mail over SMTP; without SMTP (never in production) keeps it in the development outbox. */
export interface Mailer {
  send(message: MailMessage): Promise<void>;
  /** The development outbox, newest first (empty when SMTP is configured). */
  outbox(limit: number): Promise<{ id: string; recipient: string; subject: string; body: string | null; createdAt: Date }[]>;
}

/** Builds the mailer for this configuration. */
export function createMailer(config: Config, db: Db, log: FastifyBaseLogger): Mailer {
  let transport: Transporter | undefined;
  const smtp = () => (transport ??= nodemailer.createTransport(config.smtpUrl));

  return {
    async send(message) {
      if (!config.smtpUrl) {
        if (config.env === 'production') throw new AppError(503, 'unavailable', 'Mail is not configured (SMTP_URL).');
        await db.insert(mailOutbox).values({ recipient: message.to, subject: message.subject, body: message.text, transport: 'dev' });
        log.info({ subject: message.subject }, 'mail kept in the development outbox (no SMTP_URL)');
        return;
      }
      const [row] = await db
        .insert(mailOutbox)
        .values({ recipient: message.to, subject: message.subject, transport: 'smtp' })
        .returning({ id: mailOutbox.id });
      try {
        await smtp().sendMail({ from: config.mailFrom, to: message.to, subject: message.subject, text: message.text });
        if (row) await db.update(mailOutbox).set({ sentAt: new Date() }).where(eq(mailOutbox.id, row.id));
      } catch (err) {
        const reason = err instanceof Error ? err.message.slice(0, 300) : 'unknown';
        if (row) await db.update(mailOutbox).set({ error: reason }).where(eq(mailOutbox.id, row.id));
        log.error({ reason }, 'sending mail failed');
        throw new AppError(503, 'unavailable');
      }
    },

    async outbox(limit) {
      return db
        .select({ id: mailOutbox.id, recipient: mailOutbox.recipient, subject: mailOutbox.subject, body: mailOutbox.body, createdAt: mailOutbox.createdAt })
        .from(mailOutbox)
        .where(eq(mailOutbox.transport, 'dev'))
        .orderBy(desc(mailOutbox.createdAt))
        .limit(limit);
    },
  };
}
