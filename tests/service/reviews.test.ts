import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { revisionOf, sourceRevisionOf } from '../../src/lib/revision.ts';
import { readFrontmatter } from '../../src/lib/translation-status.ts';
import { agentService, folderFingerprint, type AgentService } from './agents-helpers.ts';

/** The service on a copy of content/ that is its own git repository. */
function reviewService(options: { allowSelfApproval?: boolean } = {}): AgentService {
  const service = agentService(options);
  const git = (...args: string[]) =>
    execFileSync(
      'git',
      ['-c', 'user.name=Setup', '-c', 'user.email=setup@hammerbid.test', ...args],
      { cwd: service.contentDir },
    );
  git('init', '-q', '-b', 'main');
  git('add', '-A');
  git('commit', '-qm', 'content as it was');
  return service;
}

const log = (service: AgentService, format: string) =>
  execFileSync('git', ['log', '-1', `--format=${format}`], { cwd: service.contentDir })
    .toString()
    .trim();
const file = (service: AgentService, locale: string, id: string) =>
  join(service.contentDir, 'articles', locale, `${id}.mdx`);
const read = (service: AgentService, locale: string, id: string) =>
  readFileSync(file(service, locale, id), 'utf8');

async function propose(
  service: AgentService,
  cookie: string,
  id: string,
  edit: (text: string) => string,
  extra: Record<string, unknown> = {},
) {
  const base = read(service, 'en', id);
  const response = await service.call('/api/proposals', {
    cookie,
    json: { articleId: id, locale: 'en', text: edit(base), baseText: base, submit: true, ...extra },
  });
  expect(response.status).toBe(201);
  return ((await response.json()) as { proposal: { id: string } }).proposal.id;
}

async function reviewOf(service: AgentService, cookie: string, id: string) {
  const response = await service.call(`/api/reviews/proposals/${id}`, { cookie });
  expect(response.status).toBe(200);
  return (await response.json()) as {
    review: {
      merge: { status: string; blocks: Array<{ kind: string; id?: number }> };
      current: { revision: string } | null;
      behind: boolean;
    };
  };
}

