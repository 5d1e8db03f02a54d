/**
 * Photos are decoded strictly before anything is built: Astro would publish a truncated JPEG as it is, and copy an
 * image over its pixel limit through untouched, metadata and GPS position included.
 */
import { open, stat } from 'node:fs/promises';
import sharp from 'sharp';

export const PHOTO_LIMITS = { bytes: 15 * 1024 * 1024, pixels: 40_000_000 } as const;

/** Phone photos in HEIC/HEIF, whatever their file name says, start with an ISO-BMFF "ftyp" box of these brands. */
async function isHeic(file: string): Promise<boolean> {
  const handle = await open(file, 'r');
  try {
    const head = Buffer.alloc(12);
    await handle.read(head, 0, 12, 0);
    return head.toString('latin1', 4, 8) === 'ftyp' && /^(heic|heix|hevc|hevx|heim|heis|mif1|msf1)$/.test(head.toString('latin1', 8, 12));
  } finally {
    await handle.close();
  }
}

/** What is wrong with a photo file, in Vietnamese, or undefined when it can be published. */
export async function photoProblem(file: string, name: string): Promise<string | undefined> {
  const { size } = await stat(file);
  if (size > PHOTO_LIMITS.bytes) {
    return `Ảnh "${name}" nặng ${(size / 1024 / 1024).toFixed(1)} MB, tối đa ${PHOTO_LIMITS.bytes / 1024 / 1024} MB: thu nhỏ ảnh rồi chép lại.`;
  }
  if (await isHeic(file)) return `Ảnh "${name}" là định dạng HEIC của điện thoại: chuyển sang JPEG rồi chép lại.`;
  try {
    const image = sharp(file, { failOn: 'truncated', limitInputPixels: false });
    const { width = 0, height = 0 } = await image.metadata();
    if (width * height > PHOTO_LIMITS.pixels) {
      return `Ảnh "${name}" có ${((width * height) / 1e6).toFixed(0)} triệu điểm ảnh (${width}×${height}), tối đa ${PHOTO_LIMITS.pixels / 1e6} triệu: thu nhỏ ảnh rồi chép lại.`;
    }
    // Decoding the whole image is the only way to notice a file cut short during copying.
    await image.resize(32, 32, { fit: 'inside' }).raw().toBuffer();
  } catch {
    return `Ảnh "${name}" bị hỏng hoặc chép chưa hết, không đọc được: chép lại tệp ảnh gốc.`;
  }
  return undefined;
}
