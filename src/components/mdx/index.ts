import type { ComponentSegment } from '../../proposals/render-segments.ts';
import Callout from './Callout.astro';
import Details from './Details.astro';
import Figure from './Figure.astro';
import Snippet from './Snippet.astro';
import Steps from './Steps.astro';
import Tab from './Tab.astro';
import Tabs from './Tabs.astro';

/** The components authors use in MDX without importing them (content/README.md lists them). */
export const mdxComponents = { Callout, Details, Figure, Snippet, Steps, Tab, Tabs };

type AuthorComponent = (props: Record<string, string>) => unknown;

/** Cut MDX (render-segments.ts) with each author component's Astro component, ready to render. */
export function withComponents<Child>(
  segments: ReadonlyArray<{ kind: 'html'; html: string } | ComponentSegment<Child>>,
): Array<
  { kind: 'html'; html: string } | (ComponentSegment<Child> & { Component: AuthorComponent })
> {
  return segments.map((segment) =>
    segment.kind === 'html'
      ? segment
      : {
          ...segment,
          Component: mdxComponents[segment.name as keyof typeof mdxComponents] as AuthorComponent,
        },
  );
}
