import { mkdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import nodemailer from 'nodemailer';

/** One email: both a plain-text and an HTML body. */
export interface Mail {
  to: string;
  subject: string;
  text: string;
  html: string;
}

/** Sends mail; `send` rejects when the mail did not go out. */
export interface Mailer {
  /** Where mail goes, for the start-up log: `smtp://host:port` (no credentials) or the outbox directory. */
  readonly target: string;
  send(mail: Mail): Promise<void>;
  close(): void;
}

export interface MailerOptions {
  /** An SMTP server URL (`smtp://`, `smtps://`); unset writes each mail to `outboxDir` instead. */
  smtpUrl: string | undefined;
  from: string;
  outboxDir: string;
}

/**
 * A nodemailer transport: SMTP when `smtpUrl` is set; otherwise each mail is rendered as a complete
 * RFC 822 message and written to `outboxDir/<time>-<id>.eml` (any mail client opens it), so the
 * embedded default needs no mail server and loses no receipt.
 */
export function createMailer(options: MailerOptions): Mailer {
  if (options.smtpUrl) {
    const transport = nodemailer.createTransport(options.smtpUrl);
    const url = new URL(options.smtpUrl);
    return {
      target: `${url.protocol}//${url.host}`,
      async send(mail) {
        await transport.sendMail({ from: options.from, ...mail });
      },
      close: () => transport.close(),
    };
  }
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  let outbox: Promise<unknown> | undefined;
  return {
    target: options.outboxDir,
    async send(mail) {
      const info = await transport.sendMail({ from: options.from, ...mail });
      // NOTE: asynchronous file calls run on libuv's pool: a checkout rush writing receipts must not
      // block the thread the room patches from (the synchronous ones took a quarter of its CPU).
      outbox ??= mkdir(options.outboxDir, { recursive: true, mode: 0o700 }).catch((e) => {
        outbox = undefined;
        throw e;
      });
      await outbox;
      const id = info.messageId.replace(/[^A-Za-z0-9]/g, '').slice(0, 24);
      const name = `${new Date().toISOString().replace(/[:.]/g, '-')}-${id}.eml`;
      const file = path.join(options.outboxDir, name);
      try {
        // NOTE: written under another name, then renamed: whoever reads the outbox sees a whole .eml or none.
        await writeFile(`${file}.part`, info.message as Buffer, { mode: 0o600 });
        await rename(`${file}.part`, file);
      } catch (e) {
        // NOTE: the outbox was removed while running: the next attempt makes it again.
        if ((e as NodeJS.ErrnoException).code === 'ENOENT') outbox = undefined;
        throw e;
      }
    },
    close: () => transport.close(),
  };
}