describe('accepting a proposal commits it to content/', () => {
  it('writes the text as a commit by the agent, committed by the lead, with the proposal id, and resolves its flags', async () => {
    const service = reviewService();
    const agent = await service.signIn('agent', 'ana@hammerbid.test');
    const lead = await service.signIn('lead', 'lou@hammerbid.test');
    const sentence = 'Bank transfer takes 1–2 business days to arrive.';
    const flag = await service.call('/api/flags', {
      cookie: agent.cookie,
      json: {
        articleId: 'payment-methods',
        locale: 'en',
        revision: revisionOf(read(service, 'en', 'payment-methods')),
        blockKey: 'paragraph-01234567',
        blockKind: 'paragraph',
        quote: 'A transfer takes 1–2 days.',
        reason: 'unclear',
      },
    });
    const flagId = ((await flag.json()) as { flag: { id: string } }).flag.id;
    const id = await propose(
      service,
      agent.cookie,
      'payment-methods',
      (t) => `${t}\n${sentence}\n`,
      { flagIds: [flagId], note: 'From ticket HB-7K2M9Q0Z' },
    );
    const { review } = await reviewOf(service, lead.cookie, id);
    expect(review.merge.status).toBe('clean');

    const accepted = await service.call(`/api/reviews/proposals/${id}/accept`, {
      cookie: lead.cookie,
      json: { currentRevision: review.current!.revision },
    });
    expect(accepted.status).toBe(200);
    const body = (await accepted.json()) as {
      commit: string;
      mergeStatus: string;
      proposal: { state: string; commitSha: string };
    };
    expect(body.proposal).toMatchObject({ state: 'accepted', commitSha: body.commit });
    expect(read(service, 'en', 'payment-methods')).toContain(sentence);
    expect(log(service, '%H')).toBe(body.commit);
    expect(log(service, '%an <%ae>|%cn <%ce>')).toBe(
      'agent 1 <ana@hammerbid.test>|lead 2 <lou@hammerbid.test>',
    );
    expect(log(service, '%B')).toMatch(new RegExp(`Proposal: ${id}`));
    expect(
      execFileSync('git', ['status', '--porcelain'], { cwd: service.contentDir }).toString(),
    ).toBe('');
    const flagNow = (await (
      await service.call(`/api/flags/${flagId}`, { cookie: agent.cookie })
    ).json()) as { flag: { state: string } };
    expect(flagNow.flag.state).toBe('resolved');
  });

  it('never lets the author approve their own proposal, unless configured', async () => {
    const service = reviewService();
    const lead = await service.signIn('lead');
    const id = await propose(service, lead.cookie, 'payouts', (t) => `${t}\nOne more line.\n`);
    const { review } = await reviewOf(service, lead.cookie, id);
    const own = await service.call(`/api/reviews/proposals/${id}/accept`, {
      cookie: lead.cookie,
      json: { currentRevision: review.current!.revision },
    });
    expect(own.status).toBe(403);

    const lenient = reviewService({ allowSelfApproval: true });
    const self = await lenient.signIn('lead');
    const mine = await propose(lenient, self.cookie, 'payouts', (t) => `${t}\nOne more line.\n`);
    const revision = (await reviewOf(lenient, self.cookie, mine)).review.current!.revision;
    expect(
      (
        await lenient.call(`/api/reviews/proposals/${mine}/accept`, {
          cookie: self.cookie,
          json: { currentRevision: revision },
        })
      ).status,
    ).toBe(200);
  });

  it('commits nothing that fails the check, whatever was stored', async () => {
    const service = reviewService();
    const agent = await service.signIn('agent');
    const lead = await service.signIn('lead');
    const base = read(service, 'en', 'payouts');
    // Stored behind the API's back: the acceptance still runs the whole check.
    const smuggled = await service.stores.proposals.create(
      {
        kind: 'edit',
        articleId: 'payouts',
        locale: 'en',
        baseRevision: revisionOf(base),
        baseText: base,
        sourceRevision: null,
        text: `${base}\n<script>alert(1)</script>\n`,
        title: 'Payouts',
        note: null,
        flagIds: [],
        state: 'submitted',
        authorId: agent.person.id,
      },
      { actor: agent.person.id, at: service.now().toISOString() },
    );
    const before = folderFingerprint(service.contentDir);
    const head = log(service, '%H');
    const response = await service.call(`/api/reviews/proposals/${smuggled.id}/accept`, {
      cookie: lead.cookie,
      json: { currentRevision: revisionOf(base) },
    });
    expect(response.status).toBe(422);
    expect(await response.json()).toMatchObject({ type: '/problems/unsafe-content' });
    expect(log(service, '%H')).toBe(head);
    expect(folderFingerprint(service.contentDir)).toBe(before);
  });

  it('refuses to accept against an article that changed after the review was loaded', async () => {
    const service = reviewService();
    const agent = await service.signIn('agent');
    const lead = await service.signIn('lead');
    const id = await propose(service, agent.cookie, 'payouts', (t) => `${t}\nOne more line.\n`);
    const { review } = await reviewOf(service, lead.cookie, id);
    writeFileSync(
      file(service, 'en', 'payouts'),
      read(service, 'en', 'payouts').replace('IBAN', 'IBAN (bank account)'),
    );
    const late = await service.call(`/api/reviews/proposals/${id}/accept`, {
      cookie: lead.cookie,
      json: { currentRevision: review.current!.revision },
    });
    expect(late.status).toBe(409);
    expect(await late.json()).toMatchObject({ title: 'The article changed while you reviewed' });
  });
});

