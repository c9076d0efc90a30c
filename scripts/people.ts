// People who sign in to the agents' help centre, and their roles (DATA_DIR, default ./data, or DATABASE_URL):
//   npm run people -- add <email> --role agent|manager|lead|admin [--name "Ann Smit"] [--languages nl,de]
//   npm run people -- list
//   npm run people -- role <email> agent|manager|lead|admin
//   npm run people -- languages <email> nl,de
//   npm run people -- remove <email>
// The first admin on a fresh install: `npm run people -- add you@example.com --role admin`, then
// sign in with an email link (printed in the server log when SMTP_URL is not set).
import { parseArgs } from 'node:util';
import { changePerson, addPerson, PeopleError, removePerson } from '../src/server/people/manage.ts';
import { openSqliteStores } from '../src/server/store/sqlite/index.ts';
import { openPostgresStores } from '../src/server/store/postgres/index.ts';
import { roles } from '../src/server/auth/roles.ts';

const usage = `usage:
  npm run people -- add <email> --role ${roles.join('|')} [--name "Full Name"] [--languages nl,de]
  npm run people -- list
  npm run people -- role <email> ${roles.join('|')}
  npm run people -- languages <email> <locales, comma-separated>
  npm run people -- remove <email>`;

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    role: { type: 'string' },
    name: { type: 'string' },
    languages: { type: 'string' },
  },
});
const [command, email, value] = positionals;
const dataDir = process.env['DATA_DIR'] ?? './data';
// DATABASE_URL: the same PostgreSQL database the service instances use.
const databaseUrl = process.env['DATABASE_URL']?.trim();
const stores = databaseUrl
  ? await openPostgresStores({ url: databaseUrl })
  : openSqliteStores({ dataDir });
const change = { actor: 'cli', at: new Date().toISOString() };

try {
  switch (command) {
    case 'add': {
      if (!email) fail('name the email address to add');
      if (!values.role) fail(`give a role: --role ${roles.join('|')}`);
      const person = await addPerson(
        stores.people,
        { email, role: values.role, name: values.name, languages: values.languages },
        change,
      );
      console.log(`added ${person.email} as ${person.role}`);
      break;
    }
    case 'list': {
      const people = await stores.people.list();
      if (people.length === 0)
        console.log(
          `nobody yet in ${databaseUrl ? 'the database' : dataDir}; add someone with: npm run people -- add <email> --role admin`,
        );
      for (const person of people)
        console.log(
          [
            person.email.padEnd(36),
            person.role.padEnd(6),
            person.languages.join(',').padEnd(12),
            person.name ?? '',
          ].join(' '),
        );
      break;
    }
    case 'role': {
      if (!email || !value) fail(`usage: npm run people -- role <email> ${roles.join('|')}`);
      const person = await changePerson(stores.people, email, { role: value }, change);
      console.log(`${person.email} is now ${person.role}; it applies to their next request`);
      break;
    }
    case 'languages': {
      if (!email || value === undefined) fail('usage: npm run people -- languages <email> nl,de');
      const person = await changePerson(stores.people, email, { languages: value }, change);
      console.log(`${person.email} works in ${person.languages.join(', ') || 'no language set'}`);
      break;
    }
    case 'remove': {
      if (!email) fail('name the email address to remove');
      const person = await removePerson(stores.people, email, change);
      console.log(`removed ${person.email}; their sessions ended`);
      break;
    }
    default:
      fail(command ? `unknown command "${command}"` : 'name a command', true);
  }
} catch (error) {
  if (error instanceof PeopleError) fail(error.message);
  throw error;
} finally {
  await stores.close();
}

function fail(message: string, withUsage = false): never {
  console.error(`people: ${message}${withUsage ? `\n${usage}` : ''}`);
  process.exit(1);
}
