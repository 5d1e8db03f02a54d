/**
 * Astro's sharp image service, with each phone photo decoded once for all the files made of it. A photo becomes
 * about fourteen files (three widths in AVIF and JPEG, card thumbnails, the search result's, the sharing image, the
 * poster's, the embed's), and Astro's service decodes the camera's JPEG again for each, a good part of a first
 * build's photo time (docs/benchmarks.md). Here the JPEG is decoded once, turned upright, converted to
 * sRGB and scaled to the widest size any page asks for, and kept as an uncompressed TIFF, which Astro's own transform
 * then reads almost for free: every option (sizes, fit, quality, formats, the service's encoder settings) is still
 * applied by Astro's code, only from that copy instead of the original.
 *
 * Astro's image step and the photo encoder both hand the service the same buffer for every transform of one photo,
 * so the copy is kept per buffer and goes with it. Anything this does not cover (other formats, a size wider than
 * the copy) is made from the original by Astro's service as before. Configured in astro.config.mjs through Astro's
 * public image service option.
 */
import type { LocalImageService } from 'astro';
import sharpService from 'astro/assets/services/sharp';
import sharp from 'sharp';

/** The widest file any page makes of a photo (the printed poster's); wider asks are made from the original. */
export const DECODED_WIDTH = 1280;

interface Decoded {
  data: Uint8Array;
  width: number;
  height: number;
  /** Whether the copy has every pixel of the original (it was no wider than DECODED_WIDTH). */
  full: boolean;
}

const decoded = new WeakMap<Uint8Array, Promise<Decoded | undefined>>();

const isJpeg = (input: Uint8Array) => input[0] === 0xff && input[1] === 0xd8 && input[2] === 0xff;

function decodeOnce(input: Uint8Array, limitInputPixels: number | boolean | undefined): Promise<Decoded | undefined> {
  let copy = decoded.get(input);
  if (!copy) {
    copy = sharp(input, { failOn: 'none', limitInputPixels })
      .rotate()
      .resize({ width: DECODED_WIDTH, withoutEnlargement: true })
      .tiff({ compression: 'none' })
      .toBuffer({ resolveWithObject: true })
      .then(({ data, info }) => ({ data, width: info.width, height: info.height, full: info.width < DECODED_WIDTH }))
      // A photo sharp cannot read this way is left to Astro's service, which reports it properly.
      .catch(() => undefined);
    decoded.set(input, copy);
  }
  return copy;
}

const service: LocalImageService = {
  ...sharpService,
  async transform(input, transform, config, logger) {
    const width = typeof transform.width === 'number' ? transform.width : undefined;
    const height = typeof transform.height === 'number' ? transform.height : undefined;
    if (isJpeg(input) && transform.format && transform.format !== 'svg' && width !== undefined) {
      const copy = await decodeOnce(input, config.service.config.limitInputPixels);
      if (copy && (copy.full || (width <= copy.width && (height ?? 0) <= copy.height))) {
        return sharpService.transform(copy.data, transform, config, logger);
      }
    }
    return sharpService.transform(input, transform, config, logger);
  },
};

export default service;
