/**
 * SQLite's errors as database faults. node:sqlite throws an Error with code "ERR_SQLITE_ERROR",
 * the result code in `errcode` and SQLite's text in `errstr`; the low byte of an extended code
 * is its primary code, so SQLITE_READONLY_DBMOVED reads as SQLITE_READONLY.
 */
import { statSync } from 'node:fs';
import type { DatabaseFault, DatabaseFaultKind } from '../faults.ts';

const faultKinds: ReadonlyMap<number, DatabaseFaultKind> = new Map([
  [5, 'busy'], // SQLITE_BUSY: another connection kept the lock past busy_timeout
  [6, 'busy'], // SQLITE_LOCKED
  [8, 'read-only'], // SQLITE_READONLY and its extended codes
  [10, 'io-error'], // SQLITE_IOERR
  [11, 'unavailable'], // SQLITE_CORRUPT
  [13, 'full'], // SQLITE_FULL: the disk, or max_page_count
  [14, 'unavailable'], // SQLITE_CANTOPEN
  [15, 'busy'], // SQLITE_PROTOCOL: a WAL lock race that did not settle
  [26, 'unavailable'], // SQLITE_NOTADB
]);

interface SqliteError extends Error {
  errcode: number;
  errstr: string;
}

function isSqliteError(error: unknown): error is SqliteError {
  return (
    error instanceof Error &&
    (error as { code?: unknown }).code === 'ERR_SQLITE_ERROR' &&
    typeof (error as { errcode?: unknown }).errcode === 'number'
  );
}

export function sqliteFaultOf(error: unknown): DatabaseFault | undefined {
  if (!isSqliteError(error)) return undefined;
  const kind = faultKinds.get(error.errcode & 0xff);
  return kind ? { kind, driverMessage: error.errstr || error.message } : undefined;
}

/**
 * What an operator should do when the database file cannot be opened at start-up, or undefined
 * when the error is not about the file (a bug, then: it keeps its stack).
 */
export function openingAdvice(error: unknown, file: string): string | undefined {
  const files = `${file} and its -wal and -shm files`;
  const fsCode = (error as NodeJS.ErrnoException | undefined)?.code;
  if (fsCode === 'EROFS')
    return `the file system is read-only; mount it read-write or set DATA_DIR`;
  if (fsCode === 'EACCES' || fsCode === 'EPERM')
    return `permission denied; check the owner and permissions of the folder and ${files}`;
  if (fsCode === 'ENOTDIR' || fsCode === 'EEXIST')
    return 'DATA_DIR is a file, not a folder; point DATA_DIR at a folder';
  if (fsCode === 'ENOSPC') return 'the disk is full; free some space and start again';
  const fault = sqliteFaultOf(error);
  if (!fault) return undefined;
  switch (fault.kind) {
    case 'read-only':
      return (
        `the database is read-only; check the owner and permissions of ${files}, and that ` +
        'the file system is not mounted read-only'
      );
    case 'full':
      return 'the disk is full; free some space and start again';
    case 'busy':
      return 'another process holds the database lock; stop it, or point DATA_DIR at another folder';
    case 'io-error':
      return 'the disk reported an I/O error; check the disk, then restore from backup if the file is damaged';
    case 'unavailable':
      break;
  }
  const primary = (error as SqliteError).errcode & 0xff;
  if (primary === 26 || primary === 11)
    return (
      'the file is not a SQLite database (or is damaged); restore it from backup or move it ' +
      'aside (the service then starts with an empty database)'
    );
  if (statSync(file, { throwIfNoEntry: false })?.isDirectory())
    return 'this is a folder, not a database file; move it aside';
  return (
    `cannot open it; check the owner and permissions of the folder and ${files}, and that the ` +
    'file system is not mounted read-only'
  );
}
