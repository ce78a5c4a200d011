import path from 'node:path';
import { expect, test } from './fixtures.ts';
import { LibraryScreen } from './pages/app-pages.ts';

/*
 * The grid is the first screen of an open library: its first page is asked for beside the
 * library's name and the saved language, not after them, and is asked for once.
 */
test('opening the app asks for the grid’s first page with its first calls, once', async ({ page, station }) => {
  await page.goto(station.openUrl);
  await new LibraryScreen(page).create(path.join(station.workDir, 'library'));
  await expect(page.getByText('No images yet: import a card.')).toBeVisible();

  const calls: string[] = [];
  await page.routeWebSocket(/\/rpc$/, (ws) => {
    const server = ws.connectToServer();
    ws.onMessage((text) => {
      calls.push((JSON.parse(String(text)) as { method: string }).method);
      server.send(text);
    });
    server.onMessage((text) => ws.send(text));
  });
  await page.goto(new URL(station.openUrl).origin);
  await expect(page.getByText('No images yet: import a card.')).toBeVisible();
  expect(calls.slice(0, 3).sort()).toEqual(['app.preferences', 'library.current', 'media.page']);
  expect(calls.filter((m) => m === 'media.page')).toHaveLength(1);
});
