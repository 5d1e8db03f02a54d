/**
 * Photos encoded while pages render: the file in the image cache must be the one Astro's image step would make, under
 * the name that step looks up, or the output would depend on which of the two made it.
 */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { AstroConfig, AstroIntegrationLogger } from 'astro';
import imageService from '../../src/lib/images/service.ts';
import { afterEach, describe, expect, it } from 'vitest';
import { PhotoEncoder, type EncoderJob } from '../../src/integrations/photo-encoder.ts';
import { ROOT } from '../helpers/build-sample.ts';

const PHOTO = path.join(ROOT, 'content/exemplars/anh/dang-thi-hoa.jpg');
const image = { service: { entrypoint: '#image-service', config: { limitInputPixels: 40_000_000, avif: { effort: 2 } } } };

let folder = '';
afterEach(() => rmSync(folder, { recursive: true, force: true }));

function setUp() {
  folder = mkdtempSync(path.join(tmpdir(), 'guong-sang-photos-'));
  const outDir = path.join(folder, 'dist');
  const cacheDir = path.join(folder, 'cache');
  mkdirSync(path.join(outDir, '_astro'), { recursive: true });
  copyFileSync(PHOTO, path.join(outDir, '_astro/hoa.B1x.jpg'));
  const messages: string[] = [];
  const logger = { info: (m: string) => messages.push(m), warn: (m: string) => messages.push(m), debug() {} } as unknown as AstroIntegrationLogger;
  const config = { outDir: pathToFileURL(`${outDir}/`), cacheDir: pathToFileURL(`${cacheDir}/`), image } as unknown as AstroConfig;
  return { outDir, assets: path.join(cacheDir, 'assets'), encoder: new PhotoEncoder(config, logger), messages };
}

const job = (finalPath: string, options: Record<string, unknown>, src: unknown = { src: '/_astro/hoa.B1x.jpg', width: 1200, height: 900, format: 'jpg' }) =>
  ({ originalPath: '/_astro/hoa.B1x.jpg', finalPath, transform: { src, ...options } }) as EncoderJob;

describe('encoding photos while pages render', () => {
  it("writes each transform into Astro's image cache, named by its final file, with the bytes Astro's image service makes", async () => {
    const { assets, encoder, messages } = setUp();
    const jobs = [
      job('/_astro/hoa.B1x_Z1a.avif', { width: 360, format: 'avif', quality: 65 }),
      job('/_astro/hoa.B1x_Z2b.jpg', { width: 480, format: 'jpeg', quality: 65 }),
      job('/_astro/hoa.B1x_Z3c.webp', { width: 160, height: 120, fit: 'cover', format: 'webp', quality: 55 }),
    ];
    // A transform registered by several pages is made once.
    encoder.add(jobs.slice(0, 2));
    encoder.add(jobs);
    await encoder.finish();
    expect(readdirSync(assets).sort()).toEqual(['hoa.B1x_Z1a.avif', 'hoa.B1x_Z2b.jpg', 'hoa.B1x_Z3c.webp']);
    for (const { finalPath, transform } of jobs) {
      const expected = await imageService.transform(readFileSync(PHOTO), { ...transform, src: transform.src.src } as never, image as never, console as never);
      expect(readFileSync(path.join(assets, path.basename(finalPath))).equals(Buffer.from(expected.data)), finalPath).toBe(true);
    }
    expect(messages).toContainEqual(
      expect.stringMatching(/^Ảnh mã hoá trong lúc dựng trang: 3 tệp trong \d+,\d s \(bộ xử lý \d+,\d s\); 0 tệp đã có sẵn hoặc để lại cho Astro\.$/),
    );
  });

  it('leaves to Astro a photo already cached, a photo it cannot read and a photo from another site', async () => {
    const { outDir, assets, encoder, messages } = setUp();
    mkdirSync(assets, { recursive: true });
    writeFileSync(path.join(assets, 'hoa.B1x_Z1a.avif'), 'from the previous build');
    writeFileSync(path.join(outDir, '_astro/cut.C2y.jpg'), readFileSync(PHOTO).subarray(0, 200));
    encoder.add([
      job('/_astro/hoa.B1x_Z1a.avif', { width: 360, format: 'avif' }),
      { ...job('/_astro/cut.C2y_Z9.avif', { width: 360, format: 'avif' }, { src: '/_astro/cut.C2y.jpg' }), originalPath: '/_astro/cut.C2y.jpg' },
      job('/_astro/remote_Z8.avif', { width: 360, format: 'avif' }, 'https://example.org/anh.jpg'),
    ]);
    await encoder.finish();
    expect(readdirSync(assets)).toEqual(['hoa.B1x_Z1a.avif']);
    expect(readFileSync(path.join(assets, 'hoa.B1x_Z1a.avif'), 'utf8')).toBe('from the previous build');
    expect(existsSync(path.join(assets, 'cut.C2y_Z9.avif'))).toBe(false);
    expect(messages).toContainEqual(expect.stringMatching(/^Ảnh mã hoá trong lúc dựng trang: 0 tệp .*; 2 tệp đã có sẵn hoặc để lại cho Astro\.$/));
  });
});
