/**
 * Outgoing mail. SMTP_URL (`smtp://user:pass@host:587`, or smtps:// for TLS from the start)
 * sends through nodemailer; without it, the embedded default, each message is written to the
 * server log instead, so a fresh `npm start` can still sign someone in.
 */
import type { Transporter } from 'nodemailer';
import type { Logger } from '../log.ts';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html?: string;
}

export interface Mailer {
  /** Where mail goes, for logs and health: "smtp://host:port" or "log". */
  readonly describe: string;
  send(message: MailMessage): Promise<void>;
  close(): void;
}

export function createMailer(options: {
  smtpUrl?: string | undefined;
  from: string;
  log: Logger;
}): Mailer {
  if (!options.smtpUrl) {
    return {
      describe: 'log',
      async send(message) {
        options.log.info(
          `mail (no SMTP_URL set, so it is printed here) to ${message.to}: ${message.subject}\n${message.text}`,
        );
      },
      close() {},
    };
  }
  const url = new URL(options.smtpUrl);
  const smtpUrl = options.smtpUrl;
  // nodemailer is loaded on the first message: a tenth of a second less at every start.
  let transport: Promise<Transporter> | undefined;
  const transportOf = () =>
    (transport ??= import('nodemailer').then(({ default: nodemailer }) =>
      nodemailer.createTransport(smtpUrl),
    ));
  return {
    describe: `${url.protocol}//${url.hostname}:${url.port || (url.protocol === 'smtps:' ? 465 : 587)}`,
    async send(message) {
      await (await transportOf()).sendMail({ from: options.from, ...message });
    },
    close: () => void transport?.then((opened) => opened.close()),
  };
}
