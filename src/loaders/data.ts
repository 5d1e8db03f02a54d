/** Loads YAML data (places, awards, settings) with the same reader and NFC normalisation as the content check. */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader } from 'astro/loaders';
import { listFiles, parseYaml, readYamlList } from '../lib/content/source.ts';
import { YAML_FILE } from '../lib/content/collections.ts';
import { formatProblems } from '../lib/content/issues.ts';

/** Lists of records with their own ids: one file (awards.yaml) or every YAML file of a folder (places/). */
export function yamlListLoader(location: string): Loader {
  return {
    name: 'guong-sang-yaml-list',
    async load({ store, parseData, config }) {
      const root = fileURLToPath(config.root);
      const files = YAML_FILE.test(location) ? [location] : await listFiles(root, location, YAML_FILE);
      store.clear();
      for (const file of files) {
        const { items, problems } = await readYamlList(root, file);
        if (problems.length > 0) throw new Error(formatProblems(problems));
        for (const item of items) {
          const id = String((item.data as { id?: unknown })?.id ?? '');
          store.set({ id, data: await parseData({ id, data: item.data as Record<string, unknown> }), filePath: file });
        }
      }
    },
  };
}

/** A single YAML document stored as the entry "site". */
export function yamlDocumentLoader(file: string): Loader {
  return {
    name: 'guong-sang-yaml-document',
    async load({ store, parseData, config }) {
      const root = fileURLToPath(config.root);
      store.clear();
      if (!existsSync(path.join(root, file))) return;
      const { source, problems } = parseYaml(await readFile(path.join(root, file), 'utf8'), file);
      if (!source) throw new Error(formatProblems(problems));
      store.set({ id: 'site', data: await parseData({ id: 'site', data: source.data as Record<string, unknown> }), filePath: file });
    },
  };
}
