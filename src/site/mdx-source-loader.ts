import type { ContentEntryType } from 'astro';
import { glob } from 'astro/loaders';
import type { Loader, LoaderContext } from 'astro/loaders';

/**
 * Astro's glob loader for `<locale>/<id>.mdx` files that keeps each file's frontmatter and body
 * but does not make it a module to compile. The MDX integration's entry type still reads the
 * frontmatter (the same YAML reading as before); without its module types the bodies are not
 * bundled, and the pages render them from their tree (src/components/mdx/mdx-body.ts).
 */
export function mdxSourceLoader(options: { base: string }): Loader {
  const inner = glob({ pattern: '*/*.mdx', base: options.base });
  return {
    name: 'mdx-source-loader',
    load: (context) => {
      // entryTypes is passed to loaders at run time but is not part of the public type.
      const { entryTypes } = context as LoaderContext & {
        entryTypes?: Map<string, ContentEntryType>;
      };
      const mdx = entryTypes?.get('.mdx');
      if (!entryTypes || !mdx)
        throw new Error(
          'mdx-source-loader: the MDX integration (@astrojs/mdx) must be in astro.config.mjs; it reads the frontmatter of content/**/*.mdx',
        );
      const frontmatterOnly: ContentEntryType = {
        extensions: mdx.extensions,
        getEntryInfo: (params) => mdx.getEntryInfo(params),
      };
      return inner.load({
        ...context,
        entryTypes: new Map([...entryTypes, ['.mdx', frontmatterOnly]]),
      } as LoaderContext);
    },
  };
}
