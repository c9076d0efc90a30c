/**
 * What Playwright starts before the browser tests (its webServer): a real SMTP server and a real
 * OpenID provider on loopback, people of every role, and the help centre itself, configured to
 * send its mail to that server and to sign people in through that provider. Received mail is
 * written to E2E_MAIL_DIR, one JSON file per message, for the tests to read.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readServerEnv } from '../../src/server/env.ts';
import { closeOnSignals, startNodeServer } from '../../src/server/node.ts';
import { openSqliteStores } from '../../src/server/store/sqlite/index.ts';
import { startOidcProvider } from '../fixtures/oidc-provider.ts';
import { startSmtpSink } from '../fixtures/smtp-sink.ts';
import { e2ePeople } from './people.ts';

const env = process.env;
const port = Number(env['PORT'] ?? 4398);
const dataDir = env['DATA_DIR']!;
const mailDir = env['E2E_MAIL_DIR']!;
rmSync(mailDir, { recursive: true, force: true });
mkdirSync(mailDir, { recursive: true });

// Accepting proposals commits to git and releases build from it: the tests get their own copy of
// content/ as a repository, and a releases folder inside the project (node_modules must resolve).
const contentDir = env['E2E_CONTENT_DIR']!;
const releasesDir = env['E2E_RELEASES_DIR']!;
rmSync(contentDir, { recursive: true, force: true });
rmSync(releasesDir, { recursive: true, force: true });
cpSync(join(import.meta.dirname, '..', '..', 'content'), contentDir, { recursive: true });
const git = (...args: string[]) =>
  execFileSync('git', ['-c', 'user.name=Setup', '-c', 'user.email=setup@hammerbid.test', ...args], {
    cwd: contentDir,
  });
git('init', '-q', '-b', 'main');
git('add', '-A');
git('commit', '-qm', 'content as it was');

const smtp = await startSmtpSink(Number(env['E2E_SMTP_PORT'] ?? 4396));
let count = 0;
smtp.onMessage = (mail) =>
  writeFileSync(join(mailDir, `${Date.now()}-${++count}.json`), JSON.stringify(mail));
const provider = await startOidcProvider({
  port: Number(env['E2E_OIDC_PORT'] ?? 4397),
  redirectUris: [`http://localhost:${port}/api/auth/oidc/callback`],
});

const signInConfig = join(dataDir, 'sign-in.yaml');
writeFileSync(
  signInConfig,
  `emailLinks: true
oidc:
  providerName: Hammerbid SSO
  scopes: [openid, email, profile, groups]
  groupsClaim: groups
  roles:
    support-agents: agent
    helpcentre-content-leads: lead
`,
);
const stores = openSqliteStores({ dataDir });
for (const person of e2ePeople)
  await stores.people.add(person, { actor: 'cli', at: new Date().toISOString() });
await stores.close();

const running = await startNodeServer(
  readServerEnv({
    ...env,
    PORT: String(port),
    HOST: 'localhost',
    SMTP_URL: smtp.url,
    MAIL_FROM: 'Hammerbid Help Centre <help-centre@hammerbid.test>',
    OIDC_ISSUER: provider.issuer,
    OIDC_CLIENT_ID: provider.clientId,
    OIDC_CLIENT_SECRET: provider.clientSecret,
    SIGN_IN_CONFIG: signInConfig,
    CONTENT_DIR: contentDir,
    RELEASES_DIR: releasesDir,
    RELEASES_KEEP: '3',
  }),
);
console.log(
  `Help centre running at ${running.url}, mail to ${smtp.url}, sign-in at ${provider.issuer}`,
);
closeOnSignals({
  url: running.url,
  close: async () => {
    await running.close();
    await Promise.all([smtp.close(), provider.close()]);
  },
});
