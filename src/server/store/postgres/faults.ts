/**
 * PostgreSQL's errors that say the database, not the request, is in trouble, by SQLSTATE class
 * (https://www.postgresql.org/docs/current/errcodes-appendix.html), and the driver's connection
 * errors. The service answers them 503 with Retry-After, as it does SQLite's (../faults.ts).
 */
import type { DatabaseFault, DatabaseFaultKind } from '../faults.ts';

const bySqlState: Record<string, DatabaseFaultKind> = {
  '53100': 'full', // disk_full
  '53200': 'busy', // out_of_memory
  '53300': 'busy', // too_many_connections
  '25006': 'read-only', // read_only_sql_transaction (a standby, or default_transaction_read_only)
  '55P03': 'busy', // lock_not_available
  '57014': 'busy', // query_canceled (statement_timeout)
  '40P01': 'busy', // deadlock_detected
  '58030': 'io-error', // io_error
  '57P01': 'unavailable', // admin_shutdown
  '57P02': 'unavailable', // crash_shutdown
  '57P03': 'unavailable', // cannot_connect_now
};

const CONNECTION_ERRORS = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
]);

export function postgresFaultOf(error: unknown): DatabaseFault | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const { code, message } = error as { code?: unknown; message?: unknown };
  const text = typeof message === 'string' ? message : '';
  if (typeof code !== 'string') {
    // pg's own errors when the server went away mid-query carry no code.
    return /Connection terminated|connection timeout|timeout exceeded when trying to connect|Client has encountered a connection error/i.test(
      text,
    )
      ? { kind: 'unavailable', driverMessage: 'the connection to the database was lost' }
      : undefined;
  }
  if (CONNECTION_ERRORS.has(code))
    return { kind: 'unavailable', driverMessage: `cannot reach the database (${code})` };
  const kind = bySqlState[code] ?? (code.startsWith('08') ? 'unavailable' : undefined);
  // The server's message may quote a table or a value: keep only the SQLSTATE.
  return kind ? { kind, driverMessage: `PostgreSQL error ${code}` } : undefined;
}
