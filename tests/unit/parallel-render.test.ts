/**
 * Page metadata from the render worker: equal photo transforms become one object in the main thread, which Astro's
 * record of reusable pages keeps for every page; what that record says must not change.
 */
import { describe, expect, it } from 'vitest';
import { shareTransforms } from '../../src/integrations/parallel-render.ts';

const transform = (finalPath: string, width: number) => ({
  originalPath: '/_astro/dang-thi-hoa.B1x.jpg',
  hash: finalPath.slice(-9, -5),
  finalPath,
  transform: { src: { src: '/_astro/dang-thi-hoa.B1x.jpg', width: 3000, height: 2250, format: 'jpg' }, widths: [320, 480], width, format: 'avif', quality: 60 },
});
/** As a page's metadata arrives from a worker: new objects every time. */
const page = (...entries: ReturnType<typeof transform>[]) => ({ contentEntryKeys: ['exemplars/dang-thi-hoa'], staticImages: structuredClone(entries) });

describe('shareTransforms', () => {
  it('makes equal transforms of different pages one object, keeps different ones apart, and changes nothing the record says', () => {
    const known = new Map<string, unknown>();
    const small = transform('/_astro/dang-thi-hoa.B1x_Z1aa.avif', 320);
    const large = transform('/_astro/dang-thi-hoa.B1x_Z2bb.avif', 480);
    const first = page(small, large);
    const second = page(large, small);
    const written = [JSON.stringify(first), JSON.stringify(second)];
    shareTransforms(first, known);
    shareTransforms(second, known);
    expect(second.staticImages[1]).toBe(first.staticImages[0]);
    expect(second.staticImages[0]).toBe(first.staticImages[1]);
    expect(first.staticImages[0]).not.toBe(first.staticImages[1]);
    expect([JSON.stringify(first), JSON.stringify(second)]).toEqual(written);
  });

  it('leaves metadata without photos as it is', () => {
    const known = new Map<string, unknown>();
    const metadata = { contentEntryKeys: ['places/quoc-oai'] };
    shareTransforms(metadata, known);
    shareTransforms(undefined, known);
    expect(metadata).toEqual({ contentEntryKeys: ['places/quoc-oai'] });
    expect(known.size).toBe(0);
  });
});
