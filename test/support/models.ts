import fs from 'node:fs';
import path from 'node:path';
import { sharedPath } from './shared.ts';
import { tempDir } from './temp-dir.ts';

/**
 * A models folder holding the development model package: the manifest the app ships in
 * resources/models, and the ONNX file from ../shared, copied to a temporary folder (never into
 * the project). A copy, not a link, and readable by all: containers mount the folder as another user.
 */
export function testModelsDir(): string {
  const dir = tempDir('camtrap-models-');
  const pkg = path.join(dir, 'nanodet-m-416');
  fs.mkdirSync(pkg);
  fs.copyFileSync(path.resolve('resources/models/nanodet-m-416/manifest.json'), path.join(pkg, 'manifest.json'));
  fs.copyFileSync(sharedPath('models', 'nanodet-m-416', 'model.onnx'), path.join(pkg, 'model.onnx'));
  for (const p of [dir, pkg]) fs.chmodSync(p, 0o755);
  for (const f of fs.readdirSync(pkg)) fs.chmodSync(path.join(pkg, f), 0o644);
  return dir;
}

/** Points the app at the test models (and at nothing else that might be installed). */
export function useTestModels(): string {
  const dir = testModelsDir();
  process.env.CAMTRAP_MODELS_DIRS = dir;
  process.env.CAMTRAP_RESOURCES_DIR = path.join(dir, 'no-bundled-resources');
  return dir;
}
