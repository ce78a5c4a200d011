import crypto from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export interface SessionOptions {
  /** Under Electron, main fetches media for its station-media:// protocol with this secret instead of a cookie. */
  internalSecret?: string | null;
  /** A session unused this long is closed: the page then asks for a new link. */
  idleMs?: number;
  now?: () => number;
}

const defaultIdleMs = 8 * 60 * 60 * 1000;

/**
 * Browser mode is reachable by anything on this machine, so it is opened with a one-time token
 * from the printed link; the token is exchanged for a session cookie (HttpOnly, SameSite=Strict)
 * and cannot be used twice. Browsers share cookies between ports of one host, so the cookie's
 * name is this server's own: another local server never receives a session it could replay.
 */
export class SessionAuth {
  private token: string | null = null;
  private readonly sessions = new Map<string, number>();
  readonly cookieName = `camtrap_session_${crypto.randomBytes(6).toString('hex')}`;
  private readonly idleMs: number;
  private readonly now: () => number;

  constructor(private readonly options: SessionOptions = {}) {
    this.idleMs = options.idleMs ?? defaultIdleMs;
    this.now = options.now ?? Date.now;
    this.newToken();
  }

  get oneTimeToken(): string | null {
    return this.token;
  }

  /** A fresh one-time token (the old one stops working): for a new link without a restart. */
  newToken(): string {
    this.token = crypto.randomBytes(24).toString('base64url');
    return this.token;
  }

  /** Returns a Set-Cookie value when the request carries the unused token. */
  redeem(token: string | null): string | null {
    if (!token || !this.token || !safeEqual(token, this.token)) return null;
    this.token = null;
    const session = crypto.randomBytes(32).toString('base64url');
    this.sessions.set(session, this.now());
    return `${this.cookieName}=${session}; HttpOnly; SameSite=Strict; Path=/`;
  }

  isAuthenticated(req: IncomingMessage): boolean {
    const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    if (this.options.internalSecret && bearer && safeEqual(bearer, this.options.internalSecret)) return true;
    const value = parseCookies(req.headers.cookie ?? '')[this.cookieName];
    if (value === undefined) return false;
    const seen = this.sessions.get(value);
    if (seen === undefined) return false;
    if (this.now() - seen > this.idleMs) {
      this.sessions.delete(value);
      return false;
    }
    this.sessions.set(value, this.now());
    return true;
  }
}

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && crypto.timingSafeEqual(x, y);
}

function parseCookies(header: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of header.split(';')) {
    const i = part.indexOf('=');
    if (i > 0) out[part.slice(0, i).trim()] = part.slice(i + 1).trim();
  }
  return out;
}
