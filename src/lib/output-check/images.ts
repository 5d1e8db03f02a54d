/**
 * No published image may carry camera metadata (EXIF with its GPS position, XMP, IPTC), and no original upload may
 * be copied as it is: every photo must have gone through the image pipeline, which strips both.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';

export const IMAGE_FILE = /\.(jpe?g|png|webp|avif|gif|tiff?|heic|heif)$/i;

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** The hashes of the original photos (absolute paths of every photo under content/, published or not). */
export function originalPhotos(originals: readonly string[]): Map<string, string> {
  const hashes = new Map<string, string>();
  // Entries may share a photo file: each is read once.
  for (const original of new Set(originals)) {
    try {
      hashes.set(sha256(readFileSync(original)), original);
    } catch {
      // A missing photo is the content check's to report.
    }
  }
  return hashes;
}

/** The problems of one image of the output; `originals` from originalPhotos(). */
export async function checkImage(dir: string, file: string, originals: ReadonlyMap<string, string>): Promise<string[]> {
  const problems: string[] = [];
  const bytes = readFileSync(path.join(dir, file));
  const original = originals.get(sha256(bytes));
  if (original) problems.push(`${file} là bản chép nguyên ảnh gốc ${path.basename(original)}: ảnh phải qua xử lý (xoay, thu nhỏ, xoá siêu dữ liệu).`);
  try {
    const { exif, xmp, iptc } = await sharp(bytes).metadata();
    const kinds = [exif && 'EXIF', xmp && 'XMP', iptc && 'IPTC'].filter(Boolean);
    if (kinds.length > 0)
      problems.push(`${file} còn siêu dữ liệu ${kinds.join(', ')} (có thể chứa vị trí GPS, máy chụp): ảnh đăng phải được xoá siêu dữ liệu.`);
  } catch {
    problems.push(`${file} không đọc được như một ảnh.`);
  }
  return problems;
}
