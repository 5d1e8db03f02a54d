/**
 * What keeps other web pages out of the desk. A server on 127.0.0.1 can be reached by any page the editor opens, so
 * every request must name the desk itself in its Host header (a DNS-rebinding page names its own host), a request
 * from another site is refused (Origin and Sec-Fetch-Site), every change of state carries the session's CSRF token,
 * and no CORS header is ever sent.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export function allowedHosts(port: number): Set<string> {
  return new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
}

export function hostAllowed(request: Pick<IncomingMessage, 'headers'>, hosts: ReadonlySet<string>): boolean {
  const host = request.headers.host;
  return typeof host === 'string' && hosts.has(host.toLowerCase());
}

/** A request another site made (a form posted from elsewhere, a fetch from a page the editor visits). */
export function crossSite(request: Pick<IncomingMessage, 'headers'>, hosts: ReadonlySet<string>): boolean {
  const site = request.headers['sec-fetch-site'];
  if (site === 'cross-site' || site === 'same-site') return true;
  const origin = request.headers.origin;
  if (origin === undefined) return false;
  if (origin === 'null') return true;
  try {
    const url = new URL(origin);
    return url.protocol !== 'http:' || !hosts.has(url.host);
  } catch {
    return true;
  }
}

export const newToken = () => randomBytes(24).toString('base64url');

export function tokenMatches(sent: unknown, expected: string): boolean {
  if (typeof sent !== 'string') return false;
  const a = Buffer.from(sent);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Headers of every response: a strict policy, no framing, no sniffing, nothing cached, and no CORS. */
export const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy':
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' blob:; font-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'",
  'X-Frame-Options': 'DENY',
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'same-origin',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Cache-Control': 'no-store',
};
