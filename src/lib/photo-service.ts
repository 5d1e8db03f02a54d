/**
 * Astro's sharp image service, with one decode of an original for all the files made from it.
 *
 * Every exemplar photo becomes fourteen files (page photo and card thumbnails in AVIF and JPEG at several widths, the
 * search thumbnail, the sharing, embedding and print pictures). Astro's service decodes the original anew for each: a
 * phone photo of 3000 × 2250 is read fourteen times, which is a quarter of the time spent on the photo. Here the
 * first transform of an original reduces it once to a working copy whose shorter side is 1,200 px (the widest file
 * the site makes is 1,200 px wide), oriented and in sRGB, kept uncompressed while the original's buffer is alive;
 * every transform that copy is large enough for is made from it by Astro's own service, so quality settings, crops
 * and formats stay Astro's. Anything else (animations, SVG, a transform larger than the copy, a photo the copy
 * cannot be made of) goes to Astro's service from the original, as before.
 *
 * The file names of optimised photos include this module's entry point, so a change here makes new files, never a
 * different file under an old name.
 */
import type { LocalImageService } from 'astro';
import sharpService from 'astro/assets/services/sharp';
import sharp, { type ResizeOptions } from 'sharp';

/** Shorter side of the working copy: at least the largest width or height the site asks for (sharing picture). */
export const WORKING_SIDE = 1200;

/** Formats sharp reads as one still picture; GIF and multi-page files keep Astro's own handling of every frame. */
const STILL_FORMATS = new Set(['jpeg', 'png', 'webp', 'avif', 'heif', 'tiff']);

interface ServiceConfig {
  service: { config: { limitInputPixels?: number; kernel?: ResizeOptions['kernel'] } };
}

/** An original reduced once, and the oriented size of the original it stands for. */
export interface WorkingCopy {
  /** Uncompressed TIFF, oriented, sRGB, without metadata. */
  data: Uint8Array;
  width: number;
  height: number;
  /** Size of the working copy relative to the original (1 when the original is small already). */
  scale: number;
}

/** What Astro's service is given for a local photo: `src` is the original's address. */
type Transform = Parameters<LocalImageService['transform']>[1];

const copies = new WeakMap<Uint8Array, Promise<WorkingCopy | undefined>>();

/** The working copy of an original, made once per buffer; undefined when the original must be read directly. */
export function workingCopy(original: Uint8Array, config: ServiceConfig): Promise<WorkingCopy | undefined> {
  let copy = copies.get(original);
  if (!copy) {
    copy = reduce(original, config).catch(() => undefined);
    copies.set(original, copy);
  }
  return copy;
}

async function reduce(original: Uint8Array, config: ServiceConfig): Promise<WorkingCopy | undefined> {
  const { limitInputPixels, kernel } = config.service.config;
  const image = sharp(original, { failOn: 'none', limitInputPixels });
  const meta = await image.metadata();
  if (!meta.format || !STILL_FORMATS.has(meta.format) || (meta.pages ?? 1) > 1) return undefined;
  // EXIF orientations 5 to 8 turn the picture a quarter: its width is the stored height.
  const [width, height] = (meta.orientation ?? 1) >= 5 ? [meta.height, meta.width] : [meta.width, meta.height];
  const scale = Math.min(1, WORKING_SIDE / Math.min(width, height));
  const data = await image
    .rotate()
    .resize({ width: Math.round(width * scale), height: Math.round(height * scale), fit: 'fill', kernel })
    .toColourspace('srgb')
    .tiff({ compression: 'none' })
    .toBuffer();
  return { data, width, height, scale };
}

/**
 * The transform to apply to the working copy for the same picture as `transform` on the original, or undefined if
 * the copy is too small for it. A width (or height) alone is given with the other side as Astro computes it for the
 * page's `width` and `height` attributes, so the file has exactly the size the page announces.
 */
export function fromWorkingCopy<T extends Transform>(copy: WorkingCopy, transform: T): T | undefined {
  const width = typeof transform.width === 'number' ? Math.round(transform.width) : undefined;
  const height = typeof transform.height === 'number' ? Math.round(transform.height) : undefined;
  if (!transform.format || transform.format === 'svg') return undefined;
  // Astro's service never enlarges: a larger request gives the original's size.
  const fits = (ratio: number) => Math.min(ratio, 1) <= copy.scale + 1e-9;
  if (width && height) return fits(Math.max(width / copy.width, height / copy.height)) ? transform : undefined;
  if (width) {
    const outWidth = Math.min(width, copy.width);
    return fits(outWidth / copy.width) ? { ...transform, width: outWidth, height: Math.round(outWidth / (copy.width / copy.height)), fit: 'fill' } : undefined;
  }
  if (height) {
    const outHeight = Math.min(height, copy.height);
    return fits(outHeight / copy.height) ? { ...transform, height: outHeight, width: Math.round(outHeight * (copy.width / copy.height)), fit: 'fill' } : undefined;
  }
  return copy.scale === 1 ? transform : undefined;
}

const photoService: LocalImageService = {
  ...sharpService,
  async transform(original, transform, config, logger) {
    const copy = await workingCopy(original, config as ServiceConfig);
    const reduced = copy && fromWorkingCopy(copy, transform);
    if (reduced) {
      let failed = false;
      const quiet = { info() {}, warn: () => void (failed = true), error() {}, debug() {} } as unknown as typeof logger;
      const result = await sharpService.transform(copy.data, reduced, config, quiet);
      // Astro's service answers a failure with its input unchanged, which here is the working copy, not a photo.
      if (!failed && result.data !== copy.data) return result;
    }
    return sharpService.transform(original, transform, config, logger);
  },
};

export default photoService;
