/** A JSON listing as an HTTP response, with each main photo re-encoded small, so every listing route stays short. */
import type { ImageMetadata } from 'astro';
import { getImage } from 'astro:assets';
import type { Exemplar, Site } from './data/site.ts';
import { embedItem, embedListing, type EmbedPhoto } from './embed.ts';
import { embedRendition } from './images/renditions.ts';
import { absoluteUrl } from './paths.ts';

/** A photo as the content layer gives it; the schema types `src` loosely, the loader gives image metadata. */
type Photo = Omit<Exemplar['data']['photos'][number], 'src'> & { src: ImageMetadata };

async function embedPhoto(photo: Photo | undefined, absolute: (path: string) => string): Promise<EmbedPhoto | undefined> {
  if (!photo) return undefined;
  const rendition = embedRendition(photo.src);
  const image = await getImage({ src: photo.src, ...rendition });
  return { url: absolute(image.src), width: rendition.width, height: rendition.height, alt: photo.alt, credit: photo.credit };
}

export async function embedResponse(
  site: Site,
  exemplars: readonly Exemplar[],
  scope: { title: string; home: string; self: string },
  origin: URL | undefined,
): Promise<Response> {
  const absolute = (path: string) => absoluteUrl(path, origin);
  const context = {
    places: site.places,
    campaignTitle: (id: string) => site.campaignById.get(id)!.data.shortTitle,
    awardName: (id: string) => site.awards.get(id)!.data.name,
    absolute,
  };
  const items = await Promise.all(exemplars.map(async (e) => embedItem(e, context, await embedPhoto(e.data.photos[0] as Photo | undefined, absolute))));
  const listing = embedListing({ siteName: site.settings.siteName, ...scope, generated: site.today }, items, absolute);
  return new Response(JSON.stringify(listing, null, 2), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
}
