/**
 * npm run place -- "Thạch Thán": finds an administrative unit by name in the register (with what content/places/
 * adds), with or without diacritics, by its old or new name, narrowed by a district or province word, and prints
 * for each match its type, code, parent, dates, what it became or what it was formed from, and the id to write in
 * an entry. Offline, well under a second.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PlaceFinder, describePlace } from '../src/lib/places/find.ts';
import { sitePlaces } from '../src/lib/places/local.ts';
import { PLACE_FLAGS, flagsOrExit, usage } from './flags.ts';

const USAGE = `Tìm mã một địa danh (xã, phường, huyện, tỉnh; cũ hoặc mới) để ghi vào bài.

  npm run place -- "Thạch Thán"
  npm run place -- "sai son quoc oai"
${usage('place', PLACE_FLAGS)}`;

/** How many matches are printed in full; the rest are counted. */
const SHOWN = 20;

const args = process.argv.slice(2);
// The name alone, without --ten, is what an editor types first.
const values = args.length > 0 && !args[0]!.startsWith('-') ? { ten: args.join(' ') } : flagsOrExit(args, PLACE_FLAGS, USAGE);
const root = process.env.GUONG_SANG_ROOT ?? path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { places } = await sitePlaces(root);
const finder = new PlaceFinder(places.map((p) => p.data));
const query = values.ten!;
const found = finder.find(query);
if (found.length === 0) {
  console.log(`Không tìm thấy đơn vị nào tên "${query}". Thử gõ ít chữ hơn, hoặc bỏ tên huyện, tỉnh.`);
  process.exit(1);
}
console.log(`${found.length} đơn vị khớp "${query}":\n`);
for (const place of found.slice(0, SHOWN)) console.log(`${describePlace(finder, place).join('\n')}\n`);
if (found.length > SHOWN) console.log(`… và ${found.length - SHOWN} đơn vị khác: thêm tên huyện hoặc tỉnh để thu hẹp.`);
