/**
 * The image service: Astro's sharp service, each phone photo decoded once for all its sizes. What it makes must be
 * what Astro's service would make (format, size, picture), whatever the photo's orientation.
 */
import sharpService from 'astro/assets/services/sharp';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import service, { DECODED_WIDTH } from '../../src/lib/images/service.ts';

const config = {
  service: { entrypoint: '#image-service', config: { limitInputPixels: 40_000_000, avif: { effort: 2, chromaSubsampling: '4:2:0' } } },
} as never;
const logger = { warn() {}, info() {}, error() {}, debug() {} } as never;

/** A smooth picture with a few edges, like a photo, `width` × `height` as stored, with an EXIF orientation. */
async function photo(width: number, height: number, orientation = 1, format: 'jpeg' | 'png' = 'jpeg') {
  const pixels = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 3;
      pixels[i] = (x * 255) / width;
      pixels[i + 1] = (y * 255) / height;
      pixels[i + 2] = (x - width / 2) ** 2 + (y - height / 3) ** 2 < (height / 5) ** 2 ? 230 : 40;
    }
  const image = sharp(pixels, { raw: { width, height, channels: 3 } }).withMetadata({ orientation });
  return format === 'png' ? image.png().toBuffer() : image.jpeg({ quality: 92 }).toBuffer();
}

/** Peak signal-to-noise ratio between two pictures of the same size, in dB. */
async function psnr(a: Uint8Array, b: Uint8Array) {
  const [x, y] = await Promise.all([sharp(a).removeAlpha().raw().toBuffer(), sharp(b).removeAlpha().raw().toBuffer()]);
  let sum = 0;
  for (let i = 0; i < x.length; i++) sum += (x[i]! - y[i]!) ** 2;
  return sum === 0 ? Infinity : 10 * Math.log10(255 ** 2 / (sum / x.length));
}

/** Every transform the site's pages ask of a photo. */
const TRANSFORMS = [
  ...[360, 640, 960].flatMap((width) => ['avif', 'jpeg'].map((format) => ({ width, format, quality: 65 }))),
  ...[320, 480].flatMap((width) => ['avif', 'jpeg'].map((format) => ({ width, format, quality: 60 }))),
  { width: 1200, height: 630, fit: 'cover', format: 'jpeg', quality: 78 },
  { width: 160, height: 120, fit: 'cover', format: 'webp', quality: 55 },
  { width: 1280, height: 853, format: 'jpeg', quality: 80 },
  { width: 480, height: 320, format: 'jpeg', quality: 70 },
];

describe('the image service', () => {
  it("makes every size the site asks of a phone photo as Astro's service does: format, width, height and picture", async () => {
    // Stored sideways, as phones do, with the orientation in EXIF: 3000 × 2000 upright.
    const input = await photo(2000, 3000, 6);
    for (const transform of TRANSFORMS) {
      const options = { src: '/_astro/anh.jpg', ...transform };
      const [ours, astros] = await Promise.all([service.transform(input, options, config, logger), sharpService.transform(input, options, config, logger)]);
      const [a, b] = await Promise.all([sharp(ours.data).metadata(), sharp(astros.data).metadata()]);
      expect([a.format, a.width, a.height], JSON.stringify(transform)).toEqual([b.format, b.width, b.height]);
      expect(await psnr(ours.data, astros.data), JSON.stringify(transform)).toBeGreaterThan(35);
    }
  });

  it("leaves to Astro's service what the decoded copy cannot give: a wider size, and photos other than JPEG", async () => {
    const jpeg = await photo(3000, 2000);
    const wider = { src: '/_astro/anh.jpg', width: DECODED_WIDTH + 320, format: 'jpeg', quality: 80 };
    expect(Buffer.from((await service.transform(jpeg, wider, config, logger)).data)).toEqual(
      Buffer.from((await sharpService.transform(jpeg, wider, config, logger)).data),
    );
    const png = await photo(1600, 1200, 1, 'png');
    const small = { src: '/_astro/anh.png', width: 360, format: 'avif', quality: 65 };
    expect(Buffer.from((await service.transform(png, small, config, logger)).data)).toEqual(
      Buffer.from((await sharpService.transform(png, small, config, logger)).data),
    );
  });

  it('makes a photo narrower than the copy at full resolution, never enlarged', async () => {
    const input = await photo(800, 600);
    const asked = { src: '/_astro/anh.jpg', width: 960, format: 'jpeg', quality: 65 };
    const made = await sharp((await service.transform(input, asked, config, logger)).data).metadata();
    expect([made.width, made.height]).toEqual([800, 600]);
  });
});
