import nodemailer, { type Transporter } from 'nodemailer';
import type { FastifyBaseLogger } from 'fastify';
import type { Config } from '../../config.js';
import type { Db } from '../../db/client.js';
import { mailRepo } from './mail.repo.js';
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
        await mailRepo.insert(db, { recipient: message.to, subject: message.subject, body: message.text, transport: 'dev' });
        log.info({ subject: message.subject }, 'mail kept in the development outbox (no SMTP_URL)');
        return;
      }
      const id = await mailRepo.insert(db, { recipient: message.to, subject: message.subject, transport: 'smtp' });
      try {
        await smtp().sendMail({ from: config.mailFrom, to: message.to, subject: message.subject, text: message.text });
        if (id) await mailRepo.markSent(db, id, new Date());
      } catch (err) {
        const reason = err instanceof Error ? err.message.slice(0, 300) : 'unknown';
        if (id) await mailRepo.markFailed(db, id, reason);
        log.error({ reason }, 'sending mail failed');
        throw new AppError(503, 'unavailable');
      }
    },

    outbox(limit) {
      return mailRepo.devOutbox(db, limit);
    },
  };
}
