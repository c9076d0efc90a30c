import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { revisionOf, sourceRevisionOf } from '../../src/lib/revision.ts';
import { readFrontmatter } from '../../src/lib/translation-status.ts';
import { hostileSamples } from '../unit/proposals/hostile-mdx.ts';
import { agentService, folderFingerprint } from './agents-helpers.ts';

const service = agentService();
const english = (id: string) =>
  readFileSync(join(service.contentDir, 'articles', 'en', `${id}.mdx`), 'utf8');
const withBody = (id: string, body: string) =>
  english(id).replace(/\n---\n[\s\S]*$/, `\n---\n\n${body}\n`);

describe('proposals cannot smuggle code into content', () => {
  it('refuses every hostile sample with its line, column and hint, and nothing reaches content/', async () => {
    const { cookie } = await service.signIn('agent');
    const before = folderFingerprint(service.contentDir);
    for (const sample of hostileSamples) {
      const response = await service.call('/api/proposals', {
        cookie,
        json: {
          articleId: 'paying-for-lots',
          locale: 'en',
          text: withBody('paying-for-lots', sample.body),
          submit: true,
        },
      });
      expect(response.status, sample.name).toBe(422);
      const problem = (await response.json()) as {
        type: string;
        issues: Array<{ rule: string; message: string; hint: string; line: number }>;
      };
      expect(problem.type).toBe('/problems/unsafe-content');
      const issue = problem.issues.find((i) => i.rule === sample.rule);
      expect(
        issue,
        `${sample.name}: ${problem.issues.map((i) => i.rule).join(', ')}`,
      ).toBeDefined();
      expect(`${issue!.message} ${issue!.hint}`, sample.name).toMatch(sample.says);
      expect(issue!.line, sample.name).toBeGreaterThan(10); // after the frontmatter: lines count in the whole file
    }
    expect(
      await service.stores.proposals.listByAuthor(
        (
          (await service.call('/api/auth/me', { cookie }).then((r) => r.json())) as {
            person: { id: string };
          }
        ).person.id,
      ),
    ).toEqual([]);
    expect(folderFingerprint(service.contentDir)).toBe(before);
  });

  it('refuses frontmatter the build would refuse, naming the field', async () => {
    const { cookie } = await service.signIn('agent');
    const text = english('paying-for-lots').replace(/^audience: .*$/m, 'audience: everybody');
    const response = await service.call('/api/proposals', {
      cookie,
      json: { articleId: 'paying-for-lots', locale: 'en', text },
    });
    expect(response.status).toBe(422);
    expect(await response.json()).toMatchObject({
      errors: [
        {
          field: 'frontmatter.audience',
          message: expect.stringMatching(
            /^line 5, column 1: audience must be one of buyers, sellers, both/,
          ),
        },
      ],
    });
  });
});

