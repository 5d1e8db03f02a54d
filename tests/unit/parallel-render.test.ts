/**
 * Page metadata from the render worker: equal photo transforms become one object in the main thread, which Astro's
 * record of reusable pages keeps for every page; what that record says must not change.
 */
import { describe, expect, it } from 'vitest';
import { receivedMetadata, sendableMetadata } from '../../src/integrations/render-messages.ts';

const transform = (finalPath: string, width: number) => ({
  originalPath: '/_astro/dang-thi-hoa.B1x.jpg',
  hash: finalPath.slice(-9, -5),
  finalPath,
  transform: { src: { src: '/_astro/dang-thi-hoa.B1x.jpg', width: 3000, height: 2250, format: 'jpg' }, widths: [320, 480], width, format: 'avif', quality: 60 },
});
/** A page's metadata as the worker has it, sent to the main thread as a message is (structured clone). */
const page = (...entries: ReturnType<typeof transform>[]) => ({ contentEntryKeys: ['exemplars/dang-thi-hoa'], staticImages: entries, referencedImages: [] });
const received = (metadata: unknown, known: Map<string, unknown>) =>
  receivedMetadata(structuredClone(sendableMetadata(metadata)), known) as ReturnType<typeof page>;

describe("a page's metadata sent from a render worker", () => {
  it('arrives with equal transforms of different pages as one object, different ones apart, and the record unchanged', () => {
    const known = new Map<string, unknown>();
    const small = transform('/_astro/dang-thi-hoa.B1x_Z1aa.avif', 320);
    const large = transform('/_astro/dang-thi-hoa.B1x_Z2bb.avif', 480);
    const first = received(page(small, large), known);
    const second = received(page(large, small), known);
    expect(second.staticImages[1]).toBe(first.staticImages[0]);
    expect(second.staticImages[0]).toBe(first.staticImages[1]);
    expect(first.staticImages[0]).not.toBe(first.staticImages[1]);
    // What Astro's record of reusable pages writes of them, property order included.
    expect([JSON.stringify(first), JSON.stringify(second)]).toEqual([JSON.stringify(page(small, large)), JSON.stringify(page(large, small))]);
  });

  it('arrives as it was without photos, and as nothing without metadata', () => {
    const known = new Map<string, unknown>();
    expect(received({ contentEntryKeys: ['places/quoc-oai'] }, known)).toEqual({ contentEntryKeys: ['places/quoc-oai'] });
    expect(received(undefined, known)).toBeUndefined();
    expect(known.size).toBe(0);
  });

  it('loses what a proxy of a photo hides, as the record written as JSON would', () => {
    const photo = new Proxy({ src: '/_astro/a.jpg', width: 10 }, {});
    const sent = received({ staticImages: [{ finalPath: '/_astro/a_Z1.avif', transform: { src: photo, width: 5 } }] }, new Map());
    expect(sent).toEqual({ staticImages: [{ finalPath: '/_astro/a_Z1.avif', transform: { src: { src: '/_astro/a.jpg', width: 10 }, width: 5 } }] });
  });
});
