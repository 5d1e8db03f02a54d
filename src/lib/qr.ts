/**
 * QR codes drawn at build time, so that printed posters link back to the site without any client script. The
 * symbol is returned as SVG path data, not as the library's own SVG, so that the page controls every attribute and
 * nothing needs a style attribute under a strict Content Security Policy.
 */
import encodeQR from 'qr';

/** Light modules around the symbol, as the QR standard asks, so that phones find it on a crowded notice board. */
export const QUIET_ZONE = 4;

export interface QrSymbol {
  /** Width and height in modules, quiet zone included. */
  size: number;
  /** Dark modules as one SVG path, a rectangle per horizontal run. */
  path: string;
}

/**
 * The QR symbol of `text`. Error correction "quartile" (25 %) keeps a code readable when a printed sheet gets
 * creased, faded or pinned through.
 */
export function qrSymbol(text: string): QrSymbol {
  const rows = encodeQR(text, 'raw', { ecc: 'quartile', border: QUIET_ZONE });
  let path = '';
  rows.forEach((row, y) => {
    for (let x = 0; x < row.length; x++) {
      if (!row[x]) continue;
      const start = x;
      while (row[x + 1]) x++;
      path += `M${start} ${y}h${x + 1 - start}v1h-${x + 1 - start}z`;
    }
  });
  return { size: rows.length, path };
}
