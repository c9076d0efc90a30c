/** The public build's stand-in for ./internal-images.ts: there are none. */
import type { ImageMetadata } from 'astro';

export const internalImages: Record<string, () => Promise<{ default: ImageMetadata }>> = {};
