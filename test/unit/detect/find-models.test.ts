import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { findModels } from '../../../electron/backend/detect/find-models.ts';
import { removeTempDirs, tempDir } from '../../support/temp-dir.ts';

afterAll(removeTempDirs);
afterEach(() => {
  delete process.env.CAMTRAP_MODELS_DIRS;
  delete process.env.CAMTRAP_RESOURCES_DIR;
});

function pkg(folder: string, version: string, withFile: boolean): void {
  const manifest = JSON.parse(fs.readFileSync('resources/models/mdv5a/manifest.json', 'utf8')) as Record<string, unknown>;
  fs.mkdirSync(folder, { recursive: true });
  fs.writeFileSync(path.join(folder, 'manifest.json'), JSON.stringify({ ...manifest, version }));
  if (withFile) fs.writeFileSync(path.join(folder, 'md_v5a.0.0.onnx'), 'onnx');
}

describe('finding model packages', () => {
  it('prefers a complete package the user added over the manifest the app ships alone, and skips installs under way', () => {
    const resources = tempDir();
    const dataDir = tempDir();
    process.env.CAMTRAP_RESOURCES_DIR = resources;
    pkg(path.join(resources, 'models', 'mdv5a'), '5a.0.0', false);
    expect(findModels(dataDir)).toMatchObject([{ id: 'mdv5a', modelFile: null }]);
    pkg(path.join(dataDir, 'models', '.install-1-abc', 'package'), '5a.0.0', true);
    pkg(path.join(dataDir, 'models', '.install-2-abc'), '5a.0.0', true);
    expect(findModels(dataDir)).toMatchObject([{ id: 'mdv5a', modelFile: null }]);
    pkg(path.join(dataDir, 'models', 'mdv5a'), '5a.0.0', true);
    expect(findModels(dataDir)).toMatchObject([{ id: 'mdv5a', dir: path.join(dataDir, 'models', 'mdv5a'), modelFile: expect.stringMatching(/md_v5a/) }]);
  });
});
