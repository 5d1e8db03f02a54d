import { describe, expect, it } from 'vitest';
import encodeQR from 'qr';
import decodeQR from 'qr/decode.js';
import { QUIET_ZONE, qrSymbol } from '../../src/lib/qr.ts';

/** Paints the path's rectangles on a white RGBA bitmap, `scale` pixels per module. */
function paint(symbol: { size: number; path: string }, scale = 6) {
  const width = symbol.size * scale;
  const data = new Uint8ClampedArray(width * width * 4).fill(255);
  for (const [, x, y, w] of symbol.path.matchAll(/M(\d+) (\d+)h(\d+)v1h-\d+z/g)) {
    for (let py = Number(y) * scale; py < (Number(y) + 1) * scale; py++) {
      for (let px = Number(x) * scale; px < (Number(x) + Number(w)) * scale; px++) data.fill(0, (py * width + px) * 4, (py * width + px) * 4 + 3);
    }
  }
  return { width, height: width, data };
}

describe('QR codes', () => {
  const url = 'https://guong-sang.example.vn/dien-hinh/dang-thi-hoa/';

  it('draws exactly the dark modules of the symbol, quiet zone included', () => {
    const symbol = qrSymbol(url);
    const rows = encodeQR(url, 'raw', { ecc: 'quartile', border: QUIET_ZONE });
    expect(symbol.size).toBe(rows.length);
    const drawn = rows.map((row) => row.map(() => false));
    for (const [, x, y, w] of symbol.path.matchAll(/M(\d+) (\d+)h(\d+)v1h-\d+z/g)) {
      for (let i = 0; i < Number(w); i++) drawn[Number(y)][Number(x) + i] = true;
    }
    expect(drawn).toEqual(rows);
    expect(rows.slice(0, QUIET_ZONE).flat().some(Boolean)).toBe(false);
  });

  it('decodes back to the address it encodes, under a sub-path too', () => {
    expect(decodeQR(paint(qrSymbol(url)))).toBe(url);
    const base = 'https://cong.example.gov.vn/guong-sang/phong-trao/nguoi-tot-viec-tot-quoc-oai-2022/';
    expect(decodeQR(paint(qrSymbol(base)))).toBe(base);
  });
});