describe('an agent’s proposal, from draft to review', () => {
  it('is saved as a draft bound to the revision it started from, then submitted, with every step in its history', async () => {
    const { cookie } = await service.signIn('agent');
    const base = english('payment-methods');
    const text = base.replace('1–2 business days', '1 to 2 business days');
    const created = await service.call('/api/proposals', {
      cookie,
      json: {
        articleId: 'payment-methods',
        locale: 'en',
        text,
        baseText: base,
        note: 'Clearer range',
      },
    });
    expect(created.status).toBe(201);
    const { proposal } = (await created.json()) as { proposal: { id: string; version: number } };
    expect(proposal).toMatchObject({
      kind: 'edit',
      state: 'draft',
      baseRevision: revisionOf(base),
      version: 1,
      note: 'Clearer range',
    });

    const edited = await service.call(`/api/proposals/${proposal.id}`, {
      method: 'PUT',
      cookie,
      json: {
        version: 1,
        text: text.replace('PayPal', 'PayPal'),
        note: 'Clearer range',
        submit: true,
      },
    });
    expect(await edited.json()).toMatchObject({ proposal: { state: 'submitted', version: 3 } });

    const read = (await (
      await service.call(`/api/proposals/${proposal.id}`, { cookie })
    ).json()) as {
      proposal: { text: string; baseText: string };
      history: Array<{ action: string; from: string | null; to: string | null; revision: string }>;
    };
    expect(read.proposal.baseText).toBe(base);
    expect(read.history.map((h) => [h.action, h.from, h.to])).toEqual([
      ['created', null, 'draft'],
      ['edited', null, null],
      ['submitted', 'draft', 'submitted'],
    ]);
    expect(read.history.every((h) => h.revision === revisionOf(base))).toBe(true);
  });

  it('refuses a save based on an older version (another window), and a change after withdrawal', async () => {
    const { cookie } = await service.signIn('agent');
    const text = english('payouts');
    const { proposal } = (await (
      await service.call('/api/proposals', {
        cookie,
        json: { articleId: 'payouts', locale: 'en', text },
      })
    ).json()) as { proposal: { id: string } };
    expect(
      (
        await service.call(`/api/proposals/${proposal.id}`, {
          method: 'PUT',
          cookie,
          json: { version: 1, text },
        })
      ).status,
    ).toBe(200);
    const stale = await service.call(`/api/proposals/${proposal.id}`, {
      method: 'PUT',
      cookie,
      json: { version: 1, text },
    });
    expect(stale.status).toBe(409);
    expect(await stale.json()).toMatchObject({ currentVersion: 2 });
    expect(
      (await service.call(`/api/proposals/${proposal.id}/withdraw`, { cookie, json: {} })).status,
    ).toBe(200);
    const late = await service.call(`/api/proposals/${proposal.id}`, {
      method: 'PUT',
      cookie,
      json: { version: 3, text },
    });
    expect(late.status).toBe(409);
    expect(await late.json()).toMatchObject({ state: 'withdrawn' });
  });

  it('lets only its author change it, and its author or a lead read it', async () => {
    const author = await service.signIn('agent');
    const other = await service.signIn('agent');
    const lead = await service.signIn('lead');
    const text = english('payouts');
    const { proposal } = (await (
      await service.call('/api/proposals', {
        cookie: author.cookie,
        json: { articleId: 'payouts', locale: 'en', text },
      })
    ).json()) as { proposal: { id: string } };
    expect(
      (await service.call(`/api/proposals/${proposal.id}`, { cookie: other.cookie })).status,
    ).toBe(404);
    expect(
      (await service.call(`/api/proposals/${proposal.id}`, { cookie: lead.cookie })).status,
    ).toBe(200);
    expect(
      (
        await service.call(`/api/proposals/${proposal.id}/withdraw`, {
          cookie: lead.cookie,
          json: {},
        })
      ).status,
    ).toBe(404);
  });

  it('stamps a new translation with the English revision it was made from', async () => {
    const { cookie } = await service.signIn('agent');
    // The sample content has a Dutch summary translation; without it, a proposal is a translation.
    rmSync(join(service.contentDir, 'articles', 'nl', 'customs-and-import-duties.mdx'));
    const source = english('customs-and-import-duties');
    const text = source.replace(/^title: .*$/m, 'title: Douane en invoerrechten');
    const response = await service.call('/api/proposals', {
      cookie,
      json: { articleId: 'customs-and-import-duties', locale: 'nl', text },
    });
    expect(response.status).toBe(201);
    const { proposal } = (await response.json()) as {
      proposal: { id: string; kind: string; sourceRevision: string };
    };
    // Translations track the English text without its search keywords.
    expect(proposal).toMatchObject({
      kind: 'translation',
      sourceRevision: sourceRevisionOf(source),
    });
    expect(sourceRevisionOf(source)).not.toBe(revisionOf(source));
    const stored = await service.stores.proposals.get(proposal.id);
    expect(readFrontmatter(stored!.text)['sourceRevision']).toBe(sourceRevisionOf(source));
  });

  it('takes a new article only under an id that is free, from the writers’ template', async () => {
    const { cookie } = await service.signIn('agent');
    const text = withBody('payouts', 'Answer first.').replace(
      /^title: .*$/m,
      'title: Paying by bank transfer from abroad',
    );
    const taken = await service.call('/api/proposals', {
      cookie,
      json: { kind: 'new-article', articleId: 'payouts', locale: 'en', text },
    });
    expect(taken.status).toBe(422);
    const fresh = await service.call('/api/proposals', {
      cookie,
      json: { kind: 'new-article', articleId: 'paying-from-abroad', locale: 'en', text },
    });
    expect(await fresh.json()).toMatchObject({
      proposal: { kind: 'new-article', articleId: 'paying-from-abroad', baseRevision: null },
    });
  });
});

