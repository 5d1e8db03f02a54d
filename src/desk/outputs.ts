/**
 * What an exemplar becomes once published, seen from the desk before it is: its radio script, made by the same
 * functions as the built site's scripts (spokenStory, exemplarScript), its story with the site's own styles, and its
 * A4 poster with the print sheet's styles and the same headline, excerpt and award wording as the built poster.
 * Both need an entry without problems, as the build does.
 */
import { checkStoryText, storySchemas } from '../lib/content/story-check.ts';
import { publicContactsOf } from '../lib/content/personal-data.ts';
import { STORY_COLLECTIONS } from '../lib/content/collections.ts';
import { compileStory, PHOTO_MARKER } from '../lib/mdx/compile.ts';
import { exemplarScript, spokenStory, type RadioScript } from '../lib/radio/script.ts';
import { durationLabel } from '../lib/radio/bulletin.ts';
import { PlaceIndex, placeLabel } from '../lib/data/places.ts';
import { todayInVietnam } from '../lib/dates.ts';
import { parseEntry, type Problem } from '../lib/content/source.ts';
import { ui } from '../i18n/vi.ts';
import type { ExemplarData } from '../schemas/exemplar.ts';
import { storyExcerpt } from '../lib/print/excerpt.ts';
import { mainAwards } from '../lib/data/exemplars.ts';
import { awardAsGranted } from '../lib/award-name.ts';
import { citeDecision } from '../lib/documents.ts';
import { qrSymbol } from '../lib/qr.ts';
import { html, raw, type Html } from './html.ts';
import type { ContentIndex } from './content-index.ts';

export type Outcome<T> = { ok: true; value: T } | { ok: false; problems: Problem[] };

async function checked(index: ContentIndex, file: string, text: string): Promise<Outcome<{ data: ExemplarData; body: string }>> {
  const ref = await index.reference();
  const result = checkStoryText(file, text, {
    root: index.root,
    schemaFor: storySchemas('exemplars', index.root),
    publicContacts: publicContactsOf(ref.settings),
    collectionDir: STORY_COLLECTIONS.exemplars,
  });
  const problems = [...result.problems, ...result.laterProblems];
  if (result.data === undefined || problems.length > 0) return { ok: false, problems };
  return { ok: true, value: { data: result.data as ExemplarData, body: parseEntry(text, file).entry!.body } };
}

export async function radioOf(index: ContentIndex, file: string, text: string): Promise<Outcome<{ script: RadioScript; duration: string }>> {
  const entry = await checked(index, file, text);
  if (!entry.ok) return entry;
  const ref = await index.reference();
  const { story } = compileStory(entry.value.body, entry.value.data.photos.length);
  const places = new PlaceIndex(
    ref.places.map((p) => p.data),
    todayInVietnam(),
  );
  const awards = new Map(ref.awards.map((a) => [a.id, a.data]));
  if (!places.byId.has(entry.value.data.place) || entry.value.data.awards.some((a) => !awards.has(a.award))) {
    return { ok: false, problems: [{ file, message: 'Địa danh hoặc hình thức khen thưởng của bài không có trong danh mục: sửa trước khi xem kịch bản.' }] };
  }
  const script = exemplarScript(
    { data: entry.value.data, story: spokenStory(story!.blocks) },
    { places, awardName: (id) => ui.radio.awardName(awards.get(id)!.family, awards.get(id)!.name) },
  );
  return { ok: true, value: { script, duration: durationLabel(script.syllables, ref.settings?.radio.syllablesPerMinute ?? 220) } };
}

/** The story and its facts in the site's own styles (the page template itself is Astro's, in npm run dev). */
export async function pageOf(index: ContentIndex, file: string, text: string, photoUrl: (src: string) => string): Promise<Outcome<Html>> {
  const entry = await checked(index, file, text);
  if (!entry.ok) return entry;
  const ref = await index.reference();
  const { data, body } = entry.value;
  const { story } = compileStory(body, data.photos.length);
  const place = ref.places.find((p) => p.id === data.place)?.data;
  const storyHtml = story!.html.replace(PHOTO_MARKER, (_, n: string) => {
    const photo = data.photos[Number(n) - 1]!;
    return html`<figure><img src="${photoUrl(String(photo.src))}" alt="${photo.alt}" />${photo.caption ? html`<figcaption>${photo.caption}</figcaption>` : ''}</figure>`
      .text;
  });
  const main = data.photos[0];
  return {
    ok: true,
    value: html`<article>
<h1>${data.name}</h1>
<p>${[data.role, data.village, place ? placeLabel(place) : data.place].filter(Boolean).join(' · ')}</p>
<p><strong>${data.citation}</strong></p>
${main ? html`<figure><img src="${photoUrl(String(main.src))}" alt="${main.alt}" /><figcaption>${main.caption ?? ''} ${main.credit}</figcaption></figure>` : ''}
<div class="prose story">${raw(storyHtml)}</div>
<p>${data.author}</p>
</article>`,
  };
}

