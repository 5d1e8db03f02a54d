/**
 * npm run radio: a bulletin for any period, as a text file for the announcer, from the same scripts as the site:
 *
 *   npm run radio -- --tu 01/11/2026 --den 21/11/2026 [--phut 15] [--phong-trao id] [--xa id] [--ra tệp.txt]
 *
 * Published exemplars whose story was published in the period (and in the campaign, in the commune or district
 * and the units it took over, when given), newest first, as many as fit the length (minutes; the settings' length
 * otherwise); the others are listed for the next bulletin.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkContent } from '../src/lib/content/check.ts';
import { formatProblems } from '../src/lib/content/issues.ts';
import { parseEntry } from '../src/lib/content/source.ts';
import { compileStory } from '../src/lib/mdx/compile.ts';
import { isPublishable } from '../src/lib/data/publishable.ts';
import { PlaceIndex, placeLabel } from '../src/lib/data/places.ts';
import { sortNewest } from '../src/lib/data/exemplars.ts';
import { parseDate, todayInVietnam } from '../src/lib/dates.ts';
import { formatDateShort } from '../src/lib/format.ts';
import { exemplarScript, spokenStory } from '../src/lib/radio/script.ts';
import { bulletinCost, durationLabel, fitBulletin, scriptText, textHeader } from '../src/lib/radio/bulletin.ts';
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

const { problems, model } = await checkContent(root);
if (problems.length > 0) fail(`Nội dung còn lỗi, hãy sửa trước khi làm bản tin:\n${formatProblems(problems)}`);
const radio = model.settings!.radio;
const minutesFlag = flag('phut');
const minutes = minutesFlag === undefined ? radio.bulletinMinutes : Number(minutesFlag);
if (!Number.isInteger(minutes) || minutes < 1) fail(`--phut "${minutesFlag}" phải là số phút, ví dụ 15.`);

const places = new PlaceIndex(
  model.places.map((p) => p.data),
  todayInVietnam(),
);
const campaignId = flag('phong-trao');
const campaign =
  campaignId === undefined
    ? undefined
    : (model.campaigns.find((c) => c.id === campaignId && isPublishable(c.data)) ?? fail(`Không có phong trào "${campaignId}".`));
const placeId = flag('xa');
if (placeId !== undefined && !places.byId.has(placeId)) fail(`Không có địa phương "${placeId}".`);
const covered = placeId === undefined ? undefined : places.coveredIds(placeId);

const chosen = sortNewest(
  model.exemplars.filter(
    (e) =>
      isPublishable(e.data) &&
      e.data.published >= from &&
      e.data.published <= to &&
      (!campaign || e.data.campaigns.includes(campaign.id)) &&
      (!covered || covered.has(e.data.place)),
  ),
);
const period = ui.radio.period(formatDateShort(from), formatDateShort(to));
if (chosen.length === 0)
  fail(`Không có điển hình nào được đăng ${period}${campaign ? ` trong ${campaign.data.shortTitle}` : ''}${placeId ? ` ở ${places.fullLabel(placeId)}` : ''}.`);

const awards = new Map(model.awards.map((a) => [a.id, ui.radio.awardName(a.data.family, a.data.name)]));
const items = chosen.map((e) => {
  const script = exemplarScript(
    {
      data: e.data,
      story: spokenStory(compileStory(parseEntry(readFileSync(path.join(root, e.file), 'utf8'), e.file).entry!.body, e.data.photos.length).story!.blocks),
    },
    { places, awardName: (id) => awards.get(id)! },
  );
  return { item: e, cost: bulletinCost(script), script: () => script };
});
const subject = ui.radio.periodSubject(period, campaign?.data.title, placeId && placeLabel(places.get(placeId)));
const bulletin = fitBulletin(items, { opening: radio.opening, subject, closing: radio.closing }, minutes * radio.syllablesPerMinute);
const duration = durationLabel(bulletin.syllables, radio.syllablesPerMinute);
const left = bulletin.left.map((e) => e.data.name);

const out = path.resolve(process.env.INIT_CWD ?? process.cwd(), flag('ra') ?? `ban-tin-${from}-${to}.txt`);
writeFileSync(out, scriptText(textHeader(ui.radio.bulletinTitle(ui.radio.periodTitle(period)), duration, left), bulletin.paragraphs));
console.log(`Đã ghi bản tin vào ${out}`);
console.log(`${ui.radio.durationLabel}: ${duration} (${ui.radio.target(minutes)}), ${ui.radio.items(bulletin.included.length, chosen.length)}.`);
if (left.length > 0) console.log(`${ui.radio.left}: ${left.join('; ')}.`);
