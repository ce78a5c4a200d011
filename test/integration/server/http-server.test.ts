import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { importAndWait } from '../../support/import-and-wait.ts';
import { libraryWithDeployment } from '../../support/library-with-deployment.ts';
import { served } from '../../support/served.ts';
import { heronMedia } from '../../support/shared.ts';
import { removeTempDirs, tempDir } from '../../support/temp-dir.ts';

afterAll(removeTempDirs);

function socket(url: string, headers: Record<string, string>): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`${url.replace('http', 'ws')}/rpc`, { headers });
    ws.once('open', () => resolve(ws));
    ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
    ws.once('error', reject);
  });
}

function ask(ws: WebSocket, id: number, method: string, input: unknown): Promise<unknown> {
  return new Promise((resolve) => {
    const onMessage = (data: WebSocket.RawData) => {
      const m = JSON.parse(String(data)) as { id?: number; result?: unknown };
      if (m.id === id) {
        ws.off('message', onMessage);
        resolve(m.result);
      }
    };
    ws.on('message', onMessage);
    ws.send(JSON.stringify({ id, method, input }));
  });
}

describe('browser mode', () => {
  it('opens only with the one-time link, then with its session cookie', async () => {
    const { server } = await served();
    const token = new URL(server.openUrl).searchParams.get('token') ?? '';
    expect((await fetch(`${server.url}/`)).status).toBe(401);
    expect((await fetch(`${server.url}/?token=wrong`, { redirect: 'manual' })).status).toBe(401);
    const first = await fetch(server.openUrl, { redirect: 'manual' });
    expect(first.status).toBe(303);
    const cookie = (first.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    expect(first.headers.get('set-cookie')).toMatch(/HttpOnly; SameSite=Strict/);
    expect((await fetch(`${server.url}/?token=${token}`, { redirect: 'manual' })).status).toBe(401);
    const page = await fetch(`${server.url}/`, { headers: { cookie } });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toMatch(/default-src 'self'/);
    expect((await fetch(`${server.url}/../../etc/passwd`, { headers: { cookie } })).status).toBe(404);
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    await server.close();
  });

  it('lets the browser keep the hashed scripts, and asks for the page itself every time', async () => {
    const { server, staticDir } = await served();
    fs.mkdirSync(path.join(staticDir, 'assets'));
    fs.writeFileSync(path.join(staticDir, 'assets', 'index-abc123.js'), 'export {};');
    const first = await fetch(server.openUrl, { redirect: 'manual' });
    const cookie = (first.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const page = await fetch(`${server.url}/`, { headers: { cookie } });
    expect(page.headers.get('cache-control')).toBe('no-cache');
    const script = await fetch(`${server.url}/assets/index-abc123.js`, { headers: { cookie } });
    expect(script.status).toBe(200);
    expect(script.headers.get('cache-control')).toBe('private, max-age=31536000, immutable');
    expect(script.headers.get('content-type')).toMatch(/^text\/javascript/);
    await server.close();
  });

  it('answers RPC over a WebSocket from its own page only, with typed error envelopes', async () => {
    const { server } = await served();
    const first = await fetch(server.openUrl, { redirect: 'manual' });
    const cookie = (first.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    await expect(socket(server.url, { origin: server.url })).rejects.toThrow(/HTTP 403/);
    await expect(socket(server.url, { cookie, origin: 'http://evil.example' })).rejects.toThrow(/HTTP 403/);
    const ws = await socket(server.url, { cookie, origin: server.url });
    expect(await ask(ws, 1, 'library.current', {})).toEqual({ ok: true, value: null });
    expect(await ask(ws, 2, 'library.create', { path: 42 })).toMatchObject({ ok: false, error: { code: 'invalid-input', says: { key: 'field-invalid', values: { field: 'path' } } } });
    expect(await ask(ws, 3, 'fs.readFile', { path: '/etc/passwd' })).toMatchObject({ ok: false, error: { code: 'unknown-method', says: { key: 'unknown-method', values: { method: 'fs.readFile' } } } });
    ws.close();
    await server.close();
  });

  it('serves thumbnails and originals by media ID, and to Electron main with its secret', async () => {
    const { t, server } = await served({ internalSecret: 'main-secret' });
    await libraryWithDeployment(t, path.join(tempDir(), 'library'));
    await importAndWait(t, heronMedia(), 'dep1');
    const item = (await t.must('media.page', {})).items[0];
    if (!item) throw new Error('no media');
    expect((await fetch(`${server.url}/media/thumb/${item.mediaID}`)).status).toBe(401);
    const auth = { Authorization: 'Bearer main-secret' };
    const thumb = await fetch(`${server.url}/media/thumb/${item.mediaID}`, { headers: auth });
    expect(thumb.headers.get('content-type')).toBe('image/jpeg');
    const meta = await sharp(Buffer.from(await thumb.arrayBuffer())).metadata();
    expect([meta.width, meta.height]).toEqual([320, 225]);
    const original = Buffer.from(await (await fetch(`${server.url}/media/file/${item.mediaID}`, { headers: auth })).arrayBuffer());
    expect(original.equals(fs.readFileSync(path.join(heronMedia(), item.fileName)))).toBe(true);
    expect((await fetch(`${server.url}/media/thumb/0000000000000000`, { headers: auth })).status).toBe(404);
    // Someone deleted a picture from media/ by hand: a 404, and the backend keeps answering.
    const root = t.backend.requireLibrary().paths.root;
    fs.rmSync(path.join(root, item.filePath));
    expect((await fetch(`${server.url}/media/file/${item.mediaID}`, { headers: auth })).status).toBe(404);
    expect((await fetch(`${server.url}/media/thumb/${item.mediaID}`, { headers: auth })).status).toBe(200);
    await server.close();
  });
});
