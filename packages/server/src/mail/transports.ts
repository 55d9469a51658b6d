import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createTransport } from 'nodemailer';
import MailComposer, { type MailComposerOptions } from 'nodemailer/lib/mail-composer';
import type { Config } from '../config';

/** A sender as residents see it: the municipality's name and the platform's address. */
export interface MailSender {
  name: string;
  address: string;
}

/** One mail for a transport; `messageId` is the outbox id, so a resend keeps its Message-ID. */
export interface OutgoingMail {
  from: MailSender;
  to: string;
  subject: string;
  body: string;
  messageId: string;
}

/** Delivers one mail; the promise rejects when the mail was not accepted. */
export interface MailTransport {
  send(mail: OutgoingMail): Promise<void>;
}

/** The longest one send may take; the worker only starts a send its claim will outlast. */
export const sendTimeoutMs = 30_000;

/** The folder the file transport writes to, inside the data folder. */
export function mailFolder(dataDir: string): string {
  return join(dataDir, 'mail');
}

// Both transports build the message the same way, so a .eml file shows what SMTP would send.
function composerOptions(mail: OutgoingMail, date: Date): MailComposerOptions {
  const domain = mail.from.address.slice(mail.from.address.lastIndexOf('@') + 1);
  return {
    from: mail.from,
    to: mail.to,
    subject: mail.subject,
    // Text/plain in UTF-8; lines end in CRLF (RFC 2046), whatever the template was written with.
    text: mail.body.replace(/\r?\n/g, '\r\n'),
    messageId: `<${mail.messageId}@${domain}>`,
    date,
    // Base64 words and body: the usual form for Japanese mail, and readable by every client.
    textEncoding: 'B',
    encoding: 'base64',
    // RFC 3834: tells vacation responders not to answer a send-only address.
    headers: { 'Auto-Submitted': 'auto-generated' },
    xMailer: false,
  };
}

/**
 * Sends through an SMTP server given as smtp(s)://user:password@host:port. Every limit is short
 * of `sendTimeoutMs`, so a stalled server fails the send instead of holding the worker.
 * @example const transport = smtpTransport('smtps://user:secret@smtp.example.lg.jp:465');
 */
export function smtpTransport(url: string): MailTransport {
  const transporter = createTransport({
    url,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 20_000,
  });
  return {
    async send(mail) {
      await transporter.sendMail({
        ...composerOptions(mail, new Date()),
        signal: AbortSignal.timeout(sendTimeoutMs),
      });
    },
  };
}

/**
 * Writes each mail as an RFC 5322 .eml file named `<time>-<messageId>.eml`, for local use: any
 * mail program opens them. The folder and files are private to the server's user, since a mail
 * holds an applicant's secret status link.
 * @example const transport = fileTransport(mailFolder(config.DATA_DIR));
 */
export function fileTransport(dir: string): MailTransport {
  return {
    async send(mail) {
      const date = new Date();
      const message = await new MailComposer(composerOptions(mail, date)).compile().build();
      await mkdir(dir, { recursive: true, mode: 0o700 });
      const name = `${date.toISOString().replace(/[:.]/g, '-')}-${mail.messageId.replace(/[^\w-]/g, '_')}.eml`;
      // Written beside its final name, then renamed: a reader never sees half a mail.
      const temporary = join(dir, `.${name}.tmp`);
      try {
        await writeFile(temporary, message, { mode: 0o600, flag: 'wx' });
        await rename(temporary, join(dir, name));
      } catch (error) {
        await rm(temporary, { force: true });
        throw error;
      }
    },
  };
}

/**
 * The transport the configuration asks for: SMTP when SMTP_URL is set, else files in
 * DATA_DIR/mail.
 */
export function transportFromConfig(config: Pick<Config, 'SMTP_URL' | 'DATA_DIR'>): MailTransport {
  return config.SMTP_URL
    ? smtpTransport(config.SMTP_URL)
    : fileTransport(mailFolder(config.DATA_DIR));
}
