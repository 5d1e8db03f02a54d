/**
 * The image service decodes an original once for all its sizes. Readers must not be able to tell: every file has the
 * size, format and picture Astro's own service makes from the original, whatever the photo's shape or orientation.
 */
import sharpService from 'astro/assets/services/sharp';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import photoService, { fromWorkingCopy, workingCopy, WORKING_SIDE } from '../../src/lib/photo-service.ts';

const config = { service: { entrypoint: '/src/lib/photo-service.ts', config: { limitInputPixels: 40_000_000, avif: { effort: 2, chromaSubsampling: '4:2:0' } } } } as never;
const logger = { info() {}, warn() {}, error() {}, debug() {} } as never;

/** A photo-like picture: a gradient with soft shapes, which survives resizing the way a photo does. */
async function photo(width: number, height: number, options: { orientation?: number; alpha?: boolean } = {}) {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><defs><linearGradient id="g" x2="1" y2="1"><stop offset="0" stop-color="#e8b04a"/><stop offset="1" stop-color="#2a5d8f"/></linearGradient></defs><rect width="100%" height="100%" fill="url(#g)" ${options.alpha ? 'opacity="0.6"' : ''}/><circle cx="${width / 3}" cy="${height / 2}" r="${Math.min(width, height) / 4}" fill="#c0392b"/></svg>`;
  const image = sharp(Buffer.from(svg));
  if (options.alpha) return image.png().toBuffer();
  return (options.orientation ? image.withMetadata({ orientation: options.orientation }) : image).jpeg({ quality: 90 }).toBuffer();
}

/** The site's transforms (Photo.astro, SearchData.astro, Base.astro, the embed and print pages) and a larger one. */
const TRANSFORMS = [
  { width: 360, format: 'avif', quality: 65 },
  { width: 960, format: 'avif', quality: 65 },
  { width: 480, format: 'jpeg', quality: 60 },
  { width: 160, height: 120, fit: 'cover', format: 'webp', quality: 55 },
  { width: 1200, height: 630, fit: 'cover', format: 'jpeg', quality: 78 },
  { width: 1000, height: 750, format: 'jpeg', quality: 80 },
  { width: 2600, format: 'jpeg', quality: 80 },
];

async function pixels(data: Uint8Array, width: number, height: number) {
  return sharp(data).resize({ width, height, fit: 'fill' }).removeAlpha().raw().toBuffer();
}

/** Mean difference of two pictures, 0 to 255 per channel. */
async function difference(a: Uint8Array, b: Uint8Array) {
  const { width, height } = await sharp(a).metadata();
  const [pa, pb] = await Promise.all([pixels(a, width, height), pixels(b, width, height)]);
  let sum = 0;
  for (let i = 0; i < pa.length; i++) sum += Math.abs(pa[i] - pb[i]);
  return sum / pa.length;
}

describe('photos decoded once for all their sizes', () => {
  const shapes = {
    'a landscape phone photo': () => photo(3000, 2250),
    'a portrait phone photo': () => photo(2250, 3000),
    'a photo turned by its camera (EXIF orientation 6)': () => photo(3000, 2000, { orientation: 6 }),
    'a panorama': () => photo(6000, 1000),
    'a small photo': () => photo(800, 600),
    'a transparent PNG': () => photo(1600, 1200, { alpha: true }),
  };
  for (const [shape, make] of Object.entries(shapes)) {
    it(`gives ${shape} the size, format and picture of Astro's service`, async () => {
      const original = await make();
      for (const options of TRANSFORMS) {
        const transform = { src: '/_astro/photo.jpg', ...options };
        const [ours, astro] = await Promise.all([photoService.transform(original, transform, config, logger), sharpService.transform(original, transform, config, logger)]);
        const [a, b] = await Promise.all([sharp(ours.data).metadata(), sharp(astro.data).metadata()]);
        const label = `${shape}, ${JSON.stringify(options)}`;
        expect({ width: a.width, height: a.height, format: a.format, alpha: a.hasAlpha }, label).toEqual({ width: b.width, height: b.height, format: b.format, alpha: b.hasAlpha });
        expect(a.orientation, label).toBeUndefined();
        expect(await difference(ours.data, astro.data), label).toBeLessThan(3);
      }
    });
  }

  it('reduces an original once, to a copy whose shorter side is the widest file the site makes', async () => {
    const original = await photo(3000, 2250);
    const first = workingCopy(original, config);
    expect(workingCopy(original, config)).toBe(first);
    const copy = (await first)!;
    expect(copy).toMatchObject({ width: 3000, height: 2250 });
    expect(await sharp(copy.data).metadata()).toMatchObject({ width: 1600, height: WORKING_SIDE, format: 'tiff' });
    // A width alone gets the height the page announces for it; a file wider than the copy is made from the original.
    expect(fromWorkingCopy(copy, { src: 'x', width: 361, format: 'avif' })).toMatchObject({ width: 361, height: 271, fit: 'fill' });
    expect(fromWorkingCopy(copy, { src: 'x', width: 1600, format: 'jpeg' })).toBeDefined();
    expect(fromWorkingCopy(copy, { src: 'x', width: 2000, format: 'jpeg' })).toBeUndefined();
    expect(fromWorkingCopy(copy, { src: 'x', width: 360, format: 'svg' })).toBeUndefined();
  });

  it('leaves an animation to Astro, which keeps every frame', async () => {
    const frame = (background: string) => sharp({ create: { width: 40, height: 30, channels: 3, background } }).png().toBuffer();
    const gif = await sharp(await Promise.all([frame('red'), frame('blue')]), { join: { animated: true } }).gif().toBuffer();
    expect(await workingCopy(gif, config)).toBeUndefined();
    const result = await photoService.transform(gif, { src: '/_astro/a.gif', width: 20, format: 'webp' }, config, logger);
    expect((await sharp(result.data).metadata()).pages).toBe(2);
  });

  it('answers a broken original as Astro does', async () => {
    const cut = (await photo(1200, 900)).subarray(0, 300);
    const warnings: string[] = [];
    const result = await photoService.transform(cut, { src: '/_astro/cut.jpg', width: 360, format: 'avif' }, config, { ...(logger as object), warn: (m: string) => warnings.push(m) } as never);
    expect(Buffer.from(result.data).equals(cut)).toBe(true);
    expect(warnings).toEqual([expect.stringContaining('could not optimize')]);
  });
});