describe('two proposals on one article', () => {
  it('merges automatically when they change different lines', async () => {
    const service = reviewService();
    const agent = await service.signIn('agent');
    const lead = await service.signIn('lead');
    const first = await propose(service, agent.cookie, 'payouts', (t) =>
      t.replace(/^title: .*$/m, 'title: When you get paid for a sold lot'),
    );
    const second = await propose(
      service,
      agent.cookie,
      'payouts',
      (t) => `${t}\nA closing line added by the second proposal.\n`,
    );
    const r1 = await reviewOf(service, lead.cookie, first);
    await service.call(`/api/reviews/proposals/${first}/accept`, {
      cookie: lead.cookie,
      json: { currentRevision: r1.review.current!.revision },
    });
    const r2 = await reviewOf(service, lead.cookie, second);
    expect(r2.review).toMatchObject({ behind: true, merge: { status: 'merged' } });
    const accepted = await service.call(`/api/reviews/proposals/${second}/accept`, {
      cookie: lead.cookie,
      json: { currentRevision: r2.review.current!.revision },
    });
    expect(await accepted.json()).toMatchObject({ mergeStatus: 'merged' });
    const text = read(service, 'en', 'payouts');
    expect(text).toContain('title: When you get paid for a sold lot');
    expect(text).toContain('A closing line added by the second proposal.');
  });

  it('shows a conflict when they change the same paragraph, and accepts only once it is resolved', async () => {
    const service = reviewService();
    const agent = await service.signIn('agent');
    const lead = await service.signIn('lead');
    const line = /^Payouts under €10 .*$/m;
    expect(read(service, 'en', 'payouts')).toMatch(line);
    const first = await propose(service, agent.cookie, 'payouts', (t) =>
      t.replace(line, 'Payouts under €10 now go out every Friday.'),
    );
    const second = await propose(service, agent.cookie, 'payouts', (t) =>
      t.replace(line, 'Payouts below €10 are added to your next payout.'),
    );
    const r1 = await reviewOf(service, lead.cookie, first);
    await service.call(`/api/reviews/proposals/${first}/accept`, {
      cookie: lead.cookie,
      json: { currentRevision: r1.review.current!.revision },
    });
    const r2 = await reviewOf(service, lead.cookie, second);
    expect(r2.review.merge.status).toBe('conflict');
    const conflicts = r2.review.merge.blocks.filter((b) => b.kind === 'conflict');
    expect(conflicts).toHaveLength(1);
    const unresolved = await service.call(`/api/reviews/proposals/${second}/accept`, {
      cookie: lead.cookie,
      json: { currentRevision: r2.review.current!.revision },
    });
    expect(unresolved.status).toBe(409);
    expect(await unresolved.json()).toMatchObject({ title: 'Conflicts are not resolved yet' });
    const resolved = await service.call(`/api/reviews/proposals/${second}/accept`, {
      cookie: lead.cookie,
      form: {
        currentRevision: r2.review.current!.revision,
        'resolution-0': 'edit',
        'edit-0': 'Payouts under €10 go out every Friday, added to your next payout.',
      },
    });
    expect(resolved.status).toBe(303);
    expect(read(service, 'en', 'payouts')).toContain(
      'Payouts under €10 go out every Friday, added to your next payout.',
    );
    expect(log(service, '%B')).toMatch(/Merge: resolved/);
  });
});

describe('translations after an English change', () => {
  it('opens a task for each translation it makes outdated, with the changed blocks, and closes it when the translation catches up', async () => {
    const service = reviewService();
    const agent = await service.signIn('agent');
    const lead = await service.signIn('lead');
    const translated = ['nl', 'de', 'fr', 'it', 'es', 'ru', 'ko'].filter((l) => {
      try {
        return Boolean(read(service, l, 'payment-methods'));
      } catch {
        return false;
      }
    });
    expect(translated.length).toBeGreaterThan(3);
    const id = await propose(
      service,
      agent.cookie,
      'payment-methods',
      (t) => `${t}\nCards are charged in euros.\n`,
    );
    const r = await reviewOf(service, lead.cookie, id);
    const accepted = (await (
      await service.call(`/api/reviews/proposals/${id}/accept`, {
        cookie: lead.cookie,
        json: { currentRevision: r.review.current!.revision },
      })
    ).json()) as {
      translationTasks: Array<{
        locale: string;
        changedBlocks: Array<{ change: string; text: string }>;
      }>;
    };
    expect(accepted.translationTasks.map((task) => task.locale).sort()).toEqual(
      [...translated].sort(),
    );
    expect(accepted.translationTasks[0]!.changedBlocks).toContainEqual({
      change: 'added',
      kind: 'paragraph',
      text: 'Cards are charged in euros.',
    });

    const tasks = (await (
      await service.call('/api/reviews/translation-tasks?locale=nl', { cookie: agent.cookie })
    ).json()) as { tasks: unknown[] };
    expect(tasks.tasks).toHaveLength(1);

    const nl = read(service, 'nl', 'payment-methods');
    const update = await service.call('/api/proposals', {
      cookie: agent.cookie,
      json: {
        articleId: 'payment-methods',
        locale: 'nl',
        text: `${nl}\nKaarten worden in euro afgeschreven.\n`,
        baseText: nl,
        matchesSource: true,
        submit: true,
      },
    });
    const translation = ((await update.json()) as { proposal: { id: string } }).proposal.id;
    const rt = await reviewOf(service, lead.cookie, translation);
    await service.call(`/api/reviews/proposals/${translation}/accept`, {
      cookie: lead.cookie,
      json: { currentRevision: rt.review.current!.revision },
    });
    expect(readFrontmatter(read(service, 'nl', 'payment-methods'))['sourceRevision']).toBe(
      sourceRevisionOf(read(service, 'en', 'payment-methods')),
    );
    const after = (await (
      await service.call('/api/reviews/translation-tasks?locale=nl', { cookie: agent.cookie })
    ).json()) as { tasks: unknown[] };
    expect(after.tasks).toEqual([]);
  });
});

