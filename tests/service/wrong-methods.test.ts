// A method the API does not take on a path it has answers 405 with an Allow header; a path it
// does not have answers 404. Walks the app's own route table, so a new route is covered at once.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { releaseRegistry } from '../../src/server/releases/registry.ts';
import { agentService } from './agents-helpers.ts';
import { repoRoot, tempDir } from './helpers.ts';

const service = agentService({
  // Mounted only when the service publishes releases: on here, so their routes are walked too.
  releases: {
    registry: releaseRegistry(tempDir('releases')),
    keep: 3,
    contentDir: tempDir('release-content'),
    dataDir: tempDir('release-data'),
  },
});
// The strongest role, so a role check never answers before the method check does.
const admin = await service.signIn('admin');

const ANY = 'ALL';
const apiRoutes = service.app.routes.filter(
  (route) => route.method !== ANY && route.path.startsWith('/api/'),
);

/** Each route pattern with the methods declared on it. */
const patterns = new Map<string, Set<string>>();
for (const route of apiRoutes) {
  const methods = patterns.get(route.path) ?? new Set<string>();
  methods.add(route.method);
  patterns.set(route.path, methods);
}

/** `/api/<area>`: the mount point of one route file. */
const areaOf = (path: string) => path.split('/').slice(0, 3).join('/');

/**
 * A method no route of the area takes, so the request cannot reach a route through another
 * pattern (`/api/proposals/mine` is also `/api/proposals/:id`, which takes PUT).
 */
function wrongMethodFor(path: string): string {
  const used = new Set(
    apiRoutes.filter((route) => areaOf(route.path) === areaOf(path)).map((r) => r.method),
  );
  const method = ['DELETE', 'PATCH', 'PUT', 'POST', 'GET'].find((m) => !used.has(m));
  if (!method) throw new Error(`every method is used under ${areaOf(path)}; pick another`);
  return method;
}

/** A concrete path for a pattern: `:name` → a value, `:name{a|b}` → `a`, `*` → a segment. */
function concrete(pattern: string): string {
  return pattern
    .split('/')
    .map((segment) => {
      const choice = /^:\w+\{([^}]*)\}$/.exec(segment);
      if (choice) {
        const sample = choice[1]!.split('|')[0]!;
        if (!new RegExp(`^(?:${choice[1]})$`).test(sample))
          throw new Error(`give the test a sample value for ${segment} in ${pattern}`);
        return sample;
      }
      if (segment.startsWith(':')) return 'no-such-thing';
      if (segment === '*') return 'anything';
      return segment;
    })
    .join('/');
}

const cases = [...patterns].map(([pattern, methods]) => ({
  pattern,
  path: concrete(pattern),
  declared: [...methods, ...(methods.has('GET') ? ['HEAD'] : [])],
  wrong: wrongMethodFor(pattern),
}));

describe('a wrong method on an API path', () => {
  test('the walk covers every route file in src/server/routes', () => {
    const files = readdirSync(join(repoRoot, 'src/server/routes')).filter((name) =>
      name.endsWith('.ts'),
    );
    for (const file of files) {
      const prefix = `/api/${file.replace(/\.ts$/, '').replaceAll('-', '/')}`;
      expect(
        cases.some((c) => c.pattern === prefix || c.pattern.startsWith(`${prefix}/`)),
        `no route under ${prefix} (from routes/${file})`,
      ).toBe(true);
    }
  });

  test.each(cases)(
    '$wrong $path answers 405 naming what $pattern accepts',
    async ({ path, declared, wrong }) => {
      const response = await service.call(path, { method: wrong, cookie: admin.cookie });
      expect(response.status).toBe(405);
      expect(response.headers.get('content-type')).toBe('application/problem+json');
      const allow = (response.headers.get('allow') ?? '').split(', ');
      expect(allow).toEqual(expect.arrayContaining(declared));
      expect(allow).not.toContain(wrong);
      const problem = await response.json();
      expect(problem).toMatchObject({
        type: '/problems/method-not-allowed',
        status: 405,
        title: 'Method not allowed',
        errors: [],
      });
      expect(problem.detail).toContain(wrong);
    },
  );

  test('DELETE /api/tickets is told the path takes POST only', async () => {
    const response = await service.call('/api/tickets', { method: 'DELETE' });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('POST');
  });

  test('a path served by GET lists HEAD too, and OPTIONS is not claimed', async () => {
    const response = await service.call('/api/health', { method: 'PUT' });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('GET, HEAD');
  });

  test('GET on a POST-only path is 405 too, and HEAD gets the status without a body', async () => {
    const get = await service.call('/api/events');
    expect(get.status).toBe(405);
    expect(get.headers.get('allow')).toBe('POST');
    const head = await service.call('/api/events', { method: 'HEAD' });
    expect(head.status).toBe(405);
    expect(await head.text()).toBe('');
  });

  test('a path several routes share lists all their methods', async () => {
    const response = await service.call('/api/people/someone@example.com', {
      method: 'PUT',
      cookie: admin.cookie,
    });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('DELETE, PATCH');
  });
});

describe('what stays as it was', () => {
  test.each([
    ['GET', '/api/nothing-here'],
    ['DELETE', '/api/nothing-here'],
    ['GET', '/api/tickets/HB-7K2M9Q0Z/extra'],
    ['POST', '/api/health/now'],
  ])('%s %s, a path no route has, answers 404', async (method, path) => {
    const response = await service.call(path, { method });
    expect(response.status).toBe(404);
    expect(response.headers.get('allow')).toBeNull();
    expect((await response.json()).type).toBe('/problems/not-found');
  });

  test('the right method still reaches its route', async () => {
    expect((await service.call('/api/health')).status).toBe(200);
    expect((await service.call('/api/tickets/HB-7K2M9Q0Z')).status).toBe(404);
  });
});
