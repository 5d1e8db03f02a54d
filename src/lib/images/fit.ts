/** Sizes of imported photos, read without publishing the original file. */
import type { ImageMetadata } from 'astro';

/**
 * Width and height of a photo at most `maxWidth` wide, never enlarged, as Astro's image service will write it.
 * The size is read from Astro's hidden copy of the metadata: reading `width` on the image itself marks the original
 * as used, and Astro then copies the original file, camera metadata included, into the output.
 */
export function fitWidth(src: ImageMetadata, maxWidth: number): { width: number; height: number } {
  const original = (src as ImageMetadata & { clone?: ImageMetadata }).clone ?? src;
  const width = Math.min(maxWidth, original.width);
  return { width, height: Math.round(width / (original.width / original.height)) };
}