describe('the review queue and the other decisions', () => {
  it('lists waiting proposals and flags oldest first, filters them, and counts every state', async () => {
    const service = reviewService();
    const first = await service.signIn('agent');
    const older = await propose(service, first.cookie, 'payouts', (t) => `${t}\nLine.\n`);
    service.advance(3 * 86_400_000); // sessions end meanwhile: sign in again
    const agent = await service.signIn('agent');
    const lead = await service.signIn('lead');
    const newer = await propose(service, agent.cookie, 'buyers-premium', (t) => `${t}\nLine.\n`);
    const queue = async (query: string) =>
      (await (
        await service.call(`/api/reviews/queue${query}`, { cookie: lead.cookie })
      ).json()) as {
        proposals: Array<{ id: string }>;
        proposalCounts: Record<string, number>;
      };
    expect((await queue('')).proposals.map((p) => p.id)).toEqual([older, newer]);
    expect((await queue('?age=2')).proposals.map((p) => p.id)).toEqual([older]);
    expect((await queue('?section=fees-payouts')).proposals.map((p) => p.id)).toEqual([older]);
    expect((await queue('?owner=nobody')).proposals).toEqual([]);
    expect((await queue('')).proposalCounts).toEqual({ submitted: 2 });

    const changes = await service.call(`/api/reviews/proposals/${older}/request-changes`, {
      cookie: lead.cookie,
      json: {},
    });
    expect(changes.status).toBe(422);
    await service.call(`/api/reviews/proposals/${older}/request-changes`, {
      cookie: lead.cookie,
      json: { comment: 'Say when, please.' },
    });
    await service.call(`/api/reviews/proposals/${newer}/decline`, {
      cookie: lead.cookie,
      json: { reason: 'The premium is fixed by policy.' },
    });
    expect((await queue('?state=changes-requested,declined')).proposalCounts).toEqual({
      'changes-requested': 1,
      declined: 1,
    });
    const history = (await (
      await service.call(`/api/proposals/${older}`, { cookie: lead.cookie })
    ).json()) as { history: Array<{ action: string; detail: { comment?: string } }> };
    expect(history.history.at(-1)).toMatchObject({
      action: 'changes-requested',
      detail: { comment: 'Say when, please.' },
    });
  });

  it('records which revision a lead verified, and refuses a stale one', async () => {
    const service = reviewService();
    const lead = await service.signIn('lead');
    const revision = revisionOf(read(service, 'en', 'payouts'));
    expect(
      (
        await service.call('/api/reviews/verify/en/payouts', {
          cookie: lead.cookie,
          json: { revision: 'aaaaaaaaaaaa' },
        })
      ).status,
    ).toBe(409);
    expect(
      (
        await service.call('/api/reviews/verify/en/payouts', {
          cookie: lead.cookie,
          json: { revision },
        })
      ).status,
    ).toBe(200);
    expect(await service.stores.verifications.latest()).toEqual([
      expect.objectContaining({
        articleId: 'payouts',
        locale: 'en',
        revision,
        verifiedBy: lead.person.id,
      }),
    ]);
  });
});
