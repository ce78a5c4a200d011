import fs from 'node:fs';
import path from 'node:path';
import { net, protocol } from 'electron';
import { contentSecurityPolicy } from './backend/server/static-files.ts';

/** Must run before the app is ready: the schemes behave like https (secure, fetchable, streamable). */
export function registerSchemes(): void {
  protocol.registerSchemesAsPrivileged([
    // codeCache: V8 keeps the compiled renderer between starts, as a browser does for a cached script.
    { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
    { scheme: 'station-media', privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true } },
  ]);
}

const types: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.svg': 'image/svg+xml', '.png': 'image/png', '.map': 'application/json' };

/**
 * app:// serves the built renderer; station-media:// asks the backend's media route for
 * thumbnails and originals. The renderer never gets a file:// URL or a path.
 */
export function handleProtocols(rendererDir: string, media: () => { port: number; secret: string } | null): void {
  protocol.handle('app', (request) => {
    const url = new URL(request.url);
    const file = path.resolve(rendererDir, `.${decodeURIComponent(url.pathname === '/' ? '/index.html' : url.pathname)}`);
    if (!file.startsWith(rendererDir + path.sep) || !fs.existsSync(file)) return new Response('Not found', { status: 404 });
    return new Response(fs.readFileSync(file), {
      headers: { 'Content-Type': types[path.extname(file)] ?? 'application/octet-stream', 'Content-Security-Policy': contentSecurityPolicy },
    });
  });
  protocol.handle('station-media', (request) => {
    const backend = media();
    const url = new URL(request.url);
    if (!backend || !/^(thumb|file|play|tiles|overlay|pmtiles)$/.test(url.hostname)) return new Response('Not available', { status: 503 });
    // A PMTiles reader and a video element ask for byte ranges: the Range header is passed on, nothing
    // else, and the backend's 206 or 416 comes back as it is (a video seeks only with ranges).
    const range = request.headers.get('Range');
    return net.fetch(`http://127.0.0.1:${backend.port}/media/${url.hostname}${url.pathname}`, { headers: { Authorization: `Bearer ${backend.secret}`, ...(range ? { Range: range } : {}) } });
  });
}
