/**
 * npm run radio: a bulletin for any period, as a text file for the announcer, from the same scripts as the site:
 *
 *   npm run radio -- --tu 01/11/2026 --den 21/11/2026 [--phut 15] [--phong-trao id] [--xa id] [--ra tệp.txt]
 *
 * Published exemplars whose story was published in the period (and in the campaign, in the commune or district
 * and the units it took over, when given), newest first, as many as fit the length (minutes; the settings' length
 * otherwise); the others are listed for the next bulletin.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseDate } from '../src/lib/dates.ts';
import { periodBulletin } from '../src/lib/radio/period.ts';
import { ui } from '../src/i18n/vi.ts';
import { RADIO_FLAGS, flagsOrExit, usage } from './flags.ts';

const root = process.env.GUONG_SANG_ROOT ?? path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const USAGE = `Làm bản tin phát thanh của các điển hình được đăng trong một khoảng thời gian.\n\n${usage('radio', RADIO_FLAGS)}`;

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

const values = flagsOrExit(process.argv.slice(2), RADIO_FLAGS, USAGE);
const flag = (name: keyof typeof RADIO_FLAGS) => values[name];

function dateFlag(name: 'tu' | 'den') {
  const value = flag(name)!;
  const parsed = parseDate(value);
  return parsed.ok ? parsed.date : fail(`--${name} "${value}" không phải ngày: viết dạng 01/11/2026.`);
}

const from = dateFlag('tu');
const to = dateFlag('den');
if (to < from) fail('Ngày --den đứng trước ngày --tu.');
const minutesFlag = flag('phut');
const minutes = minutesFlag === undefined ? undefined : Number(minutesFlag);
if (minutes !== undefined && (!Number.isInteger(minutes) || minutes < 1)) fail(`--phut "${minutesFlag}" phải là số phút, ví dụ 15.`);

const result = await periodBulletin(root, { from, to, minutes, campaign: flag('phong-trao'), place: flag('xa') });
if (!result.ok) fail(result.message);
const { bulletin } = result;
const out = path.resolve(process.env.INIT_CWD ?? process.cwd(), flag('ra') ?? bulletin.fileName);
writeFileSync(out, bulletin.text);
console.log(`Đã ghi bản tin vào ${out}`);
console.log(`${ui.radio.durationLabel}: ${bulletin.duration} (${ui.radio.target(bulletin.minutes)}), ${ui.radio.items(bulletin.included, bulletin.chosen)}.`);
if (bulletin.left.length > 0) console.log(`${ui.radio.left}: ${bulletin.left.join('; ')}.`);
