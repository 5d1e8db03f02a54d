/**
 * A rendered page in the build's main thread: read by the search index, then by Astro, it must give both the very
 * bytes the page was rendered to, and behave as a response wherever one is expected.
 */
import { describe, expect, it, vi } from 'vitest';
import { RenderedPage } from '../../src/integrations/rendered-page.ts';

const html = '<!doctype html><html lang="vi"><body><h1>Đặng Thị Hoà</h1><p>Người tốt, việc tốt ở xã Đồng Tâm.</p></body></html>';
const init = { status: 200, statusText: 'OK', headers: { 'Content-Type': 'text/html' } };
const bytesOf = (text: string) => new TextEncoder().encode(text).buffer;

/** What Astro's page generation does with a rendered page (astro/dist/core/build/generate.js, renderPath). */
async function asAstroWritesIt(response: Response): Promise<Buffer | null> {
  if (!response.body) return null;
  return Buffer.from(await response.arrayBuffer());
}

describe('RenderedPage', () => {
  it('is read by the search index and then by Astro, both getting the page as rendered', async () => {
    const page = new RenderedPage(bytesOf(html), init);
    expect(page).toBeInstanceOf(Response);
    expect(await page.text()).toBe(html);
    expect(await page.text()).toBe(html);
    expect((await asAstroWritesIt(page))?.toString('utf8')).toBe(html);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html');
  });

  it('gives its bytes as a stream to whoever reads the body, and copies nothing for whoever only looks', async () => {
    const page = new RenderedPage(bytesOf(html), init);
    const copies = vi.spyOn(ArrayBuffer.prototype, 'slice');
    expect(page.body).not.toBeNull();
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(copies).not.toHaveBeenCalled();
    copies.mockRestore();
    expect(await new Response(page.body).text()).toBe(html);
    expect(page.body).toBe(page.body);
    expect(await page.json().catch((error: Error) => error.name)).toBe('SyntaxError');
    expect(await (await page.blob()).text()).toBe(html);
    expect(new TextDecoder().decode(await page.bytes())).toBe(html);
  });

  it('has no body when the page has none, as Astro expects of an empty response', async () => {
    const page = new RenderedPage(null, { status: 204 });
    expect(page.body).toBeNull();
    expect(await asAstroWritesIt(page)).toBeNull();
    expect(await page.text()).toBe('');
  });

  it('turns any response into one that can be read twice, and leaves a rendered page as it is', async () => {
    const plain = new Response(html, { ...init, status: 404, statusText: 'Not Found' });
    const page = await RenderedPage.from(plain);
    expect(page).not.toBe(plain);
    expect([page.status, page.statusText, page.headers.get('content-type')]).toEqual([404, 'Not Found', 'text/html']);
    expect(await page.text()).toBe(html);
    expect((await asAstroWritesIt(page))?.toString('utf8')).toBe(html);
    expect(await RenderedPage.from(page)).toBe(page);
    const empty = await RenderedPage.from(new Response(null, { status: 304 }));
    expect(empty.body).toBeNull();
  });

  it('copies with its status, headers and bytes', async () => {
    const copy = new RenderedPage(bytesOf(html), init).clone();
    expect(copy).toBeInstanceOf(RenderedPage);
    expect(await copy.text()).toBe(html);
    expect(copy.headers.get('content-type')).toBe('text/html');
  });
});
