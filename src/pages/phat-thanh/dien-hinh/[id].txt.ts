import type { APIRoute, GetStaticPaths } from 'astro';
import { exemplarPaths, loadSite, type Exemplar } from '../../../lib/data/site.ts';
import { radioTextHeader, standaloneRadioScript } from '../../../lib/data/radio.ts';
import { scriptText } from '../../../lib/radio/bulletin.ts';

export const getStaticPaths = (async () => {
  const site = await loadSite();
  return exemplarPaths(site);
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => {
  const site = await loadSite();
  const script = standaloneRadioScript(site, (props as { exemplar: Exemplar }).exemplar);
  const text = scriptText(radioTextHeader(site, script.title, script.syllables), script.paragraphs);
  return new Response(text, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
};
