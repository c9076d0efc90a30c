/** The little the service says about itself; one line per event, to stdout/stderr. */
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
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}
