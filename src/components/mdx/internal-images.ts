/**
 * Pictures only internal articles may show (content/images/internal/). Imported as
 * `internal-images`, which the public build resolves to ./no-internal-images.ts, so not even
 * their file names reach the public output.
 */
import type { ImageMetadata } from 'astro';

export const internalImages = import.meta.glob<{ default: ImageMetadata }>(
  'hc-content/images/internal/*.{png,jpg,jpeg,webp}',
);
