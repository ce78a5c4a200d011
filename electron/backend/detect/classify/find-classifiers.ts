import fs from 'node:fs';
import path from 'node:path';
import { readClassifierLabels } from './classifier-labels.ts';
import { classifierManifestSchema, type ClassifierManifest } from './classifier-manifest.ts';
import { modelFolders } from '../find-models.ts';

export interface ClassifierPackage {
  kind: 'classifier';
  id: string;
  dir: string;
  /** Null when manifest.json cannot be read; problem says why. */
  manifest: ClassifierManifest | null;
  /**
   * The ONNX file, when the package can run: null when the file, its labels or its geofence are
   * missing or wrong, so that whoever checks for a model file finds none to run.
   */
  modelFile: string | null;
  /** The label lines, one per model output; empty when they cannot be read. */
  labels: string[];
  problem: string | null;
}

function problemOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** A folder whose manifest.json says kind 'classifier'; null for anything else (detectors among them). */
function readClassifierPackage(dir: string): ClassifierPackage | null {
  const manifestFile = path.join(dir, 'manifest.json');
  if (!fs.existsSync(manifestFile)) return null;
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(manifestFile, 'utf8'));
  } catch {
    return null;
  }
  if ((raw as { kind?: unknown } | null)?.kind !== 'classifier') return null;
  const broken = { kind: 'classifier' as const, id: path.basename(dir), dir, manifest: null, modelFile: null, labels: [] };
  const parsed = classifierManifestSchema.safeParse(raw);
  if (!parsed.success) {
    return { ...broken, problem: `manifest.json is not a classifier manifest: ${parsed.error.issues[0]?.path.join('.')}: ${parsed.error.issues[0]?.message}` };
  }
  const manifest = parsed.data;
  const found = { ...broken, id: manifest.id, manifest };
  const file = path.join(dir, manifest.file);
  if (!fs.existsSync(file)) return { ...found, problem: `The model file ${manifest.file} is missing: add the classifier again from its package.` };
  if (manifest.geofence && !fs.existsSync(path.join(dir, manifest.geofence))) {
    return { ...found, problem: `The geofence file ${manifest.geofence} is missing: add the classifier again from its package.` };
  }
  try {
    return { ...found, modelFile: file, labels: readClassifierLabels(path.join(dir, manifest.labels)), problem: null };
  } catch (err) {
    return { ...found, problem: problemOf(err) };
  }
}

/** Every classifier package in every models folder, in the folders' order; dot-folders are installs under way. */
export function allClassifierPackages(dataDir: string): ClassifierPackage[] {
  const found: ClassifierPackage[] = [];
  for (const folder of modelFolders(dataDir)) {
    if (!fs.existsSync(folder)) continue;
    for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
      if (!entry.isDirectory() || entry.name.startsWith('.')) continue;
      const pkg = readClassifierPackage(path.join(folder, entry.name));
      if (pkg) found.push(pkg);
    }
  }
  return found;
}

/** One package per classifier ID, as findModels chooses: the first folder wins, unless only a later one can run. */
export function findClassifiers(dataDir: string): ClassifierPackage[] {
  const byId = new Map<string, ClassifierPackage>();
  for (const pkg of allClassifierPackages(dataDir)) {
    const known = byId.get(pkg.id);
    if (!known || (known.modelFile === null && pkg.modelFile !== null)) byId.set(pkg.id, pkg);
  }
  return [...byId.values()];
}
