/** Names of files and folders that several modules must agree on: the output's feeds and search index, the cache. */
import path from 'node:path';

/** A feed's file name in its folder, by format. */
export const FEED_FILES = { rss: 'rss.xml', json: 'feed.json' } as const;
export type FeedFormat = keyof typeof FEED_FILES;
/** The format of a feed file name, if it is one. */
export const feedFormat = (file: string): FeedFormat | undefined => (file === FEED_FILES.rss ? 'rss' : file === FEED_FILES.json ? 'json' : undefined);

/** Folder of the search index inside the output, also the address the search page loads it from. */
export const SEARCH_INDEX_DIR = 'pagefind';

/** What the project keeps between builds, in a folder of its own inside Astro's cache folder. */
export const CACHE_FILES = {
  /** Entries and photos the content check found clean (content/cache.ts). */
  contentCheck: 'content-check.json',
  /** Output files the output check found clean (output-check/verify.ts). */
  outputCheck: 'output-check.json',
  /** What Pagefind reads of each output page, by the file's identity (integrations/search-index.ts). */
  searchPages: 'search-pages.json',
  /** The last search index, reused when what it indexes is unchanged. */
  searchIndex: 'search-index',
  /** Stories compiled by the content check, for the story loader (stories/store.ts). */
  stories: 'stories',
} as const;

/** Path of one of CACHE_FILES in the cache folder `cacheDir`. */
export const cachePath = (cacheDir: string, name: (typeof CACHE_FILES)[keyof typeof CACHE_FILES]) => path.join(cacheDir, 'guong-sang', name);
