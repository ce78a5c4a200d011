import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test as base } from '@playwright/test';
import { testModelsDir } from '../support/models.ts';

export interface ServedStation {
  openUrl: string;
  dataDir: string;
  workDir: string;
  process: ChildProcess;
}

/** Starts browser mode with a fresh data folder and waits for the one-time link it prints. */
export async function startStation(workDir: string): Promise<ServedStation> {
  const dataDir = path.join(workDir, 'app-data');
  const child = spawn(process.execPath, ['build/scripts/serve.mjs', '--port', '0'], {
    env: {
      ...process.env,
      CAMTRAP_DATA_DIR: dataDir,
      // The app's home is the test's folder: a library "in Documents" lands there, not in the machine's home.
      HOME: workDir,
      CAMTRAP_VOLUME_ROOTS: path.join(workDir, 'volumes'),
      CAMTRAP_MODELS_DIRS: testModelsDir(),
      CAMTRAP_RESOURCES_DIR: path.join(workDir, 'no-bundled-resources'),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const openUrl = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`browser mode did not start:\n${output}`)), 60_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /http:\/\/127\.0\.0\.1:\d+\/\?token=\S+/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[0]);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`browser mode exited with ${code}:\n${output}`)));
  });
  return { openUrl, dataDir, workDir, process: child };
}

export const test = base.extend<{ station: ServedStation }>({
  // Playwright reads a fixture's dependencies from its destructuring pattern: this one has none.
  // eslint-disable-next-line no-empty-pattern
  station: async ({}, use) => {
    const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'camtrap-e2e-'));
    const station = await startStation(workDir);
    await use(station);
    station.process.kill('SIGTERM');
    fs.rmSync(workDir, { recursive: true, force: true });
  },
});

export { expect } from '@playwright/test';
