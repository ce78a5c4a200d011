import fs from 'node:fs';
import path from 'node:path';
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { afterAll, describe, expect, it } from 'vitest';

// Probe files are written into the real tree (the rules work on folders), in no tsconfig, so
// they are linted without type information, and removed afterwards.
const eslint = new ESLint({ overrideConfig: tseslint.configs.disableTypeChecked });
const probes: string[] = [];

function probe(relative: string, code: string): string {
  const file = path.resolve(relative);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, code);
  probes.push(path.dirname(file));
  return file;
}

async function ruleHits(file: string, rule: string): Promise<string[]> {
  const [result] = await eslint.lintFiles([file]);
  return (result?.messages ?? []).filter((m) => m.ruleId === rule).map((m) => m.message);
}

afterAll(() => {
  for (const dir of new Set(probes)) fs.rmSync(dir, { recursive: true, force: true });
});

describe('the layers, enforced by lint', () => {
  const dir = `lint-probe-${process.pid}`;

  it('refuses an import from a layer above: the library importing the composition root', async () => {
    const file = probe(`electron/backend/library/${dir}/upward.ts`, "import { createBackend } from '../../app/backend.ts';\nexport const x = createBackend;\n");
    expect(await ruleHits(file, 'import-x/no-restricted-paths')).toEqual([expect.stringMatching(/library layer may not import from the layers above/)]);
  });

  it('refuses a domain importing the roof, and the renderer components importing a page', async () => {
    const domain = probe(`electron/backend/detect/${dir}/roof.ts`, "import { dispatch } from '../../api/dispatch.ts';\nexport const x = dispatch;\n");
    expect(await ruleHits(domain, 'import-x/no-restricted-paths')).toHaveLength(1);
    const component = probe(`renderer/components/${dir}/page.ts`, "import { MapPage } from '../../pages/map/MapPage.tsx';\nexport const x = MapPage;\n");
    expect(await ruleHits(component, 'import-x/no-restricted-paths')).toHaveLength(1);
  });

  it('lets a domain import the library and the ground below it', async () => {
    const file = probe(`electron/backend/review/${dir}/down.ts`, "import { StationError } from '../../rpc/envelope.ts';\nimport { libraryPaths } from '../../library/library-paths.ts';\nexport const x = [StationError, libraryPaths];\n");
    expect(await ruleHits(file, 'import-x/no-restricted-paths')).toEqual([]);
  });

  it('refuses an import cycle, even within one layer', async () => {
    const a = probe(`electron/backend/analysis/${dir}/a.ts`, "import { b } from './b.ts';\nexport const a = (): number => b() + 1;\n");
    probe(`electron/backend/analysis/${dir}/b.ts`, "import { a } from './a.ts';\nexport const b = (): number => a() - 1;\n");
    expect(await ruleHits(a, 'import-x/no-cycle')).toHaveLength(1);
  });

  it('finds neither an upward import nor a cycle in the code as it is', async () => {
    const results = await eslint.lintFiles(['electron', 'renderer']);
    const hits = results.flatMap((r) => r.messages.filter((m) => m.ruleId === 'import-x/no-cycle' || m.ruleId === 'import-x/no-restricted-paths').map((m) => `${r.filePath}: ${m.message}`));
    expect(hits.filter((h) => !h.includes('lint-probe-'))).toEqual([]);
  });
});
