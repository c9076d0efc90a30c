/**
 * The checks the service makes, made first in the browser so the reader gets the message next to
 * the field at once. The service checks again; this is a courtesy, not the guard.
 */
import { markers } from '../../lib/page-markers.ts';

export type FieldErrors = Record<string, string>;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function validateTicketForm(
  data: Record<string, string>,
  strings: Record<string, string> = readStrings(),
): FieldErrors {
  const errors: FieldErrors = {};
  const text = (name: string) => (data[name] ?? '').trim();
  if (!EMAIL.test(text('email'))) errors['email'] = strings['contact.errors.email'] ?? 'email';
  if (text('name').length > 100) errors['name'] = strings['contact.errors.name'] ?? 'name';
  if (!['buyer', 'seller'].includes(text('role')))
    errors['role'] = strings['contact.errors.role'] ?? 'role';
  if (!text('topic')) errors['topic'] = strings['contact.errors.topic'] ?? 'topic';
  const subject = [...text('subject')].length;
  if (subject < 3 || subject > 150)
    errors['subject'] = strings['contact.errors.subject'] ?? 'subject';
  const message = [...text('message')].length;
  if (message < 10 || message > 5000)
    errors['message'] = strings['contact.errors.message'] ?? 'message';
  return errors;
}

function readStrings(): Record<string, string> {
  const form = document.querySelector<HTMLElement>(`[${markers.contactForm}]`);
  return JSON.parse(form?.dataset['strings'] ?? '{}') as Record<string, string>;
}
