/**
 * Delivers a ticket by email to its team's address through SMTP_URL (nodemailer). Only built when
 * SMTP_URL is set: without it email deliveries wait in the outbox rather than being printed, since
 * a ticket printed in a log has not reached anyone.
 */
import type { Transporter } from 'nodemailer';
import type { SupportConfig } from '../support/types.ts';
import { messageOf, type AttemptOutcome, type DeliverySender } from './attempt.ts';
import { composeTicketEmail } from './email-message.ts';

export interface EmailSenderOptions {
  smtpUrl: string;
  /** MAIL_FROM. */
  from: string;
  support: SupportConfig;
  /** Public origin of the help centre, for article links in the email. */
  siteUrl: string;
  /** How long connecting, greeting and each SMTP step may take before the attempt fails. */
  timeoutMs: number;
}

export function emailSender(options: EmailSenderOptions): DeliverySender {
  // nodemailer is loaded on the first delivery: a tenth of a second less at every start.
  let opened: Promise<Transporter> | undefined;
  const transportOf = () =>
    (opened ??= import('nodemailer').then(({ default: nodemailer }) =>
      nodemailer.createTransport({
        url: options.smtpUrl,
        connectionTimeout: options.timeoutMs,
        greetingTimeout: options.timeoutMs,
        socketTimeout: options.timeoutMs,
      }),
    ));
  return {
    target: 'email',
    async send(delivery, ticket) {
      const team = options.support.teamById(ticket.team);
      if (!team?.address) {
        return {
          outcome: 'dead',
          error:
            `team "${ticket.team}" has no address in content/support/teams.yaml; add it, ` +
            'restart the service and retry this delivery',
        };
      }
      const email = composeTicketEmail(
        ticket,
        { ...team, address: team.address },
        {
          idempotencyKey: delivery.idempotencyKey,
          siteUrl: options.siteUrl,
          support: options.support,
        },
      );
      try {
        await (await transportOf()).sendMail({ from: options.from, ...email });
        return { outcome: 'delivered' };
      } catch (error) {
        return classifySmtpError(error);
      }
    },
    close: () => void opened?.then((transport) => transport.close()),
  };
}

/**
 * SMTP says itself whether to try again: a 4xx reply is transient (greylisting, mailbox busy), a
 * 5xx reply permanent (no such mailbox, refused). No reply at all (connection refused, timeout,
 * TLS failure) is treated as transient: the server may be back soon.
 */
export function classifySmtpError(error: unknown): AttemptOutcome {
  const code = (error as { responseCode?: unknown } | null)?.responseCode;
  const text = `SMTP: ${messageOf(error)}`.slice(0, 500);
  if (typeof code === 'number' && code >= 500) return { outcome: 'dead', error: text };
  return { outcome: 'retry', error: text };
}
