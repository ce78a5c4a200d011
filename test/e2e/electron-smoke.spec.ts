import fs from 'node:fs';
import { createRequire } from 'node:module';
import { _electron as electron } from '@playwright/test';
import { expect, test } from './fixtures.ts';

const require = createRequire(import.meta.url);

function electronBinary(): string | null {
  try {
    const binary = require('electron') as unknown;
    return typeof binary === 'string' && fs.existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}

const binary = electronBinary();
const display = process.env.DISPLAY ?? process.env.WAYLAND_DISPLAY;
const reason = !binary
  ? 'Electron smoke test not run: the Electron binary is not installed (package.json allowScripts skips its download; it cannot be downloaded on this machine).'
  : !display
    ? 'Electron smoke test not run: there is no display (set DISPLAY, e.g. under xvfb-run).'
    : '';
if (reason) console.log(reason);

test('the Electron window opens the app with its protections on', async () => {
  test.skip(reason !== '', reason);
  const app = await electron.launch({ executablePath: binary as string, args: ['.'] });
  const window = await app.firstWindow();
  await expect(window.getByText('Open a library')).toBeVisible();
  // The page sees the bridge and nothing of Node: no require, no process.
  const seen = await window.evaluate(() => ({
    require: typeof (globalThis as { require?: unknown }).require,
    process: typeof (globalThis as { process?: unknown }).process,
    station: typeof (globalThis as { station?: unknown }).station,
  }));
  expect(seen).toEqual({ require: 'undefined', process: 'undefined', station: 'object' });
  await app.close();
});
