/**
 * The agents' chrome on pages of the internal build: the agent bar and the agent tools. Pages
 * import it as `agent-chrome`, which the public build resolves to ./no-chrome.ts instead
 * (astro.config.mjs), so not a byte of agent markup, style or script reaches public pages.
 */
export { default as AgentBar } from './AgentBar.astro';
export { default as AgentTools } from './AgentTools.astro';
export { default as HelpfulTally } from './HelpfulTally.astro';
