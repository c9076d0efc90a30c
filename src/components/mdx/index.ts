import Callout from './Callout.astro';
import Details from './Details.astro';
import Figure from './Figure.astro';
import Snippet from './Snippet.astro';
import Steps from './Steps.astro';
import Tab from './Tab.astro';
import Tabs from './Tabs.astro';

/** The components authors use in MDX without importing them (content/README.md lists them). */
export const mdxComponents = { Callout, Details, Figure, Snippet, Steps, Tab, Tabs };
