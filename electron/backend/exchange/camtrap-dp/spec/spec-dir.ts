import fs from 'node:fs';
import path from 'node:path';
import { projectResourceDir, resourcePath } from '../../../bundle/resource-dir.ts';
import { StationError } from '../../../rpc/envelope.ts';

/**
 * Where the Camtrap DP profile and table schemas are: resources/spec of the app (copied there
 * by build/scripts/copy-spec.mjs, which fetch:models and the test setup run). A packaged app has
 * no ../shared, so nothing is read from there. CAMTRAP_RESOURCES_DIR names the resources of a
 * packaged app; where it holds no spec (tests point it at an empty folder to hide the bundled
 * models), the project's own resources/spec is used.
 */
export function camtrapSpecDir(): string {
  const project = projectResourceDir();
  const candidates = [resourcePath('spec'), ...(project ? [path.join(project, 'spec')] : [])];
  const found = candidates.find((dir) => fs.existsSync(path.join(dir, 'camtrap-dp', 'camtrap-dp-profile.json')));
  if (!found) throw new StationError('internal', 'camtrap-spec-missing', { path: candidates.at(-1) ?? '' });
  return found;
}
