/**
 * What every request and answer of the desk goes through: the security headers of every answer, the size limit of
 * every body, the session cookie, and the only addresses a login may send the editor back to.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { desk } from '../i18n/desk.ts';
import { SECURITY_HEADERS } from './guard.ts';

export const MAX_BODY = 17 * 1024 * 1024;

export class HttpError extends Error {
  readonly status: number;
  constructor(status: number, message: string) {
    super(message);
    this.status = status;
  }
}

export function send(res: ServerResponse, status: number, body: string | Buffer, type = 'text/html; charset=utf-8', headers: Record<string, string> = {}) {
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': type, ...headers });
  res.end(body);
}

export async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) throw new HttpError(413, desk.refused.tooLarge);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

export const sessionCookie = (id: string, maxAge?: number) =>
  `desk_session=${id}; Path=/; HttpOnly; SameSite=Strict${maxAge === undefined ? '' : `; Max-Age=${maxAge}`}`;

/** Where to go after logging in: a path of the desk itself, never another site. */
export const safeNext = (next: string) => (/^\/(?![/\\])[^\s]*$/.test(next) && !next.startsWith('/dang-nhap') ? next : '/');

/** The type of each photo file the desk shows. */
export const IMAGE_TYPES: Record<string, string> = {
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.png': 'image/png',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
};

/** A percent-encoded value, or '' if it is malformed (which no page of the desk sends). */
export function decodeSafely(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return '';
  }
}
