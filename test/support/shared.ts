import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The one way tests reach the real data in ../shared. CAMTRAP_SHARED points elsewhere when a
 * checkout has no ../shared beside it.
 */
export function sharedDir(): string {
  const dir = process.env.CAMTRAP_SHARED ?? path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../shared');
  if (!fs.existsSync(path.join(dir, 'fixtures'))) {
    throw new Error(`The shared test data is not at ${dir}. Put the shared/ folder beside the project or set CAMTRAP_SHARED.`);
  }
  return dir;
}

export function sharedPath(...parts: string[]): string {
  return path.join(sharedDir(), ...parts);
}

export const heronMedia = () => sharedPath('fixtures', 'camtrap-dp-example', 'media');
export const heronDeploymentsCsv = () => sharedPath('fixtures', 'camtrap-dp-example', 'deployments.csv');
export const cameraTrapImages = () => sharedPath('fixtures', 'cameratrap-images');
export const camtrapSpecFolder = () => sharedPath('spec');
export const camtrapExample = () => sharedPath('fixtures', 'camtrap-dp-example');
