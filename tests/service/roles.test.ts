import { describe, expect, it } from 'vitest';
import { roles, type Role } from '../../src/server/auth/roles.ts';
import { agentService } from './agents-helpers.ts';
import { join } from 'node:path';
import { releaseRegistry } from '../../src/server/releases/registry.ts';
import { fakeBuild, repoRoot, tempDir } from './helpers.ts';

/** Every privileged route, the smallest role that may use it, and a body to send. */
const routes: Array<{ method: string; path: string; needs: Role; json?: unknown }> = [
  { method: 'GET', path: '/api/auth/me', needs: 'agent' },
  { method: 'POST', path: '/api/auth/sign-out-everywhere', needs: 'agent', json: {} },
  { method: 'GET', path: '/api/flags/mine', needs: 'agent' },
  { method: 'POST', path: '/api/flags', needs: 'agent', json: { articleId: 'paying-for-lots' } },
  { method: 'GET', path: '/api/flags/article/en/paying-for-lots', needs: 'agent' },
  { method: 'GET', path: '/api/flags/FL-00000000', needs: 'agent' },
  { method: 'GET', path: '/api/proposals/source/en/paying-for-lots', needs: 'agent' },
  {
    method: 'POST',
    path: '/api/proposals/check',
    needs: 'agent',
    json: { locale: 'en', articleId: 'x', text: '' },
  },
  { method: 'POST', path: '/api/proposals', needs: 'agent', json: { locale: 'en' } },
  { method: 'GET', path: '/api/proposals/mine', needs: 'agent' },
  { method: 'GET', path: '/api/proposals/PR-00000000', needs: 'agent' },
  { method: 'PUT', path: '/api/proposals/PR-00000000', needs: 'agent', json: { version: 1 } },
  { method: 'POST', path: '/api/proposals/PR-00000000/submit', needs: 'agent', json: {} },
  { method: 'POST', path: '/api/proposals/PR-00000000/withdraw', needs: 'agent', json: {} },
  { method: 'GET', path: '/agents/en/articles/escalation-rules/', needs: 'agent' },
  { method: 'GET', path: '/agents/pagefind/pagefind-entry.json', needs: 'agent' },
  { method: 'GET', path: '/api/reviews/translation-tasks?locale=nl', needs: 'agent' },
  { method: 'GET', path: '/api/reviews/queue', needs: 'lead' },
  { method: 'GET', path: '/api/sla/tickets', needs: 'manager' },
  { method: 'GET', path: '/api/reports', needs: 'manager' },
  { method: 'GET', path: '/api/reports/sla.csv', needs: 'manager' },
  { method: 'GET', path: '/api/reports/comments.csv', needs: 'lead' },
  { method: 'GET', path: '/api/deliveries', needs: 'lead' },
  { method: 'POST', path: '/api/deliveries/1/retry', needs: 'lead', json: {} },
  { method: 'GET', path: '/api/reviews/proposals/PR-00000000', needs: 'lead' },
  { method: 'POST', path: '/api/reviews/proposals/PR-00000000/accept', needs: 'lead', json: {} },
  {
    method: 'POST',
    path: '/api/reviews/proposals/PR-00000000/request-changes',
    needs: 'lead',
    json: { comment: 'x' },
  },
  {
    method: 'POST',
    path: '/api/reviews/proposals/PR-00000000/decline',
    needs: 'lead',
    json: { reason: 'x' },
  },
  { method: 'POST', path: '/api/reviews/flags/FL-00000000/triage', needs: 'lead', json: {} },
  {
    method: 'POST',
    path: '/api/reviews/flags/FL-00000000/decline',
    needs: 'lead',
    json: { reason: 'x' },
  },
  {
    method: 'POST',
    path: '/api/reviews/flags/FL-00000000/link',
    needs: 'lead',
    json: { proposalId: 'PR-00000000' },
  },
  {
    method: 'POST',
    path: '/api/reviews/verify/en/payouts',
    needs: 'lead',
    json: { revision: 'aaaaaaaaaaaa' },
  },
  { method: 'GET', path: '/api/releases', needs: 'lead' },
  { method: 'POST', path: '/api/releases', needs: 'lead', json: { at: 'yesterday' } },
  { method: 'POST', path: '/api/releases/rollback', needs: 'lead', json: {} },
  { method: 'GET', path: '/api/releases/jobs/00000000-0000-0000-0000-000000000000', needs: 'lead' },
  { method: 'GET', path: '/api/people', needs: 'admin' },
  {
    method: 'POST',
    path: '/api/people',
    needs: 'admin',
    json: { email: 'new@hammerbid.test', role: 'agent' },
  },
  {
    method: 'PATCH',
    path: '/api/people/nobody@hammerbid.test',
    needs: 'admin',
    json: { role: 'lead' },
  },
  { method: 'DELETE', path: '/api/people/nobody@hammerbid.test', needs: 'admin' },
];

