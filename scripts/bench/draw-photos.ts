/**
 * Draws the corpus's photos, in a process of their own (see drawPhotos):
 *
 *   node scripts/bench/draw-photos.ts < [[seed, file], …]
 *
 * glibc gives each thread's allocations an arena of at most 64 MB; the SVG renderer's full-size surfaces (27 MB each
 * at 3000×2250) do not fit in one, so on some threads every surface was mapped and unmapped afresh: a million page
 * faults and 10–14 s for a photo instead of 0.4–0.8 s, drawing 100 photos in 15 minutes. One arena
 * (MALLOC_ARENA_MAX=1), which glibc reads only when a process starts, keeps every photo fast.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import { random } from './random.ts';

/**
 * A photo-like JPEG: soft shapes on a gradient with fine grain, so that encoders work as hard as on a real photo
 * (flat colour would be unrealistically cheap, pure noise unrealistically dear).
 */
async function drawPhoto(seed: number, file: string) {
  const rng = random(seed);
  const width = 3000;
  const height = 2250;
  const hue = rng.int(0, 359);
  const shapes = Array.from({ length: 36 }, () => {
    const fill = `hsl(${(hue + rng.int(0, 120)) % 360},${rng.int(30, 70)}%,${rng.int(25, 75)}%)`;
    return `<ellipse cx="${rng.int(0, width)}" cy="${rng.int(0, height)}" rx="${rng.int(60, 500)}" ry="${rng.int(60, 380)}" fill="${fill}" opacity="0.75"/>`;
  }).join('');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="hsl(${hue},45%,70%)"/><stop offset="1" stop-color="hsl(${(hue + 60) % 360},50%,35%)"/></linearGradient></defs><rect width="100%" height="100%" fill="url(#g)"/>${shapes}</svg>`;
  const grain = Buffer.alloc(width * height);
  for (let i = 0; i < grain.length; i++) grain[i] = 128 + Math.round((rng.next() - 0.5) * 40);
  await sharp(Buffer.from(svg))
    .composite([{ input: grain, raw: { width, height, channels: 1 }, blend: 'soft-light' }])
    .jpeg({ quality: 82 })
    .toFile(file);
}

/** Draws each photo (a seed and the file to write), shared among one process per core. */
export async function drawPhotos(photos: [seed: number, file: string][]): Promise<void> {
  const processes = Math.min(photos.length, os.availableParallelism());
  await Promise.all(
    Array.from({ length: processes }, (_, n) => {
      const share = photos.filter((_, i) => i % processes === n);
      return new Promise<void>((resolve, reject) => {
        const child = spawn(process.execPath, [fileURLToPath(import.meta.url)], {
          env: { ...process.env, MALLOC_ARENA_MAX: '1' },
          stdio: ['pipe', 'inherit', 'inherit'],
        });
        child.on('error', reject);
        child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`Drawing photos failed (exit code ${code})`))));
        child.stdin.end(JSON.stringify(share));
      });
    }),
  );
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  // One libvips thread, as in a process without MALLOC_ARENA_MAX: the same bytes as before.
  sharp.concurrency(1);
  for (const [seed, file] of JSON.parse(readFileSync(0, 'utf8')) as [number, string][]) await drawPhoto(seed, file);
}
