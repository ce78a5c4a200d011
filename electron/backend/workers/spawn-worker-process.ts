import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';

/**
 * Starts a worker as a Node child process speaking JSON lines on stdin and stdout. From source
 * it runs through tsx; in the bundled app the .cjs beside the bundle runs under Electron's Node.
 */
export function spawnWorkerProcess(entry: URL, env: NodeJS.ProcessEnv = process.env): ChildProcess {
  const file = fileURLToPath(entry);
  const options = { stdio: ['pipe', 'pipe', 'pipe'] as ['pipe', 'pipe', 'pipe'], env: { ...env, ELECTRON_RUN_AS_NODE: '1' } };
  if (fs.existsSync(file)) {
    const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
    return spawn(process.execPath, ['--import', tsx, file], options);
  }
  return spawn(process.execPath, [file.replace(/\.ts$/, '.cjs')], options);
}
