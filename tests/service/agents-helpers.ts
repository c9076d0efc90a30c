/**
 * The service in process (createApp) on a real SQLite file, with a clock the test moves, a copy
 * of content/ it may change, and people of every role signed in through real sessions.
 */
import { cpSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { Temporal } from 'temporal-polyfill';
import { afterAll } from 'vitest';
import { createApp, type AppDeps } from '../../src/server/app.ts';
import type { Role } from '../../src/server/auth/roles.ts';
import { startSession } from '../../src/server/auth/sessions.ts';
import { contentRepository } from '../../src/server/content/repository.ts';
import { silentLogger } from '../../src/server/log.ts';
import { openSqliteStores } from '../../src/server/store/sqlite/index.ts';
import type { Person, Stores } from '../../src/server/store/types.ts';
import { loadSupportConfig } from '../../src/server/support/load.ts';
import { repoRoot, tempDir } from './helpers.ts';

export const origin = 'http://localhost';

export interface AgentService {
  app: ReturnType<typeof createApp>;
  stores: Stores;
  contentDir: string;
  /** Moves the service's clock. */
  advance(ms: number): void;
  now(): Date;
  /** Adds a person and signs them in; returns the Cookie header value of their session. */
  signIn(role: Role, email?: string): Promise<{ person: Person; cookie: string }>;
  /** A request as a browser on the help centre's own pages sends it. */
  call(
    path: string,
    init?: {
      method?: string;
      cookie?: string;
      json?: unknown;
      form?: Record<string, string>;
      headers?: Record<string, string>;
    },
  ): Promise<Response>;
}

const support = loadSupportConfig();
const open: Stores[] = [];
afterAll(async () => {
  for (const stores of open.splice(0)) await stores.close();
});

/** overrides: app dependencies, or a function that makes them from the service's stores and clock. */
export function agentService(
  overrides: Partial<AppDeps> | ((stores: Stores, now: () => Date) => Partial<AppDeps>) = {},
): AgentService {
  const contentDir = join(tempDir('content'), 'content');
  cpSync(join(repoRoot, 'content'), contentDir, { recursive: true });
  const stores = openSqliteStores({ dataDir: tempDir('agents-data') });
  open.push(stores);
  let clock = Date.parse('2026-11-30T09:00:00Z');
  const app = createApp({
    stores,
    support,
    content: contentRepository(contentDir),
    now: () => Temporal.Instant.fromEpochMilliseconds(clock),
    log: silentLogger,
    ...(typeof overrides === 'function' ? overrides(stores, () => new Date(clock)) : overrides),
  });
  let people = 0;
  const service: AgentService = {
    app,
    stores,
    contentDir,
    advance: (ms) => {
      clock += ms;
    },
    now: () => new Date(clock),
    async signIn(role, email) {
      const number = ++people;
      const address = email ?? `${role}${number}@hammerbid.test`;
      const added = await stores.people.add(
        { email: address, role, name: `${role} ${number}` },
        { actor: 'cli', at: new Date(clock).toISOString() },
      );
      const setCookie = await startSession(
        stores,
        added.person,
        'email-link',
        new Date(clock),
        new URL(origin),
      );
      return { person: added.person, cookie: setCookie.split(';')[0]! };
    },
    call(path, init = {}) {
      const headers: Record<string, string> = {
        'Sec-Fetch-Site': 'same-origin',
        Origin: origin,
        ...(init.cookie ? { Cookie: init.cookie } : {}),
        ...init.headers,
      };
      let body: string | undefined;
      if (init.json !== undefined) {
        headers['Content-Type'] = 'application/json';
        body = JSON.stringify(init.json);
      } else if (init.form) {
        headers['Content-Type'] = 'application/x-www-form-urlencoded';
        body = new URLSearchParams(init.form).toString();
      }
      return Promise.resolve(
        app.request(`${origin}${path}`, {
          method: init.method ?? (body ? 'POST' : 'GET'),
          headers,
          body,
        }),
      );
    },
  };
  return service;
}

/** A fingerprint of every file under a folder, to prove nothing in it changed. */
export function folderFingerprint(dir: string): string {
  const hash = createHash('sha256');
  const walk = (folder: string) => {
    for (const name of readdirSync(folder).sort()) {
      const path = join(folder, name);
      if (statSync(path).isDirectory()) walk(path);
      else hash.update(path).update(readFileSync(path));
    }
  };
  walk(dir);
  return hash.digest('hex');
}

/** The value of a Set-Cookie header as a Cookie header value ("name=value"). */
export function cookieFrom(response: Response): string | undefined {
  return response.headers
    .getSetCookie()
    .find((c) => !/Max-Age=0/.test(c))
    ?.split(';')[0];
}
