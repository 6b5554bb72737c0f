import { SMTPServer } from 'smtp-server';
import type { AddressInfo } from 'node:net';

export interface ReceivedMail {
  from: string;
  to: string[];
  raw: string;
}

/** A real SMTP server on loopback that keeps what it receives (a peer for mail tests). */
export async function startSmtpPeer(): Promise<{ url: string; mails: ReceivedMail[]; close: () => Promise<void> }> {
  const mails: ReceivedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    // Plain SMTP on loopback: no certificate to trust in tests.
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      let raw = '';
      stream.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
      stream.on('end', () => {
        mails.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw,
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return { url: `smtp://127.0.0.1:${port}`, mails, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/** The text of a (quoted-printable) mail body, soft line breaks joined. */
export function mailText(raw: string): string {
  return raw
    .replace(/=\r?\n/g, '')
    .replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** The text of mail number `seen` (0 = the first) to `to`, waiting up to 15 s for it to arrive. */
export async function waitForMailText(mails: ReceivedMail[], to: string, seen = 0): Promise<string> {
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    const mail = mails.filter((m) => m.to.includes(to))[seen];
    if (mail) return mailText(mail.raw);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`No mail for ${to} arrived`);
}

/** Waits up to 15 s for a mail to `to` with a link to `path`, and returns that link's path and fragment. */
export async function waitForMailLink(mails: ReceivedMail[], to: string, path: string): Promise<string> {
  const deadline = Date.now() + 15_000;
  const escaped = path.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  const pattern = new RegExp(`https?://[^\\s/]+(${escaped}#[\\w-]+)`);
  while (Date.now() < deadline) {
    for (const mail of mails.filter((m) => m.to.includes(to))) {
      const match = pattern.exec(mailText(mail.raw));
      if (match?.[1]) return match[1];
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`No mail for ${to} with a link to ${path}`);
}

/** The code and link path of the portal's login mail number `seen` to `to` (the family portal sends both). */
export async function portalLoginMail(mails: ReceivedMail[], to: string, seen = 0): Promise<{ code: string; link: string }> {
  const text = await waitForMailText(mails, to, seen);
  const code = /\n(\d{6})\r?\n/.exec(text)?.[1];
  const link = /https?:\/\/[^\s/]+(\/portaal#[\w-]+)/.exec(text)?.[1];
  if (!code || !link) throw new Error(`No code or link in the mail:\n${text}`);
  return { code, link };
}
