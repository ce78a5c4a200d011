import fs from 'node:fs';
import type { ServerResponse } from 'node:http';
import path from 'node:path';
import { pipeline } from 'node:stream';

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.map': 'application/json',
  '.woff2': 'font/woff2',
};

/** The same policy Electron's window gets: nothing from the network, no inline scripts. */
export const contentSecurityPolicy =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob: station-media:; connect-src 'self' ws://127.0.0.1:* station-media:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

/**
 * The build names every script and style under assets/ by a hash of its content, so a name never
 * comes back with other content: the browser keeps them, and with them the compiled code it made
 * of them, and the app opens without reading and compiling its code again. The page itself, which
 * names the current ones, is asked for every time.
 */
function cacheControl(relative: string): string {
  return relative.startsWith('/assets/') ? 'private, max-age=31536000, immutable' : 'no-cache';
}

export function serveStatic(root: string, urlPath: string, res: ServerResponse): boolean {
  let relative: string;
  try {
    relative = decodeURIComponent(urlPath === '/' ? '/index.html' : urlPath);
  } catch {
    return false;
  }
  if (relative.includes('\0')) return false;
  const file = path.resolve(root, `.${relative}`);
  if (!file.startsWith(path.resolve(root) + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) return false;
  res.writeHead(200, {
    'Content-Type': types[path.extname(file)] ?? 'application/octet-stream',
    'Content-Security-Policy': contentSecurityPolicy,
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': cacheControl(relative),
  });
  pipeline(fs.createReadStream(file), res, () => undefined);
  return true;
}
