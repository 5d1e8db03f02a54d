/**
 * npm run places:import -- <tệp.csv>: turns the statistics office's conversion table between new and old
 * administrative units (a CSV export of the sheet "Tổng hợp_không merge") into the register of places,
 * src/data/places/register.json, which is committed. Run it again when the office publishes a corrected table;
 * later changes (a 2026 resolution, a correction, villages) go in content/places/ instead.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { importRegister } from '../src/lib/places/import.ts';
import { packRegister, REGISTER_FILE } from '../src/lib/places/register.ts';
import { PLACES_IMPORT_FLAGS, flagsOrExit, usage } from './flags.ts';

const USAGE = `Tạo danh mục đơn vị hành chính (${REGISTER_FILE}) từ bảng chuyển đổi ĐVHC mới – cũ của Cục Thống kê.

${usage('places:import', PLACES_IMPORT_FLAGS)}`;

const values = flagsOrExit(process.argv.slice(2), PLACES_IMPORT_FLAGS, USAGE);
const root = process.env.GUONG_SANG_ROOT ?? path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const table = path.resolve(process.env.INIT_CWD ?? process.cwd(), values.bang!);
let text: string;
try {
  text = readFileSync(table, 'utf8');
} catch {
  console.error(`Không đọc được tệp "${table}".`);
  process.exit(1);
}
const register = importRegister(text);
const packed = packRegister(register);
writeFileSync(path.join(root, REGISTER_FILE), packed);
const count = (test: (u: (typeof register.units)[number]) => boolean) => register.units.filter(test).length;
console.log(
  `Đã ghi ${REGISTER_FILE} (${packed.length.toLocaleString('vi')} byte): ${count((u) => !u.parent && !u.validTo)} tỉnh, thành phố và ` +
    `${count((u) => u.validFrom !== undefined)} xã, phường, đặc khu hiện nay; ${count((u) => !u.parent && u.validTo !== undefined)} tỉnh, ` +
    `${count((u) => u.code.length === 3)} huyện và ${count((u) => u.code.length === 5 && u.validTo !== undefined)} xã, phường, thị trấn cũ.`,
);
