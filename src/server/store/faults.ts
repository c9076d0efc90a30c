/**
 * Database faults: the errors that say the database, not the request, is in trouble (disk full,
 * read-only, I/O error, lock held too long, cannot be opened). They are not bugs: the service
 * answers 503 with Retry-After and recovers by itself once the fault goes. Each database reads
 * its own error codes (sqlite/faults.ts; PostgreSQL adds its SQLSTATE classes beside it and one
 * line to `readers` below); everything else sees only the kind.
 */
import { ConfigFileError, displayName } from '../../lib/config-file.ts';
import { postgresFaultOf } from './postgres/faults.ts';
import { sqliteFaultOf } from './sqlite/faults.ts';

/** What is wrong, as a health check and an operator need to know it. */
export type DatabaseFaultKind = 'read-only' | 'full' | 'busy' | 'io-error' | 'unavailable';

/** One sentence per kind, without paths: safe for a health response and for logs. */
export const databaseFaultDescriptions: Record<DatabaseFaultKind, string> = {
  'read-only': 'the database cannot be written: its files or their file system are read-only',
  full: 'the disk that holds the database is full',
  busy: 'another process held the database lock for longer than the service waits',
  'io-error': 'the disk reported an I/O error while reading or writing the database',
  unavailable: 'the database cannot be opened or read',
};

export interface DatabaseFault {
  kind: DatabaseFaultKind;
  /** The driver's own short text ("database or disk is full"): no paths, for the log line. */
  driverMessage: string;
}

/** One database's reading of its errors; undefined when the error is not a database fault. */
export type DatabaseFaultReader = (error: unknown) => DatabaseFault | undefined;

const readers: readonly DatabaseFaultReader[] = [sqliteFaultOf, postgresFaultOf];

/** The database fault behind an error (or its causes), or undefined when it is something else. */
export function databaseFaultOf(error: unknown): DatabaseFault | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current !== undefined && current !== null; depth++) {
    for (const read of readers) {
      const fault = read(current);
      if (fault) return fault;
    }
    current = current instanceof Error ? current.cause : undefined;
  }
  return undefined;
}

/**
 * The database could not be opened at start-up: names the file and what to do, printed the way
 * configuration mistakes are (scripts/serve.ts), without a stack.
 */
export class DatabaseOpenError extends ConfigFileError {
  override name = 'DatabaseOpenError';

  constructor(file: string, message: string, cause?: unknown) {
    super([{ file: displayName(file), path: '', message }]);
    if (cause !== undefined) this.cause = cause;
  }
}
