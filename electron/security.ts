import { app, session, shell, type WebContents } from 'electron';

export const appOrigin = 'app://bundle';

/**
 * One place for the rules every window follows: no new windows, no navigation away from the
 * app, no webviews, no permissions (camera, microphone, geolocation...), nothing remote.
 */
export function applySecurityRules(): void {
  app.on('web-contents-created', (_event, contents: WebContents) => {
    contents.setWindowOpenHandler(({ url }) => {
      // Links to documentation open in the user's browser; the app never opens a window itself.
      if (url.startsWith('https://')) void shell.openExternal(url);
      return { action: 'deny' };
    });
    contents.on('will-navigate', (event, url) => {
      if (!url.startsWith(`${appOrigin}/`)) event.preventDefault();
    });
    contents.on('will-redirect', (event, url) => {
      if (!url.startsWith(`${appOrigin}/`)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });
  void app.whenReady().then(() => {
    session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
    session.defaultSession.setPermissionCheckHandler(() => false);
    session.defaultSession.setDevicePermissionHandler(() => false);
  });
}

/** The only sender allowed on our IPC channels: the app's own page in the app's own window. */
export function isTrustedSender(frameUrl: string | undefined, sender: WebContents, expected: WebContents | undefined): boolean {
  return expected !== undefined && sender.id === expected.id && typeof frameUrl === 'string' && frameUrl.startsWith(`${appOrigin}/`);
}
