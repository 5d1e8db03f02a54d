/**
 * A few lines of a story for its poster: its first quotation, with who said it, or else its first paragraph, cut at
 * the end of a sentence. Taken from the story's HTML as the story compiler wrote it, and given back as plain text.
 */

export interface Excerpt {
  text: string;
  /** Who said it, for a quotation: "Bà Đặng Thị Hoà, chi hội trưởng". */
  by?: string;
}

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'", '&#x27;': "'", '&nbsp;': ' ' };
const plain = (html: string) =>
  html
    .replace(/<[^>]*>/g, '')
    .replace(/&(?:amp|lt|gt|quot|nbsp|#39|#x27);/g, (entity) => ENTITIES[entity]!)
    .replace(/\s+/g, ' ')
    .trim();

/** `text` within `max` characters, cut after the last sentence that fits, or at a word with "…". */
export function cutAtSentence(text: string, max: number): string {
  if (text.length <= max) return text;
  const head = text.slice(0, max);
  const sentence = Math.max(head.lastIndexOf('. '), head.lastIndexOf('! '), head.lastIndexOf('? '));
  if (sentence > max / 2) return head.slice(0, sentence + 1);
  return `${head.slice(0, head.lastIndexOf(' ')).replace(/[,;:]$/, '')}…`;
}

export function storyExcerpt(html: string, max = 280): Excerpt | undefined {
  const quote = /<figure class="quote"><blockquote>([\s\S]*?)<\/blockquote><figcaption>([\s\S]*?)<\/figcaption><\/figure>/.exec(html);
  if (quote) return { text: cutAtSentence(plain(quote[1]!), max), by: plain(quote[2]!) || undefined };
  const paragraph = /<p>([\s\S]*?)<\/p>/.exec(html);
  const text = paragraph && plain(paragraph[1]!);
  return text ? { text: cutAtSentence(text, max) } : undefined;
}
