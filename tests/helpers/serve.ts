/** A static file server on loopback for the built site, mounted under the site's base path like a real host. */
import { createServer, type Server } from 'node:http';
import { createServer as createNetServer } from 'node:net';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.xml': 'application/xml',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.png': 'image/png',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.wasm': 'application/wasm',
  '.pdf': 'application/pdf',
};

export interface StaticServer {
  url: string;
  close: () => Promise<void>;
  /** Every path requested, for checks that a page loads nothing unexpected. */
  requests: string[];
  /** Body bytes sent so far, including what web workers fetched. */
  bytesSent: () => number;
}

/** Text that a production server (see scripts/nginx/guong-sang.conf) sends gzip-compressed. */
const COMPRESSIBLE = /^(text\/|application\/(json|xml|javascript))|image\/svg/;

/** `gzip` compresses text for clients that accept it, as a production server does; `port` 0 picks a free one. */
export async function serveStatic(dir: string, { base = '/', headers = {} as Record<string, string>, port = 0, gzip = false } = {}): Promise<StaticServer> {
  const requests: string[] = [];
  let bytes = 0;
  const server: Server = createServer(async (request, response) => {
    const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    requests.push(pathname);
    const notFound = async () => {
      response.writeHead(404, { 'Content-Type': TYPES['.html'], ...headers });
      response.end(await readFile(path.join(dir, '404.html')).catch(() => 'Not found'));
    };
    if (!pathname.startsWith(base)) return notFound();
    let file = path.join(dir, pathname.slice(base.length));
    if (!file.startsWith(dir)) return notFound();
    try {
      if ((await stat(file)).isDirectory()) file = path.join(file, 'index.html');
      const type = TYPES[path.extname(file)] ?? 'application/octet-stream';
      let body = await readFile(file);
      const compress = gzip && COMPRESSIBLE.test(type) && /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''));
      if (compress) body = gzipSync(body);
      response.writeHead(200, {
        'Content-Type': type,
        'Content-Length': body.length,
        ...(compress ? { 'Content-Encoding': 'gzip', Vary: 'Accept-Encoding' } : {}),
        ...headers,
      });
      bytes += body.length;
      response.end(body);
    } catch {
      await notFound();
    }
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const listening = (server.address() as { port: number }).port;
  return {
    url: `http://127.0.0.1:${listening}${base}`,
    requests,
    bytesSent: () => bytes,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** A free loopback port, so that a site can be built for the address it is then served at. */
export async function freePort(): Promise<number> {
  const server = createNetServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}
