import crypto from 'node:crypto';
import type { IncomingMessage } from 'node:http';

const cookieName = 'camtrap_session';

/**
 * Browser mode is reachable by anything on this machine, so it is opened with a one-time token
 * from the printed link; the token is exchanged for a session cookie (HttpOnly, SameSite=Strict)
 * and cannot be used twice.
 */
export class SessionAuth {
  private token: string | null = crypto.randomBytes(24).toString('base64url');
  private readonly sessions = new Set<string>();

  /** Under Electron, main fetches media for its station-media:// protocol with this secret instead of a cookie. */
  constructor(private readonly internalSecret: string | null = null) {}

  get oneTimeToken(): string | null {
    return this.token;
  }

  /** Returns a Set-Cookie value when the request carries the unused token. */
  redeem(token: string | null): string | null {
    if (!token || !this.token || !safeEqual(token, this.token)) return null;
    this.token = null;
    const session = crypto.randomBytes(32).toString('base64url');
    this.sessions.add(session);
    return `${cookieName}=${session}; HttpOnly; SameSite=Strict; Path=/`;
  }

  isAuthenticated(req: IncomingMessage): boolean {
    const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    if (this.internalSecret && bearer && safeEqual(bearer, this.internalSecret)) return true;
    const value = parseCookies(req.headers.cookie ?? '')[cookieName];
    return value !== undefined && this.sessions.has(value);
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
