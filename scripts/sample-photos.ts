/**
 * Draws the illustrative photos of the sample content: abstract scenes (fields, houses, groups of silhouettes, a
 * school), never real people. Deterministic, so running it twice gives the same files; existing files are kept
 * unless --force is given.
 *
 *   node scripts/sample-photos.ts [--force]
 */
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';

type Scene = 'portrait' | 'group' | 'field' | 'house' | 'school' | 'river' | 'camera' | 'books';

/**
 * File name (without extension) → scene and palette. `phone`: saved the way a phone camera saves a photo taken
 * with the phone turned: pixels stored sideways with an EXIF orientation tag, camera make and a GPS position, so
 * that the build's rotation and metadata stripping are exercised by the sample itself.
 */
const SAMPLE_PHOTOS: Record<string, { scene: Scene; sky: string; ground: string; ink: string; phone?: boolean }> = {
  'dang-thi-hoa': { scene: 'portrait', sky: '#f4c27a', ground: '#b5482f', ink: '#5b2a1c' },
  'nguyen-van-an': { scene: 'river', sky: '#bfe3f2', ground: '#2f6f8f', ink: '#1d3b4a' },
  'doan-van-duc': { scene: 'portrait', sky: '#d7e8c5', ground: '#55803a', ink: '#263d18' },
  'pham-van-thuy': { scene: 'field', sky: '#fde9a8', ground: '#6a9c2f', ink: '#3d5a1a' },
  'pham-van-thuy-2': { scene: 'group', sky: '#fde9a8', ground: '#8fb04a', ink: '#3d5a1a' },
  'hop-tac-xa-dong-tam': { scene: 'field', sky: '#cde7f5', ground: '#88a83a', ink: '#44561d' },
  'ho-ong-dao-van-khoe': { scene: 'house', sky: '#f7d9b5', ground: '#9a6b3f', ink: '#4a2f18' },
  'camera-an-ninh': { scene: 'camera', sky: '#c9d6e8', ground: '#51627a', ink: '#1f2a3a' },
  'truong-tieu-hoc-khe-tre': { scene: 'school', sky: '#d6ecf7', ground: '#5d8c5a', ink: '#7a1515' },
  'ho-ong-le-van-dat': { scene: 'house', sky: '#e8e2c8', ground: '#7d8f4e', ink: '#3b4522' },
  'thung-rac-xanh': { scene: 'group', sky: '#dff2de', ground: '#3f8f4f', ink: '#1e4a27' },
  'do-van-hai': { scene: 'portrait', sky: '#e6dcf2', ground: '#6d5a9c', ink: '#2f2450' },
  'tu-sach-cong-dong': { scene: 'books', sky: '#f5e6cf', ground: '#a0643a', ink: '#4a2a12' },
  'quay-rau-ba-thuy': { scene: 'group', sky: '#cfe8f7', ground: '#b07a3a', ink: '#4a3318', phone: true },
};

function scene({ scene, sky, ground, ink }: (typeof SAMPLE_PHOTOS)[string]): string {
  const person = (x: number, scale = 1) =>
    `<g transform="translate(${x} ${800 - 360 * scale}) scale(${scale})"><circle cx="0" cy="-40" r="80" fill="${ink}"/><rect x="-110" y="70" width="220" height="300" rx="100" fill="${ink}"/></g>`;
  const shapes: Record<Scene, string> = {
    portrait: person(600, 1.1),
    group: [person(380, 0.8), person(600, 0.95), person(820, 0.8)].join(''),
    field:
      Array.from({ length: 8 }, (_, i) => `<rect x="0" y="${480 + i * 40}" width="1200" height="18" fill="${ink}" opacity="${0.25 + i * 0.08}"/>`).join('') +
      `<circle cx="960" cy="180" r="80" fill="#fff7d6"/>`,
    house: `<polygon points="380,430 600,250 820,430" fill="${ink}"/><rect x="420" y="430" width="360" height="250" fill="${ink}" opacity="0.8"/><rect x="560" y="540" width="80" height="140" fill="${sky}"/>`,
    school: `<rect x="250" y="360" width="700" height="320" fill="${ink}"/>${Array.from({ length: 5 }, (_, i) => `<rect x="${300 + i * 130}" y="420" width="70" height="80" fill="${sky}"/>`).join('')}<rect x="590" y="160" width="8" height="200" fill="#333"/><rect x="598" y="160" width="110" height="70" fill="#da251d"/>`,
    river: `<path d="M0 560 C 300 500, 600 640, 1200 560 L1200 800 L0 800 Z" fill="${ground}"/><path d="M0 620 C 300 580, 700 700, 1200 620" stroke="#fff" stroke-width="10" fill="none" opacity="0.6"/>${person(600, 0.8)}`,
    camera: `<rect x="590" y="260" width="20" height="420" fill="${ink}"/><rect x="520" y="220" width="170" height="80" rx="16" fill="${ink}"/><circle cx="690" cy="260" r="26" fill="${sky}"/>`,
    books: Array.from({ length: 3 }, (_, row) =>
      Array.from(
        { length: 9 },
        (_, i) =>
          `<rect x="${330 + i * 62}" y="${260 + row * 140}" width="48" height="${110 - (i % 3) * 12}" fill="${ink}" opacity="${0.55 + (i % 4) * 0.12}"/>`,
      ).join(''),
    ).join(''),
  };
  return `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="800"><defs><linearGradient id="g" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${sky}"/><stop offset="1" stop-color="${ground}"/></linearGradient></defs><rect width="1200" height="800" fill="url(#g)"/>${shapes[scene]}</svg>`;
}

const dir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../content/exemplars/anh');
const force = process.argv.includes('--force');
mkdirSync(dir, { recursive: true });
for (const [name, spec] of Object.entries(SAMPLE_PHOTOS)) {
  const file = path.join(dir, `${name}.jpg`);
  if (existsSync(file) && !force) continue;
  const drawn = sharp(Buffer.from(scene(spec)));
  if (spec.phone) {
    // Orientation 6: "rotate 90° clockwise to show", so the pixels are stored turned the other way.
    const sideways = await drawn.rotate(-90).toBuffer();
    await sharp(sideways)
      .jpeg({ quality: 78, mozjpeg: true })
      .withMetadata({ orientation: 6 })
      .withExif({
        IFD0: { Make: 'Minh hoa', Model: 'Dien thoai 1' },
        IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '21/1 0/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '105/1 40/1 0/1' },
      })
      .toFile(file);
  } else {
    await drawn.jpeg({ quality: 78, mozjpeg: true }).toFile(file);
  }
  console.log(path.relative(process.cwd(), file));
}
