import type { APIRoute, GetStaticPaths } from 'astro';
import { loadSite, withDetailsKey } from '../../../../lib/data/site.ts';
import { listPages, searchList, type ListPages } from '../../../../lib/search/list-pages.ts';
import { listSlug } from '../../../../lib/search/lists.ts';

/** One list per commune and campaign value in use: a value no page carries has no filter browse to stand in for. */
export const getStaticPaths = (async () => {
  const site = await loadSite();
  return withDetailsKey(
    site,
    listPages(site).map((pages) => ({ params: { filter: pages.filter, value: listSlug(pages.value) }, props: { pages } })),
  );
}) satisfies GetStaticPaths;

interface Props {
  pages: ListPages;
}

export const GET: APIRoute<Props> = async ({ props }) => {
  const site = await loadSite();
  return new Response(JSON.stringify(await searchList(site, props.pages)), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
