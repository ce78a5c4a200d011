import path from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, MessageChannelMain, utilityProcess, type UtilityProcess } from 'electron';
import { handleProtocols, registerSchemes } from './protocol.ts';
import { appOrigin, applySecurityRules, isTrustedSender } from './security.ts';
import { Supervisor } from './supervisor.ts';

// Main only makes windows, wires ports and applies the rules: the library, files and jobs live
// in the backend utilityProcess, so a long import never freezes a window.
let supervisor: Supervisor<UtilityProcess> | null = null;
let media: { port: number; secret: string } | null = null;
let window: BrowserWindow | undefined;

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  registerSchemes();
  applySecurityRules();
  app.on('second-instance', () => {
    if (window?.isMinimized()) window.restore();
    window?.focus();
  });
  app
    .whenReady()
    .then(start)
    .catch((err: unknown) => {
      // Nothing is on screen yet: a system dialog is the only way to tell the user.
      dialog.showErrorBox('Camtrap Station could not start', err instanceof Error ? err.message : String(err));
      app.quit();
    });
  app.on('window-all-closed', () => app.quit());
  app.on('before-quit', () => supervisor?.stop());
}

function startBackend(): UtilityProcess {
  const child = utilityProcess.fork(path.join(__dirname, 'backend.cjs'), [], {
    serviceName: 'Camtrap Station backend',
    env: { ...process.env, CAMTRAP_DATA_DIR: process.env.CAMTRAP_DATA_DIR ?? app.getPath('userData') },
  });
  child.on('message', (m: { type?: string; port?: number; secret?: string }) => {
    if (m.type === 'media-server' && typeof m.port === 'number' && typeof m.secret === 'string') media = { port: m.port, secret: m.secret };
  });
  return child;
}

/** A new channel between the window and the backend now running. */
function connectWindow(target: Electron.WebContents): void {
  const backend = supervisor?.current;
  if (!backend) return;
  const { port1, port2 } = new MessageChannelMain();
  backend.postMessage({ type: 'renderer' }, [port1]);
  target.postMessage('station:port', null, [port2]);
}

function start(): void {
  supervisor = new Supervisor(
    startBackend,
    (_child, restart) => {
      if (restart && window) connectWindow(window.webContents);
    },
    (code) => {
      media = null;
      window?.webContents.send('station:backend-lost', code);
    },
  );
  supervisor.start();
  handleProtocols(path.join(__dirname, '..', 'dist', 'renderer'), () => media);
  window = new BrowserWindow({
    width: 1366,
    height: 768,
    minWidth: 1024,
    minHeight: 640,
    title: 'Camtrap Station',
    webPreferences: {
      preload: path.join(__dirname, 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
    },
  });
  ipcMain.on('station:ready', (event) => {
    if (!isTrustedSender(event.senderFrame?.url, event.sender, window?.webContents)) return;
    connectWindow(event.sender);
  });
  ipcMain.handle('station:pick-folder', async (event) => {
    if (!window || !isTrustedSender(event.senderFrame?.url, event.sender, window.webContents)) return null;
    const picked = await dialog.showOpenDialog(window, { properties: ['openDirectory', 'createDirectory'] });
    return picked.canceled ? null : (picked.filePaths[0] ?? null);
  });
  void window.loadURL(`${appOrigin}/index.html`);
}