describe('flags on passages', () => {
  const passage = (quote: string, key = 'paragraph-0a1b2c3d') => ({
    articleId: 'escalation-rules',
    locale: 'en',
    revision: revisionOf(english('escalation-rules')),
    blockKey: key,
    blockKind: 'paragraph',
    quote,
    reason: 'outdated',
  });

  it('joins a second agent to the open flag on the same passage (+1) instead of a duplicate', async () => {
    const first = await service.signIn('agent');
    const second = await service.signIn('agent');
    const opened = await service.call('/api/flags', {
      cookie: first.cookie,
      json: { ...passage('The old target.'), ticketRef: 'HB-7K2M9Q0Z' },
    });
    expect(opened.status).toBe(201);
    const joined = await service.call('/api/flags', {
      cookie: second.cookie,
      json: { ...passage('The old target.'), ticketRef: '#48213' },
    });
    expect(joined.status).toBe(200);
    const { outcome, flag } = (await joined.json()) as {
      outcome: string;
      flag: { id: string; supporters: Array<{ ticketRef: string }> };
    };
    expect(outcome).toBe('joined');
    expect(flag.supporters.map((s) => s.ticketRef)).toEqual(['HB-7K2M9Q0Z', '#48213']);
    const again = await service.call('/api/flags', {
      cookie: second.cookie,
      json: passage('The old target.'),
    });
    expect(await again.json()).toMatchObject({ outcome: 'already-raised', flag: { id: flag.id } });
    const history = (await (
      await service.call(`/api/flags/${flag.id}`, { cookie: first.cookie })
    ).json()) as { history: Array<{ action: string }> };
    expect(history.history.map((h) => h.action)).toEqual(['opened', 'joined']);
  });

  it('refuses a flag with a specific error per field', async () => {
    const { cookie } = await service.signIn('agent');
    const response = await service.call('/api/flags', {
      cookie,
      json: {
        ...passage(''),
        reason: 'boring',
        blockKey: '<script>',
        ticketRef: 'DROP TABLE flags;',
      },
    });
    expect(response.status).toBe(422);
    const { errors } = (await response.json()) as { errors: Array<{ field: string }> };
    expect(errors.map((e) => e.field).sort()).toEqual(['blockKey', 'quote', 'reason', 'ticketRef']);
  });

  it('says a field of the wrong type must be text, instead of dropping it or calling it missing', async () => {
    const { cookie } = await service.signIn('agent');
    const response = await service.call('/api/flags', {
      cookie,
      json: { ...passage('The old target.'), articleId: 7, comment: 7, ticketRef: ['HB-1'] },
    });
    expect(response.status).toBe(422);
    const { errors } = (await response.json()) as { errors: Array<{ field: string }> };
    expect(errors).toEqual([
      { field: 'articleId', message: 'must be text' },
      { field: 'comment', message: 'must be text' },
      { field: 'ticketRef', message: 'must be text' },
    ]);
  });

  it('finds the passage again after the article changed, or shows the flag orphaned with its quote', async () => {
    const { cookie } = await service.signIn('agent');
    const file = join(service.contentDir, 'articles', 'en', 'escalation-rules.mdx');
    const original = readFileSync(file, 'utf8');
    const sentence =
      'Payments picks up within 1 business day, urgent tickets within 4 business hours.';
    expect(original).toContain(sentence);
    const { blockKey } = await import('../../src/proposals/block-key.ts');
    await service.call('/api/flags', {
      cookie,
      json: passage(sentence, blockKey('paragraph', sentence)),
    });
    const where = async () =>
      (
        (await (await service.call('/api/flags/mine', { cookie })).json()) as {
          flags: Array<{ location: { status: string } }>;
        }
      ).flags[0]!.location.status;
    expect(await where()).toBe('found');
    writeFileSync(
      file,
      original.replace(
        sentence,
        'Payments picks up within 2 business days, urgent tickets within 4 business hours.',
      ),
    );
    expect(await where()).toBe('changed');
    writeFileSync(file, original.replace(sentence, ''));
    expect(await where()).toBe('orphaned');
  });
});
