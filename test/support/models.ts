import fs from 'node:fs';
import path from 'node:path';
import { sharedPath } from './shared.ts';
import { tempDir } from './temp-dir.ts';

/**
 * A models folder holding the development model package: the manifest the app ships in
 * resources/models, and the ONNX file from ../shared (linked, never copied into the project).
 */
export function testModelsDir(): string {
  const dir = tempDir('camtrap-models-');
  const pkg = path.join(dir, 'nanodet-m-416');
  fs.mkdirSync(pkg);
  fs.copyFileSync(path.resolve('resources/models/nanodet-m-416/manifest.json'), path.join(pkg, 'manifest.json'));
  fs.symlinkSync(sharedPath('models', 'nanodet-m-416', 'model.onnx'), path.join(pkg, 'model.onnx'));
  return dir;
}

/** Points the app at the test models (and at nothing else that might be installed). */
export function useTestModels(): string {
  const dir = testModelsDir();
  process.env.CAMTRAP_MODELS_DIRS = dir;
  process.env.CAMTRAP_RESOURCES_DIR = path.join(dir, 'no-bundled-resources');
  return dir;
}
