/**
 * Every file the site makes of a photo, in one place: each getImage() call of the pages takes its options from here.
 * Only what changes the file is given, never the alt text: Astro's record of reusable pages keeps every transform's
 * options. A photo of an exemplar becomes fourteen files: its picture and card thumbnail in AVIF and JPEG, the
 * sharing card, the search result's thumbnail, the poster's photo and the embed listing's.
 */
import type { ImageMetadata } from 'astro';
import { fitWidth } from './fit.ts';

/** Options of one getImage() call, without its `src`. */
export type Rendition = Record<string, unknown>;

/** A photo on a page: AVIF at phone to desktop widths, with a JPEG fallback (Photo.astro). */
export const PICTURE = { widths: [360, 640, 960], quality: 65 } as const;
/** A card's thumbnail: no caption, small widths (Photo.astro with `thumbnail`). */
export const THUMBNAIL = { widths: [320, 480], quality: 60 } as const;
/** The two getImage() options of a picture or thumbnail: AVIF, then JPEG for browsers that do not read AVIF. */
export function pictureRenditions({ widths, quality }: typeof PICTURE | typeof THUMBNAIL): [Rendition, Rendition] {
  // The fallback's own file is the widest, never the phone's original.
  const common = { widths, width: widths.at(-1), quality };
  return [
    { ...common, format: 'avif' },
    { ...common, format: 'jpeg' },
  ];
}

/** The picture a link to the page shows when shared (Base.astro). */
export const SOCIAL_CARD = { width: 1200, height: 630, fit: 'cover', format: 'jpeg', quality: 78 } as const;

/** A search result's thumbnail (result-meta.ts). */
export const SEARCH_THUMBNAIL = { width: 160, height: 120, fit: 'cover', format: 'webp', quality: 55 } as const;

/** Width of the photo an embed listing points at: a card's thumbnail, never the original file. */
export const EMBED_PHOTO_WIDTH = 480;

/** The photo of an embed listing's item (embed-response.ts). */
export const embedRendition = (src: ImageMetadata) => ({ ...fitWidth(src, EMBED_PHOTO_WIDTH), format: 'jpeg', quality: 70 }) as const;

/** The printed poster's photo, wide enough for about 170 dpi across the sheet; never enlarged (in/dien-hinh/[id]). */
export const printRendition = (src: ImageMetadata) => ({ ...fitWidth(src, 1280), format: 'jpeg', quality: 80 }) as const;
