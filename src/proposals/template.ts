/**
 * The starting text of a new article: frontmatter from the form, and a body that follows the
 * writers' guide (content/README.md): the answer first, then steps, then what else to know.
 * Values are written as YAML double-quoted strings, so whatever the agent typed stays text.
 */
export function newArticleTemplate(input: {
  title: string;
  description: string;
  section: string;
  audience: string;
  visibility: 'public' | 'internal';
  labels: string;
  owner: string;
  today: Date;
}): string {
  const day = (date: Date) => date.toISOString().slice(0, 10);
  const reviewBy = new Date(input.today);
  reviewBy.setUTCMonth(reviewBy.getUTCMonth() + 6);
  const labels = input.labels
    .split(',')
    .map((label) => label.trim().toLowerCase())
    .filter(Boolean)
    .map((label) => JSON.stringify(label));
  return `---
title: ${JSON.stringify(input.title)}
description: ${JSON.stringify(input.description)}
section: ${JSON.stringify(input.section)}
audience: ${JSON.stringify(input.audience)}
visibility: ${input.visibility}
labels: [${labels.join(', ')}]
updated: ${day(input.today)}
owner: ${JSON.stringify(input.owner)}
reviewBy: ${day(reviewBy)}
promoted: false
related: []
---

Answer the question in one or two sentences, the way you would in a ticket.

## What to do

<Steps>

1. The first thing the reader does.
2. The next step, with the exact names of buttons and pages.

</Steps>

<Callout type="tip">

Something that saves the reader a contact with support.

</Callout>

## Good to know

- A rule, limit or deadline that applies.
`;
}

/**
 * Where a full translation starts when the locale has a summary translation: its frontmatter
 * (title, description and keywords already translated) without `summary: true`, then the English
 * text to translate.
 */
export function translationFromSummary(summaryText: string, englishText: string): string {
  const frontmatter = /^---\r?\n[\s\S]*?\r?\n---/.exec(summaryText)?.[0] ?? '';
  const englishBody = englishText.replace(/^---\r?\n[\s\S]*?\r?\n---/, '');
  return frontmatter.replace(/^summary:.*\r?\n/m, '') + englishBody;
}
