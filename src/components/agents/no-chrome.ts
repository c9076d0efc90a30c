/** The public build's stand-in for ./chrome.ts: components that render nothing. */
import Nothing from './Nothing.astro';

export { Nothing as AgentBar, Nothing as AgentTools, Nothing as HelpfulTally };
