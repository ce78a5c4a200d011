import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';

// Probe texts are in no tsconfig: they are linted without type information.
const eslint = new ESLint({ overrideConfig: tseslint.configs.disableTypeChecked });

async function problems(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('the process boundary, enforced by lint', () => {
  it('refuses electron, node, the database, the engine and backend internals in the renderer', async () => {
    const code = [
      "import { ipcRenderer } from 'electron';",
      "import fs from 'node:fs';",
      "import path from 'path';",
      "import Database from 'better-sqlite3';",
      "import Docker from 'dockerode';",
      "import { openDatabase } from '../electron/backend/library/db.ts';",
      'console.log(ipcRenderer, fs, path, Database, Docker, openDatabase);',
    ].join('\n');
    const found = await problems('renderer/pages/probe.ts', code);
    expect(found).toHaveLength(6);
  });

  it('lets the renderer import the contract and the error envelope', async () => {
    const code = [
      "import type { MediaItem } from '../../../electron/backend/library/contract.ts';",
      "import type { Envelope } from '../../../electron/backend/rpc/envelope.ts';",
      "import type { MethodName } from '../../../electron/backend/api/contract.ts';",
      'export type X = [MediaItem, Envelope<1>, MethodName];',
    ].join('\n');
    expect(await problems('renderer/pages/media/probe.ts', code)).toEqual([]);
  });

  it('keeps electron out of the backend, which also runs in plain Node', async () => {
    expect(await problems('electron/backend/library/probe.ts', "import { app } from 'electron';\nconsole.log(app);")).toHaveLength(1);
  });
});
