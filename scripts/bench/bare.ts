/**
 * Astro's own floor for a corpus: a minimal project with the same astro and @astrojs/mdx, the very same .mdx files
 * in a content collection read by glob() and compiled by @astrojs/mdx, and one page per entry that shows the name
 * and <Content />. Nothing else: no schema, no layout, no search, no images. The two story components get trivial
 * stand-ins so the files compile. The only setting beyond the defaults silences the warning @astrojs/mdx prints for
 * every file, which would otherwise write megabytes of log.
 */
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export function writeBareProject(root: string, { nodeModules, exemplarsDir }: { nodeModules: string; exemplarsDir: string }) {
  mkdirSync(path.join(root, 'src/pages'), { recursive: true });
  mkdirSync(path.join(root, 'src/components'), { recursive: true });
  symlinkSync(nodeModules, path.join(root, 'node_modules'), 'dir');
  writeFileSync(path.join(root, 'package.json'), JSON.stringify({ name: 'bare', private: true, type: 'module' }, null, 2));
  writeFileSync(
    path.join(root, 'astro.config.mjs'),
    `import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';

export default defineConfig({
  integrations: [mdx()],
  // Beside the project, not inside the shared node_modules it links to.
  cacheDir: './.cache/astro',
  vite: { build: { rollupOptions: { onwarn(warning, warn) { if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning); } } } },
});
`,
  );
  writeFileSync(
    path.join(root, 'src/content.config.ts'),
    `import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';

export const collections = {
  exemplars: defineCollection({ loader: glob({ pattern: '*.mdx', base: ${JSON.stringify(exemplarsDir)} }) }),
};
`,
  );
  writeFileSync(path.join(root, 'src/components/Figure.astro'), '<figure data-photo={Astro.props.photo}></figure>\n');
  writeFileSync(path.join(root, 'src/components/Quote.astro'), '<blockquote><slot /><p>{Astro.props.by}</p></blockquote>\n');
  writeFileSync(
    path.join(root, 'src/pages/[id].astro'),
    `---
import { getCollection, render } from 'astro:content';
import Figure from '../components/Figure.astro';
import Quote from '../components/Quote.astro';

export async function getStaticPaths() {
  const entries = await getCollection('exemplars');
  return entries.map((entry) => ({ params: { id: entry.id }, props: { entry } }));
}
const { entry } = Astro.props;
const { Content } = await render(entry);
---
<html lang="vi">
  <head><meta charset="utf-8" /><title>{entry.data.name}</title></head>
  <body><h1>{entry.data.name}</h1><Content components={{ Figure, Quote }} /></body>
</html>
`,
  );
}
