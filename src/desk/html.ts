/**
 * HTML written on the server with every interpolated value escaped: text from content files and from the browser
 * never reaches the page as markup. A value is trusted only when it was itself made by `html` (or `raw`, for the
 * story preview, which the safe story compiler wrote).
 */
const TRUSTED = Symbol('trusted html');

export interface Html {
  readonly [TRUSTED]: true;
  readonly text: string;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (ch) => ESCAPES[ch]!);
}

const isHtml = (value: unknown): value is Html => typeof value === 'object' && value !== null && TRUSTED in value;

/** Markup made elsewhere and known to be safe (the story compiler's output). */
export const raw = (text: string): Html => ({ [TRUSTED]: true, text });

type Value = Html | string | number | boolean | null | undefined | readonly Value[];

function render(value: Value): string {
  if (value === null || value === undefined || value === false) return '';
  if (Array.isArray(value)) return value.map(render).join('');
  if (isHtml(value)) return value.text;
  return escapeHtml(String(value));
}

export function html(strings: TemplateStringsArray, ...values: Value[]): Html {
  let out = strings[0]!;
  values.forEach((value, i) => (out += render(value) + strings[i + 1]!));
  return raw(out);
}
