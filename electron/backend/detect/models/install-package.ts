import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { checkClassifierRuns } from './check-classifier-runs.ts';
import { checkModelRuns } from './check-model-runs.ts';
import { installLimits } from './install-limits.ts';
import { isClassifier, type InstallableManifest } from './package-manifest.ts';
import { removeLeftovers } from './remove-leftovers.ts';
import { stageArchive } from './stage-archive.ts';
import { stageFolder } from './stage-folder.ts';
import { formatBytes } from '../../ingest/contract.ts';
import { StationError } from '../../rpc/envelope.ts';
import { safeFolderName } from '../../safe-fs/folder-name.ts';
import { readClassifierLabels } from '../classify/classifier-labels.ts';
import type { ClassifierManifest } from '../classify/classifier-manifest.ts';
import type { ClassifierPackage } from '../classify/find-classifiers.ts';
import type { ModelPackage, UsableModel } from '../find-models.ts';

export interface InstallDeps {
  /** The user's models folder, where packages are installed. */
  modelsDir: string;
  /** Every package in every models folder, detectors and classifiers, installed or not. */
  packages: () => (ModelPackage | ClassifierPackage)[];
  /** Free bytes on the disk that holds dir; tests stand in a small disk. */
  freeBytes?: (dir: string) => Promise<number>;
}

export type InstalledClassifier = ClassifierPackage & { manifest: ClassifierManifest; modelFile: string };

/** What was installed, and the version it replaced when another version of the same model was there. */
export type Installed = { kind: 'detector'; pkg: UsableModel; replacedVersion: string | null } | { kind: 'classifier'; pkg: InstalledClassifier; replacedVersion: string | null };

async function diskFree(dir: string): Promise<number> {
  const s = await fs.promises.statfs(dir);
  return s.bavail * s.bsize;
}

let busy = false;

/**
 * Installs a model package from a folder or an archive the user chose, treating it as hostile:
 * it is unpacked and checked in a hidden folder beside the models (same disk, so the last step is
 * one rename), the model is run once, and only then does it appear. Whatever fails, the hidden
 * folder goes and the models folder is as it was.
 */
export async function installModelPackage(source: string, deps: InstallDeps): Promise<Installed> {
  if (busy) throw new StationError('busy', 'model-install-busy');
  busy = true;
  try {
    return await install(source, deps);
  } finally {
    busy = false;
  }
}

async function install(source: string, { modelsDir, packages, freeBytes = diskFree }: InstallDeps): Promise<Installed> {
  const name = path.basename(source);
  const stat = await fs.promises.stat(source).catch(() => null);
  if (!stat) throw new StationError('not-found', 'model-package-not-found', { name });
  if (!stat.isDirectory() && !stat.isFile()) throw new StationError('invalid-input', 'model-package-not-package', { name, detail: 'not a folder or a file' });
  await fs.promises.mkdir(modelsDir, { recursive: true });
  await removeLeftovers(modelsDir);
  const assertRoom = async (needed: number): Promise<void> => {
    const free = await freeBytes(modelsDir);
    if (free < needed + installLimits.reserveBytes) throw new StationError('disk-full', 'model-package-no-space', { name, needed: formatBytes(needed), free: formatBytes(free) });
  };
  const stage = await fs.promises.mkdtemp(path.join(modelsDir, `.install-${process.pid}-`));
  const staged = path.join(stage, 'package');
  try {
    const manifest = stat.isDirectory()
      ? await stageFolder(source, name, staged, async (m) => {
          assertNotInstalled(m, packages(), name);
          await assertRoom(m.files.reduce((sum, f) => sum + f.size, 0));
        })
      : await (async () => {
          await assertRoom(stat.size);
          return stageArchive(source, name, stage, staged, async (m) => assertNotInstalled(m, packages(), name));
        })();
    const labels = isClassifier(manifest) ? readClassifierLabels(path.join(staged, manifest.labels)) : [];
    if (isClassifier(manifest)) await checkClassifierRuns(staged, manifest, labels.length, name);
    else await checkModelRuns(staged, manifest, stage, name);
    assertNotInstalled(manifest, packages(), name);
    const { target, replacedVersion } = await putInPlace(staged, manifest, modelsDir, packages());
    const modelFile = path.join(target, manifest.file);
    return isClassifier(manifest)
      ? { kind: 'classifier', pkg: { kind: 'classifier', id: manifest.id, dir: target, manifest, modelFile, labels, problem: null }, replacedVersion }
      : { kind: 'detector', pkg: { id: manifest.id, dir: target, manifest, modelFile, problem: null }, replacedVersion };
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOSPC') throw new StationError('disk-full', 'model-package-disk-filled', { name });
    throw err;
  } finally {
    await fs.promises.rm(stage, { recursive: true, force: true });
  }
}

/**
 * The same model in the same version, complete, anywhere the app looks: reported, never
 * overwritten. A detector and a classifier would share a folder if they shared an ID: refused.
 */
function assertNotInstalled(manifest: InstallableManifest, packages: (ModelPackage | ClassifierPackage)[], name: string): void {
  const classifier = isClassifier(manifest);
  if (packages.some((p) => p.id === manifest.id && ('kind' in p) !== classifier)) throw new StationError('conflict', 'model-package-other-kind', { name, model: manifest.name, id: manifest.id });
  const same = packages.find((p) => p.manifest?.id === manifest.id && p.manifest.version === manifest.version && p.modelFile !== null);
  if (same) throw new StationError('conflict', 'model-package-already-installed', { model: manifest.name, version: manifest.version });
}

/**
 * One rename makes the checked package appear. Another version in the same place is moved
 * aside first and removed after; should the rename fail, it is moved back.
 */
async function putInPlace(staged: string, manifest: InstallableManifest, modelsDir: string, packages: (ModelPackage | ClassifierPackage)[]): Promise<{ target: string; replacedVersion: string | null }> {
  const target = path.join(modelsDir, safeFolderName(manifest.id));
  const there = await fs.promises.lstat(target).catch(() => null);
  const replacedVersion = there ? (packages.find((p) => p.dir === target)?.manifest?.version ?? null) : null;
  const aside = there ? path.join(modelsDir, `.replaced-${process.pid}-${crypto.randomBytes(4).toString('hex')}`) : null;
  if (aside) await fs.promises.rename(target, aside);
  try {
    await fs.promises.rename(staged, target);
  } catch (err) {
    if (aside) await fs.promises.rename(aside, target);
    throw err;
  }
  if (aside) await fs.promises.rm(aside, { recursive: true, force: true });
  return { target, replacedVersion };
}
