/**
 * The bulletin of a period: published exemplars whose story was published between two days (and in a campaign, in a
 * commune or district and the units it took over, when given), newest first, as many as fit the length; the others
 * are named for the next bulletin. One function for `npm run radio` and the editors' desk, so that both give the
 * announcer the same text.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { checkContent } from '../content/check.ts';
import { formatProblems } from '../content/issues.ts';
import { parseEntry } from '../content/source.ts';
import { compileStory } from '../mdx/compile.ts';
import { isPublishable } from '../data/publishable.ts';
import { PlaceIndex, placeLabel } from '../data/places.ts';
import { sortNewest } from '../data/exemplars.ts';
import { todayInVietnam, type IsoDate } from '../dates.ts';
import { formatDateShort } from '../format.ts';
import { exemplarScript, spokenStory } from './script.ts';
import { bulletinCost, durationLabel, fitBulletin, scriptText, textHeader } from './bulletin.ts';
import { ui } from '../../i18n/vi.ts';

export interface PeriodRequest {
  from: IsoDate;
  to: IsoDate;
  /** Length in minutes; the settings' bulletin length otherwise. */
  minutes?: number;
  campaign?: string;
  place?: string;
}

export interface PeriodBulletin {
  text: string;
  /** The file name `npm run radio` writes by default: ban-tin-<from>-<to>.txt. */
  fileName: string;
  duration: string;
  minutes: number;
  included: number;
  chosen: number;
  /** Names of the exemplars that did not fit, for the next bulletin. */
  left: string[];
}

/** The bulletin, or the reason in Vietnamese why there is none (content with problems, nothing in the period…). */
// Long because each way there may be no bulletin is answered in order, before the bulletin is put together.
export async function periodBulletin(root: string, request: PeriodRequest): Promise<{ ok: true; bulletin: PeriodBulletin } | { ok: false; message: string }> {
  const { from, to } = request;
  if (to < from) return { ok: false, message: 'Ngày --den đứng trước ngày --tu.' };
  const { problems, model } = await checkContent(root);
  if (problems.length > 0) return { ok: false, message: `Nội dung còn lỗi, hãy sửa trước khi làm bản tin:\n${formatProblems(problems)}` };
  const radio = model.settings!.radio;
  const minutes = request.minutes ?? radio.bulletinMinutes;
  const places = new PlaceIndex(
    model.places.map((p) => p.data),
    todayInVietnam(),
  );
  const campaignId = request.campaign;
  const campaign = campaignId === undefined ? undefined : model.campaigns.find((c) => c.id === campaignId && isPublishable(c.data));
  if (campaignId !== undefined && !campaign) return { ok: false, message: `Không có phong trào "${campaignId}".` };
  const placeId = request.place;
  if (placeId !== undefined && !places.byId.has(placeId)) return { ok: false, message: `Không có địa phương "${placeId}".` };
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
    return {
      ok: false,
      message: `Không có điển hình nào được đăng ${period}${campaign ? ` trong ${campaign.data.shortTitle}` : ''}${placeId ? ` ở ${places.fullLabel(placeId)}` : ''}.`,
    };

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
  return {
    ok: true,
    bulletin: {
      text: scriptText(textHeader(ui.radio.bulletinTitle(ui.radio.periodTitle(period)), duration, left), bulletin.paragraphs),
      fileName: `ban-tin-${from}-${to}.txt`,
      duration,
      minutes,
      included: bulletin.included.length,
      chosen: chosen.length,
      left,
    },
  };
}
