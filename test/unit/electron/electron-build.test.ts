import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';

// The Electron binary cannot run here; what can be checked without it is that main, preload,
// the backend and its worker bundle, and that the window keeps every protection on.
describe('the Electron shell', () => {
  it('bundles main, preload, the backend and its copy and detection workers', () => {
    const r = spawnSync(process.execPath, ['build/scripts/build-electron.mjs'], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    for (const f of ['main.cjs', 'preload.cjs', 'backend.cjs', 'copy-worker.cjs', 'detect-worker.cjs', 'map-worker.cjs']) expect(fs.existsSync(`dist-electron/${f}`), f).toBe(true);
    expect(fs.readFileSync('dist-electron/preload.cjs', 'utf8')).not.toMatch(/require\("(fs|child_process|node:)/);
  });

  it('keeps sandbox, context isolation and web security on, and node integration off', () => {
    const main = fs.readFileSync('electron/main.ts', 'utf8');
    expect(main).toMatch(/contextIsolation: true/);
    expect(main).toMatch(/sandbox: true/);
    expect(main).toMatch(/nodeIntegration: false/);
    expect(main).toMatch(/webSecurity: true/);
    expect(main).toMatch(/requestSingleInstanceLock/);
    const security = fs.readFileSync('electron/security.ts', 'utf8');
    for (const rule of ['setWindowOpenHandler', "'will-navigate'", "'will-attach-webview'", 'setPermissionRequestHandler']) expect(security).toContain(rule);
  });
});
