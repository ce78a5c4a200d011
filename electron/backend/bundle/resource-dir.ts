import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Where the resources the app ships lie (model packages, the worker image tarball, the Camtrap DP
 * schemas, the species checklist), one answer for every way the app runs:
 * - CAMTRAP_RESOURCES_DIR, when set: tests and unusual installs name the folder themselves;
 * - packaged: electron-builder puts them beside app.asar, in Electron's process.resourcesPath;
 * - development and browser mode (tsx), and a development build (dist-electron/*.cjs): the
 *   project's resources/ folder, found upward from the running code.
 */
export interface ResourceContext {
  env: NodeJS.ProcessEnv;
  /** Electron's process.resourcesPath; absent in plain Node. */
  resourcesPath: string | undefined;
  /** The folder of the running code. */
  from: string;
}

export type ResourceLayout = 'named' | 'packaged' | 'project';

/** A folder holds the app's resources when the checklist, which every build ships, is in it. */
const holdsResources = (dir: string) => fs.existsSync(path.join(dir, 'species', 'checklist.json'));

function here(): ResourceContext {
  return { env: process.env, resourcesPath: (process as { resourcesPath?: string }).resourcesPath, from: path.dirname(fileURLToPath(import.meta.url)) };
}

/** The project's own resources/ folder above the running code; null in a packaged app, which has none. */
export function projectResourceDir(from: string = here().from): string | null {
  for (let dir = path.resolve(from); ; dir = path.dirname(dir)) {
    if (holdsResources(path.join(dir, 'resources'))) return path.join(dir, 'resources');
    if (path.dirname(dir) === dir) return null;
  }
}

export function resourceLayout(ctx: ResourceContext = here()): { dir: string; layout: ResourceLayout } {
  if (ctx.env.CAMTRAP_RESOURCES_DIR) return { dir: path.resolve(ctx.env.CAMTRAP_RESOURCES_DIR), layout: 'named' };
  // A development run of Electron has a resourcesPath too (Electron's own, without ours): the checklist tells them apart.
  if (ctx.resourcesPath && holdsResources(ctx.resourcesPath)) return { dir: ctx.resourcesPath, layout: 'packaged' };
  const project = projectResourceDir(ctx.from);
  // Nowhere to be found: the project's place is named, so a missing model or image is reported there.
  return { dir: project ?? path.resolve(ctx.from, 'resources'), layout: 'project' };
}

/** A folder of the app's resources: models, image, spec or species. */
export function resourcePath(...parts: string[]): string {
  return path.join(resourceLayout().dir, ...parts);
}
