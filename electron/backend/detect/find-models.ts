import fs from 'node:fs';
import path from 'node:path';
import { modelManifestSchema, type ModelManifest } from './model-manifest.ts';
import { resourcePath } from '../bundle/resource-dir.ts';

export interface ModelPackage {
  id: string;
  dir: string;
  /** Null when manifest.json cannot be read; problem says why. */
  manifest: ModelManifest | null;
  /** The ONNX file, when it is there; a package without it is listed so the user knows what to fetch. */
  modelFile: string | null;
  problem: string | null;
}

/** Where models the user adds are installed. */
export function userModelsFolder(dataDir: string): string {
  return path.join(dataDir, 'models');
}

/**
 * CAMTRAP_MODELS_DIRS (path-separated), the user's models folder, then resources/models of the
 * app: a newer version the user added comes before the one the app ships.
 */
export function modelFolders(dataDir: string, env: NodeJS.ProcessEnv = process.env): string[] {
  const bundled = resourcePath('models');
  const extra = (env.CAMTRAP_MODELS_DIRS ?? '').split(path.delimiter).filter(Boolean);
  return [...extra, userModelsFolder(dataDir), bundled];
}

function readPackage(dir: string): ModelPackage | null {
  const manifestFile = path.join(dir, 'manifest.json');
  if (!fs.existsSync(manifestFile)) return null;
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(manifestFile, 'utf8'));
  } catch (err) {
    return { id: path.basename(dir), dir, manifest: null, modelFile: null, problem: `manifest.json is not valid JSON (${(err as Error).message})` };
  }
  // Species classifiers share the models folders; findClassifiers lists them.
  if ((raw as { kind?: unknown } | null)?.kind === 'classifier') return null;
  const parsed = modelManifestSchema.safeParse(raw);
  if (!parsed.success) {
    return { id: path.basename(dir), dir, manifest: null, modelFile: null, problem: `manifest.json is not a model manifest: ${parsed.error.issues[0]?.path.join('.')}: ${parsed.error.issues[0]?.message}` };
  }
  const file = path.join(dir, parsed.data.file);
  const present = fs.existsSync(file);
  return { id: parsed.data.id, dir, manifest: parsed.data, modelFile: present ? file : null, problem: present ? null : `The model file ${parsed.data.file} is missing: run npm run fetch:models, or copy it into ${dir}.` };
}

/** Every model package in every folder, in the folders' order; dot-folders are installs under way. */
export function allModelPackages(dataDir: string): ModelPackage[] {
  const found: ModelPackage[] = [];
  for (const folder of modelFolders(dataDir)) {
    if (!fs.existsSync(folder)) continue;
    for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
      if (!entry.isDirectory() || entry.name.startsWith('.')) continue;
      const pkg = readPackage(path.join(folder, entry.name));
      if (pkg) found.push(pkg);
    }
  }
  return found;
}

function usable(pkg: ModelPackage): boolean {
  return pkg.manifest !== null && pkg.modelFile !== null;
}

/**
 * One package per model ID: the first folder wins when two hold the same ID, unless only a later
 * one is complete (the app ships MegaDetector's manifest without its file; the user adds the file).
 */
export function findModels(dataDir: string): ModelPackage[] {
  const byId = new Map<string, ModelPackage>();
  for (const pkg of allModelPackages(dataDir)) {
    const known = byId.get(pkg.id);
    if (!known || (!usable(known) && usable(pkg))) byId.set(pkg.id, pkg);
  }
  return [...byId.values()];
}

/** A package whose manifest and model file are both there: what a runner can run. */
export type UsableModel = ModelPackage & { manifest: ModelManifest; modelFile: string };
