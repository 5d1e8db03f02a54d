/**
 * JSON in a <script> element (JSON-LD, data for the search page), where "</script>" or "<!--" in a name would end the block and let
 * the rest run as HTML. Escaping every <, > and & as \u escapes keeps the JSON identical and inert.
 */
export function serializeJsonForHtml(data: unknown): string {
  return JSON.stringify(data)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
