import fs from 'node:fs';
import path from 'node:path';
import { safeFolderName } from '../../safe-fs/folder-name.ts';
import { processAlive } from '../../workers/process-alive.ts';

/**
 * Hidden folders an install left when the app stopped half-way (.install-<pid>-…, .replaced-<pid>-…)
 * and whose process is gone. A replaced package whose successor never arrived goes back in place.
 */
export async function removeLeftovers(modelsDir: string): Promise<void> {
  for (const entry of await fs.promises.readdir(modelsDir)) {
    const match = /^\.(install|replaced)-(\d+)-/.exec(entry);
    if (!match || (Number(match[2]) !== process.pid && processAlive(Number(match[2])))) continue;
    const dir = path.join(modelsDir, entry);
    if (match[1] === 'replaced') {
      const id = await fs.promises
        .readFile(path.join(dir, 'manifest.json'), 'utf8')
        .then((text) => (JSON.parse(text) as { id?: unknown }).id)
        .catch(() => null);
      const home = typeof id === 'string' && id !== '' ? path.join(modelsDir, safeFolderName(id)) : null;
      if (home && !fs.existsSync(home)) {
        await fs.promises.rename(dir, home);
        continue;
      }
    }
    await fs.promises.rm(dir, { recursive: true, force: true });
  }
}
