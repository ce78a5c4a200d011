import { expect, test } from './fixtures.ts';

/*
 * On a slow laptop the first screen's "create the library here" button can arrive after the
 * person has already tabbed to the language list. It must not take the keyboard from them: the
 * backend's answer naming the default place is held back here until the list has the focus.
 */
test('the first screen leaves the keyboard on the language list when its default button arrives late', async ({ page, station }) => {
  let release: () => void = () => undefined;
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  await page.routeWebSocket(/\/rpc$/, (ws) => {
    const server = ws.connectToServer();
    const held = new Set<number>();
    ws.onMessage((text) => {
      const call = JSON.parse(String(text)) as { id: number; method: string };
      if (call.method === 'library.defaultPlace') held.add(call.id);
      server.send(text);
    });
    server.onMessage((text) => {
      const answer = JSON.parse(String(text)) as { id?: number };
      if (answer.id !== undefined && held.has(answer.id)) void released.then(() => ws.send(text));
      else ws.send(text);
    });
  });

  await page.goto(station.openUrl);
  const languages = page.getByTestId('language');
  await languages.focus();
  await expect(page.getByTestId('library-default')).toHaveCount(0);
  release();
  await expect(page.getByTestId('library-default')).toBeVisible();
  await expect(languages).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(languages).toHaveValue('zh-CN');
});

test('with nothing chosen yet, the default button takes the keyboard so Enter creates the library', async ({ page, station }) => {
  await page.goto(station.openUrl);
  await expect(page.getByTestId('library-default')).toBeFocused();
});