const agentsDir = fakeBuild({
  'client/en/index.html': '<p>Agents home</p>',
  'client/en/articles/escalation-rules/index.html': '<p>Escalation rules</p>',
  'client/pagefind/pagefind-entry.json': '{"version":"1"}',
});

const releases = {
  registry: releaseRegistry(tempDir('releases')),
  keep: 3,
  contentDir: join(repoRoot, 'content'),
  dataDir: tempDir('release-data'),
};

describe('every privileged route checks the role on the server', () => {
  const service = agentService({ agentsDir, releases });

  it.each(routes)('$method $path: 401 without a session', async ({ method, path, json }) => {
    const response = await service.call(path, { method, json });
    expect(response.status).toBe(401);
  });

  it.each(routes)(
    '$method $path: 403 below $needs, allowed from $needs up',
    async ({ method, path, needs, json }) => {
      for (const role of roles) {
        const { cookie } = await service.signIn(role);
        const response = await service.call(path, { method, json, cookie });
        const allowed = roles.indexOf(role) >= roles.indexOf(needs);
        if (allowed)
          expect([401, 403], `${role} on ${method} ${path}`).not.toContain(response.status);
        else expect(response.status, `${role} on ${method} ${path}`).toBe(403);
      }
    },
  );
});

describe('access follows the person, on the very next request', () => {
  const service = agentService({ agentsDir });

  it('refuses a demoted admin the people routes at once', async () => {
    const { person, cookie } = await service.signIn('admin');
    await service.signIn('admin', 'second.admin@hammerbid.test');
    expect((await service.call('/api/people', { cookie })).status).toBe(200);
    await service.stores.people.update(
      person.id,
      { role: 'agent' },
      { actor: 'cli', at: service.now().toISOString() },
    );
    expect((await service.call('/api/people', { cookie })).status).toBe(403);
    expect((await service.call('/api/flags/mine', { cookie })).status).toBe(200);
  });

  it('signs a removed agent out: the session ends with the person', async () => {
    const { person, cookie } = await service.signIn('agent');
    expect((await service.call('/api/flags/mine', { cookie })).status).toBe(200);
    await service.stores.people.remove(person.id, {
      actor: 'cli',
      at: service.now().toISOString(),
    });
    expect((await service.call('/api/flags/mine', { cookie })).status).toBe(401);
    const page = await service.call('/agents/en/articles/escalation-rules/', {
      cookie,
      headers: { Accept: 'text/html' },
    });
    expect(page.status).toBe(302);
  });

  it('keeps the last admin: neither removed nor demoted through the API', async () => {
    const lone = agentService();
    const { person, cookie } = await lone.signIn('admin');
    const demote = await lone.call(`/api/people/${person.email}`, {
      method: 'PATCH',
      cookie,
      json: { role: 'agent' },
    });
    expect(demote.status).toBe(409);
    expect(await demote.json()).toMatchObject({ detail: expect.stringMatching(/last admin/) });
  });
});

describe('signed-in changes come from the help centre’s own pages', () => {
  const service = agentService();

  it('refuses a signed-in POST from another site, or one that says nothing of where it comes from', async () => {
    const { cookie } = await service.signIn('agent');
    const body = { articleId: 'paying-for-lots' };
    const crossSite = await service.call('/api/flags', {
      cookie,
      json: body,
      headers: { Origin: 'https://evil.example', 'Sec-Fetch-Site': 'cross-site' },
    });
    expect(crossSite.status).toBe(403);
    const sibling = await service.call('/api/flags', {
      cookie,
      json: body,
      headers: { 'Sec-Fetch-Site': 'same-site' },
    });
    expect(sibling.status).toBe(403);
    const silent = await service.app.request('http://localhost/api/flags', {
      method: 'POST',
      headers: { Cookie: cookie, 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
    expect(silent.status).toBe(403);
    expect(await silent.json()).toMatchObject({ type: '/problems/cross-site-request' });
  });
});
