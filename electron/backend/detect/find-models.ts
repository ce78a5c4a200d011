import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { modelManifestSchema, type ModelManifest } from './model-manifest.ts';

export interface ModelPackage {
  id: string;
  dir: string;
  /** Null when manifest.json cannot be read; problem says why. */
  manifest: ModelManifest | null;
  /** The ONNX file, when it is there; a package without it is listed so the user knows what to fetch. */
  modelFile: string | null;
  problem: string | null;
}

/** resources/models of the app, the user's models folder, and CAMTRAP_MODELS_DIRS (path-separated). */
export function modelFolders(dataDir: string, env: NodeJS.ProcessEnv = process.env): string[] {
  const bundled = process.env.CAMTRAP_RESOURCES_DIR
    ? path.join(process.env.CAMTRAP_RESOURCES_DIR, 'models')
    : path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../resources/models');
  const extra = (env.CAMTRAP_MODELS_DIRS ?? '').split(path.delimiter).filter(Boolean);
  return [...extra, bundled, path.join(dataDir, 'models')];
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
  const parsed = modelManifestSchema.safeParse(raw);
  if (!parsed.success) {
    return { id: path.basename(dir), dir, manifest: null, modelFile: null, problem: `manifest.json is not a model manifest: ${parsed.error.issues[0]?.path.join('.')}: ${parsed.error.issues[0]?.message}` };
  }
  const file = path.join(dir, parsed.data.file);
  const present = fs.existsSync(file);
  return { id: parsed.data.id, dir, manifest: parsed.data, modelFile: present ? file : null, problem: present ? null : `The model file ${parsed.data.file} is missing: run npm run fetch:models, or copy it into ${dir}.` };
}

/** Every model package found; the first folder wins when two hold the same model ID. */
export function findModels(dataDir: string): ModelPackage[] {
  const byId = new Map<string, ModelPackage>();
  for (const folder of modelFolders(dataDir)) {
    if (!fs.existsSync(folder)) continue;
    for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
      if (!entry.isDirectory()) continue;
      const pkg = readPackage(path.join(folder, entry.name));
      if (pkg && !byId.has(pkg.id)) byId.set(pkg.id, pkg);
    }
  }
  return [...byId.values()];
}

/** A package whose manifest and model file are both there: what a runner can run. */
export type UsableModel = ModelPackage & { manifest: ModelManifest; modelFile: string };
