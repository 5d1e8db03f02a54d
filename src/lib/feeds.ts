/**
 * RSS 2.0 and JSON Feed 1.1 of newly published exemplars, for a district e-portal to pick up: site-wide, per
 * campaign and per commune. Content is the story as the safe story compiler rendered it, photo markers removed.
 */
import { PHOTO_MARKER } from './mdx/compile.ts';

export interface FeedChannel {
  title: string;
  description: string;
  /** Page the feed belongs to. */
  home: string;
  /** Address of this feed. */
  self: string;
}

export interface FeedItem {
  url: string;
  title: string;
  summary: string;
  html: string;
  /** ISO date. */
  date: string;
  author: string;
  tags: string[];
}

/**
 * Newest items a feed carries. Each carries its whole story (about 4 KB): a feed reader or an e-portal fetches the
 * whole feed each time it looks for news, often over a phone's connection, and shows the newest few. Twenty keep a
 * busy commune's feed near 75 KB; fifty made it 190 KB (and, at 10,000 exemplars, 136 MB of the 730 MB output).
 * Older stories stay on the commune's and the campaign's pages.
 */
export const FEED_SIZE = 20;

const xml = (value: string) =>
  value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, '');

export function feedHtml(storyHtml: string): string {
  return storyHtml.replace(PHOTO_MARKER, '').trim();
}

/** RFC 822 date at noon in Vietnam, so that no reader's time zone moves it to another day. */
function rfc822(date: string): string {
  return new Date(`${date}T12:00:00+07:00`).toUTCString();
}

export function rss(channel: FeedChannel, items: readonly FeedItem[]): string {
  const entries = items.map(
    (item) => `    <item>
      <title>${xml(item.title)}</title>
      <link>${xml(item.url)}</link>
      <guid isPermaLink="true">${xml(item.url)}</guid>
      <pubDate>${rfc822(item.date)}</pubDate>
      <description>${xml(item.summary)}</description>
      <content:encoded>${xml(item.html)}</content:encoded>
${item.tags.map((tag) => `      <category>${xml(tag)}</category>`).join('\n')}
    </item>`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:content="http://purl.org/rss/1.0/modules/content/">
  <channel>
    <title>${xml(channel.title)}</title>
    <link>${xml(channel.home)}</link>
    <description>${xml(channel.description)}</description>
    <language>vi</language>
    <atom:link href="${xml(channel.self)}" rel="self" type="application/rss+xml"/>
${entries.join('\n')}
  </channel>
</rss>
`;
}

export function jsonFeed(channel: FeedChannel, items: readonly FeedItem[]): string {
  return JSON.stringify(
    {
      version: 'https://jsonfeed.org/version/1.1',
      title: channel.title,
      home_page_url: channel.home,
      feed_url: channel.self,
      description: channel.description,
      language: 'vi',
      items: items.map((item) => ({
        id: item.url,
        url: item.url,
        title: item.title,
        summary: item.summary,
        content_html: item.html,
        date_published: `${item.date}T12:00:00+07:00`,
        authors: [{ name: item.author }],
        tags: item.tags,
      })),
    },
    null,
    2,
  );
}
