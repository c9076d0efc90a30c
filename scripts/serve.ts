/**
 * Runs the help centre (static build + ticket service) on one port.
 *   PORT (4321), HOST (localhost), DATA_DIR (./data), DIST_DIR (./dist); see src/server/env.ts.
 * Prints "Help centre running at http://HOST:PORT" once it accepts requests.
 */
import { readServerEnv, serverEnvWarnings, ServerEnvError } from '../src/server/env.ts';
import { closeOnSignals, startNodeServer } from '../src/server/node.ts';
import { ConfigFileError } from '../src/lib/config-file.ts';

try {
  const settings = readServerEnv(process.env);
  for (const warning of serverEnvWarnings(process.env)) console.warn(`warning: ${warning}`);
  const running = await startNodeServer(settings);
  console.log(`Help centre running at ${running.url}`);
  closeOnSignals(running);
} catch (error) {
  // Configuration mistakes are the operator's to fix: the message says where; a stack would not.
  const code = (error as NodeJS.ErrnoException).code;
  // ConfigFileError: support and sign-in files, and a database file that cannot be opened.
  if (error instanceof ConfigFileError || error instanceof ServerEnvError) {
    console.error(error.message);
  } else if (code === 'EADDRINUSE' || code === 'EACCES' || code === 'EADDRNOTAVAIL') {
    console.error(
      `could not listen: ${(error as Error).message}; set PORT or HOST to another value`,
    );
  } else {
    console.error(error);
  }
  process.exit(1);
}
