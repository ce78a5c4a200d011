import os from 'node:os';
import path from 'node:path';

/**
 * The app's own folder (logs, recent libraries). Electron passes its userData path; the CLI and
 * browser mode follow each system's convention. CAMTRAP_DATA_DIR overrides for tests and portable installs.
 */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (env.CAMTRAP_DATA_DIR) return path.resolve(env.CAMTRAP_DATA_DIR);
  const home = os.homedir();
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), 'Camtrap Station');
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', 'Camtrap Station');
  return path.join(env.XDG_DATA_HOME ?? path.join(home, '.local', 'share'), 'camtrap-station');
}
