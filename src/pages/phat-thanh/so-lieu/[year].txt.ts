import type { APIRoute, GetStaticPaths } from 'astro';
import { loadSite } from '../../../lib/data/site.ts';
import { figureYearPaths, yearFiguresText } from '../../../lib/figures/radio.ts';

export const getStaticPaths = (async () => figureYearPaths(await loadSite())) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => {
  const { year } = props as { year: number };
  return new Response(yearFiguresText(await loadSite(), year), { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
};