/** The poster as the build prints it (src/pages/in/dien-hinh/[id].astro), its QR code pointing to the page-to-be. */
export async function posterOf(index: ContentIndex, file: string, text: string, photoUrl: (src: string) => string, pageUrl: string): Promise<Outcome<Html>> {
  const entry = await checked(index, file, text);
  if (!entry.ok) return entry;
  const ref = await index.reference();
  const { data, body } = entry.value;
  const awards = new Map(ref.awards.map((a) => [a.id, a.data]));
  if (data.awards.some((a) => !awards.has(a.award))) {
    return { ok: false, problems: [{ file, message: 'Hình thức khen thưởng của bài không có trong danh mục: sửa trước khi xem áp phích.' }] };
  }
  const { story } = compileStory(body, data.photos.length);
  const [photo] = data.photos;
  const place = ref.places.find((p) => p.id === data.place)?.data;
  const excerpt = storyExcerpt(story!.html, photo ? 280 : 700);
  const heading = data.kind === 'ca-nhan' || data.kind === 'ho-gia-dinh' ? ui.print.posterHeading : ui.print.posterHeadingCollective;
  const campaigns = data.campaigns.map((id) => ref.campaigns.find((c) => c.id === id)?.data.title ?? id);
  const qr = qrSymbol(pageUrl);
  const publisher = ref.settings?.publisher;
  return {
    ok: true,
    value: html`<article class="sheet poster${photo ? '' : ' poster-no-photo'}">
<header class="sheet-head"><p>${publisher?.parent ? html`${publisher.parent}<br />` : ''}<strong>${publisher?.name ?? ''}</strong></p><p class="sheet-site"><strong>${ref.settings?.siteName ?? ''}</strong></p></header>
<p class="poster-heading">${heading}</p>
${photo ? html`<figure class="poster-photo"><img src="${photoUrl(String(photo.src))}" alt="${photo.alt}" /><figcaption>${ui.exemplars.photoCredit}: ${photo.credit}</figcaption></figure>` : ''}
<div class="poster-body">
<h1 class="poster-name">${data.name}</h1>
<p class="poster-role">${data.role ?? ui.kinds[data.kind]}</p>
<p class="poster-place">${data.village ? `${data.village}, ` : ''}${place ? placeLabel(place) : data.place}</p>
<blockquote class="poster-deed"><p>${data.citation}</p></blockquote>
${excerpt ? (excerpt.by ? html`<figure class="poster-excerpt"><blockquote><p>“${excerpt.text}”</p></blockquote><figcaption>${excerpt.by}</figcaption></figure>` : html`<p class="poster-excerpt">${excerpt.text}</p>`) : ''}
${
  data.awards.length
    ? html`<ul class="poster-awards">${mainAwards({ id: '', data }).map(
        (grant) =>
          html`<li><strong>${awardAsGranted(awards.get(grant.award)!, grant.issuer)}</strong>${grant.posthumous ? ` (${ui.award.posthumous})` : ''}<br />${citeDecision(grant)}</li>`,
      )}</ul>`
    : ''
}
${campaigns.length ? html`<p class="poster-campaigns"><strong>${ui.exemplars.campaigns}:</strong> ${campaigns.join('; ')}</p>` : ''}
</div>
<footer class="sheet-foot"><figure class="qr"><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${qr.size} ${qr.size}" role="img" aria-label="${ui.print.qrLabel}" shape-rendering="crispEdges"><rect width="${qr.size}" height="${qr.size}" fill="#fff" /><path d="${qr.path}" fill="#000" /></svg><figcaption>${pageUrl.replace(/^https?:\/\//, '')}</figcaption></figure><p><strong>${ui.print.scanPoster}</strong><br />${ui.print.publishedBy}: ${publisher?.name ?? ''}</p></footer>
</article>`,
  };
}
