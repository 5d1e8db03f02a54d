/**
 * Who is at the desk. A session is a random id in an HttpOnly, SameSite=Strict cookie, kept in this process's memory
 * only (a restart asks everyone to log in again), ending after a time without use and after a working day in any case.
 * Failed logins are counted per account and per computer, and a login is refused for a while after too many.
 */
import { randomBytes } from 'node:crypto';

export interface Session {
  id: string;
  /** The account's login name; '' before login, and for the one local user of a desk without accounts. */
  username: string;
  created: number;
  seen: number;
  /** A fingerprint of the account's password when the session began: the session ends when the password changes. */
  stamp?: string;
}

export interface SessionTimes {
  /** A session unused this long ends. */
  idleMs: number;
  /** No session lasts longer than this. */
  maxMs: number;
}

export const DEFAULT_SESSION_TIMES: SessionTimes = { idleMs: 2 * 60 * 60 * 1000, maxMs: 12 * 60 * 60 * 1000 };

export class Sessions {
  private sessions = new Map<string, Session>();
  private times: SessionTimes;
  private now: () => number;
  constructor(times: SessionTimes = DEFAULT_SESSION_TIMES, now: () => number = Date.now) {
    this.times = times;
    this.now = now;
  }

  /** The live session of an id, its use noted; undefined if unknown or expired. */
  get(id: string | undefined): Session | undefined {
    if (!id) return undefined;
    const session = this.sessions.get(id);
    if (!session) return undefined;
    const now = this.now();
    if (now - session.seen > this.times.idleMs || now - session.created > this.times.maxMs) {
      this.sessions.delete(id);
      return undefined;
    }
    session.seen = now;
    return session;
  }

  /** A new session; logging in always makes a new one, so an id known before the login is worth nothing after. */
  start(username = '', stamp?: string): Session {
    this.prune();
    const now = this.now();
    const session = { id: randomBytes(32).toString('base64url'), username, created: now, seen: now, stamp };
    this.sessions.set(session.id, session);
    return session;
  }

  end(id: string) {
    this.sessions.delete(id);
  }

  /** Ends every session of an account (its password changed, or it was removed). */
  endAllOf(username: string) {
    for (const [id, session] of this.sessions) if (session.username === username) this.sessions.delete(id);
  }

  get maxAgeSeconds() {
    return Math.floor(this.times.maxMs / 1000);
  }

  private prune() {
    const now = this.now();
    for (const [id, s] of this.sessions) if (now - s.seen > this.times.idleMs || now - s.created > this.times.maxMs) this.sessions.delete(id);
  }
}

export interface LoginLimits {
  /** Failed logins allowed for one account, or from one computer, within the window. */
  perAccount: number;
  perAddress: number;
  windowMs: number;
}

export const DEFAULT_LOGIN_LIMITS: LoginLimits = { perAccount: 5, perAddress: 20, windowMs: 15 * 60 * 1000 };

/** Failed logins within a sliding window, by account and by address. */
export class LoginLimiter {
  private failures = new Map<string, number[]>();
  private limits: LoginLimits;
  private now: () => number;
  constructor(limits: LoginLimits = DEFAULT_LOGIN_LIMITS, now: () => number = Date.now) {
    this.limits = limits;
    this.now = now;
  }

  private recent(key: string): number[] {
    const since = this.now() - this.limits.windowMs;
    const list = (this.failures.get(key) ?? []).filter((t) => t > since);
    if (list.length) this.failures.set(key, list);
    else this.failures.delete(key);
    return list;
  }

  /** Seconds until a login may be tried again, or 0 if it may be tried now. */
  waitSeconds(username: string, address: string): number {
    const wait = (key: string, limit: number) => {
      const list = this.recent(key);
      return list.length >= limit ? Math.ceil((list[list.length - limit]! + this.limits.windowMs - this.now()) / 1000) : 0;
    };
    return Math.max(wait(`u:${username}`, this.limits.perAccount), wait(`a:${address}`, this.limits.perAddress));
  }

  failed(username: string, address: string) {
    for (const key of [`u:${username}`, `a:${address}`]) this.failures.set(key, [...this.recent(key), this.now()]);
  }

  succeeded(username: string) {
    this.failures.delete(`u:${username}`);
  }
}
