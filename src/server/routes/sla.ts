/**
 * GET /api/sla/quote (when will the first reply come?) and GET /api/hours (who is open?).
 * Thin over the SLA engine; this file only reads and checks the query parameters.
 */
import { Hono } from 'hono';
import { Temporal } from 'temporal-polyfill';
import type { AppEnv } from '../context.ts';
import { type FieldError } from '../problem.ts';
import { invalidParameters, readLocale } from '../query-params.ts';
import type { SupportConfig } from '../support/load.ts';
import { hoursFor, quoteFirstReply } from '../support/quote.ts';

export interface SlaRouteDeps {
  support: SupportConfig;
  now: () => Temporal.Instant;
}

const priorities = ['normal', 'urgent'] as const;
type Priority = (typeof priorities)[number];

// Business calendars are expanded from holiday tables; far-away years are a mistake, not a quote.
const EARLIEST = Temporal.Instant.from('2000-01-01T00:00:00Z');
const LATEST = Temporal.Instant.from('2100-01-01T00:00:00Z');

export function slaRoutes(deps: SlaRouteDeps): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();

  routes.get('/sla/quote', (c) => {
    const errors: FieldError[] = [];
    const locale = readLocale(c.req.query('locale'), errors);
    const priority = readPriority(c.req.query('priority'), errors);
    const receivedAt = readInstant(c.req.query('receivedAt'), errors) ?? deps.now();
    if (!locale || !priority || errors.length > 0) throw invalidParameters(errors);
    return c.json(quoteFirstReply(deps.support, { locale, priority, receivedAt }));
  });

  routes.get('/hours', (c) => {
    const errors: FieldError[] = [];
    const locale = readLocale(c.req.query('locale'), errors);
    if (!locale) throw invalidParameters(errors);
    return c.json(hoursFor(deps.support, locale, deps.now()));
  });

  return routes;
}

function readPriority(value: string | undefined, errors: FieldError[]): Priority | undefined {
  if (value === undefined) return 'normal';
  if ((priorities as readonly string[]).includes(value)) return value as Priority;
  errors.push({ field: 'priority', message: `priority must be one of: ${priorities.join(', ')}` });
  return undefined;
}

function readInstant(
  value: string | undefined,
  errors: FieldError[],
): Temporal.Instant | undefined {
  if (value === undefined) return undefined;
  // An unencoded "+01:00" in a query string arrives as " 01:00".
  const text = value.trim().replace(/ (\d{2}(?::?\d{2})?)$/, '+$1');
  try {
    const instant = Temporal.Instant.from(text);
    if (
      Temporal.Instant.compare(instant, EARLIEST) >= 0 &&
      Temporal.Instant.compare(instant, LATEST) < 0
    ) {
      return instant;
    }
    errors.push({
      field: 'receivedAt',
      message: 'receivedAt must be between the years 2000 and 2099',
    });
  } catch {
    errors.push({
      field: 'receivedAt',
      message: 'receivedAt must be an ISO-8601 instant with an offset, e.g. 2026-12-01T09:30:00Z',
    });
  }
  return undefined;
}
