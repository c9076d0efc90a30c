import { resolve } from 'node:path';
import { loadSupportConfig, type SupportConfig } from '../server/support/load.ts';

let config: SupportConfig | undefined;

/**
 * The support configuration for pages: the same validated files the service reads, resolved from
 * the project root because the build bundles this module elsewhere.
 */
export function supportConfig(): SupportConfig {
  config ??= loadSupportConfig(resolve(process.env['CONTENT_DIR'] ?? 'content', 'support'));
  return config;
}
