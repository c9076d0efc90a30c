/** The little the service says about itself; one line per event, to stdout/stderr. */
import { databaseFaultDescriptions, databaseFaultOf } from './store/faults.ts';

export interface Logger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string, error?: unknown): void;
}

export const consoleLogger: Logger = {
  info: (message) => console.log(message),
  warn: (message) => console.warn(message),
  error: (message, error) =>
    console.error(error === undefined ? message : `${message}: ${describe(error)}`),
};

export const silentLogger: Logger = { info() {}, warn() {}, error() {} };

function describe(error: unknown): string {
  // A full disk or a read-only file is the operator's to fix, not a bug: one line, no stack.
  const fault = databaseFaultOf(error);
  if (fault) return `${databaseFaultDescriptions[fault.kind]} (${fault.driverMessage})`;
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}
