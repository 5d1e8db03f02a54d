/**
 * A rendered page held as its bytes, for the build's main thread. Astro reads a rendered page once
 * (`arrayBuffer()`), the search index once more (`text()`); with a web `Response` each read goes through a web
 * stream, and the search index had to build a second `Response` for Astro: about 0.1 ms of the main thread per page
 * on a small site and nearly 1 ms at 100,000 exemplars, where that thread decides how fast pages are written. This
 * one keeps the bytes, answers every read with them (the text decoded once), and makes a stream only if one is
 * asked for.
 */
export class RenderedPage extends Response {
  readonly #bytes: ArrayBuffer | null;
  #text: string | undefined;
  #stream: ReadableStream<Uint8Array<ArrayBuffer>> | null | undefined;

  constructor(bytes: ArrayBuffer | null, init: ResponseInit) {
    super(null, init);
    this.#bytes = bytes;
  }

  /** The page as a response of its own: a rendered page's bytes, read as they are; any other body, read once. */
  static async from(response: Response): Promise<RenderedPage> {
    if (response instanceof RenderedPage) return response;
    const bytes = response.body === null ? null : await response.arrayBuffer();
    return new RenderedPage(bytes, { status: response.status, statusText: response.statusText, headers: response.headers });
  }

  override get body(): ReadableStream<Uint8Array<ArrayBuffer>> | null {
    if (this.#stream === undefined) {
      const bytes = this.#bytes;
      this.#stream =
        bytes === null
          ? null
          : // No high-water mark: the bytes are copied only if the stream is read, not when it is made.
            new ReadableStream<Uint8Array<ArrayBuffer>>(
              {
                pull(controller) {
                  controller.enqueue(new Uint8Array(bytes.slice(0)));
                  controller.close();
                },
              },
              { highWaterMark: 0 },
            );
    }
    return this.#stream;
  }

  override async arrayBuffer(): Promise<ArrayBuffer> {
    return this.#bytes ?? new ArrayBuffer(0);
  }

  override async bytes(): Promise<Uint8Array<ArrayBuffer>> {
    return new Uint8Array(await this.arrayBuffer());
  }

  override async text(): Promise<string> {
    return (this.#text ??= this.#bytes === null ? '' : new TextDecoder().decode(this.#bytes));
  }

  override async json(): Promise<unknown> {
    return JSON.parse(await this.text());
  }

  override async blob(): Promise<Blob> {
    return new Blob(this.#bytes === null ? [] : [this.#bytes], { type: this.headers.get('content-type') ?? '' });
  }

  override clone(): RenderedPage {
    return new RenderedPage(this.#bytes, { status: this.status, statusText: this.statusText, headers: this.headers });
  }
}
