// npm run fetch:models — puts each model package's ONNX file in place, verified.
// - a development copy (devCopyFrom, relative to the project) when it is there, checked by SHA-256;
// - an ONNX download (source.url), checked by SHA-256;
// - MegaDetector publishes PyTorch checkpoints only: those are downloaded, checked by the MD5
//   MegaDetector lists, and exported to ONNX with YOLOv5's exporter (needs python3 with torch and
//   the yolov5 package, and the internet). Without the internet each step says what is missing.
// - SpeciesNet publishes Keras weights only: its Kaggle archive is downloaded and converted to
//   ONNX with tf2onnx (needs python3 with tensorflow and tf2onnx), with its labels and geofence.
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { copySpec } from './copy-spec.mjs';
import { classifierManifestSchema, type ClassifierManifest } from '../../electron/backend/detect/classify/classifier-manifest.ts';
import { modelManifestSchema, type ModelManifest } from '../../electron/backend/detect/model-manifest.ts';

type AnyManifest = ModelManifest | ClassifierManifest;

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const modelsDir = path.join(root, 'resources', 'models');
const only = process.argv.slice(2);

function digest(file: string, algorithm: 'sha256' | 'md5'): string {
  return crypto.createHash(algorithm).update(fs.readFileSync(file)).digest('hex');
}

async function download(url: string, to: string): Promise<void> {
  const response = await fetch(url, { redirect: 'follow' }).catch((err: Error) => {
    throw new Error(`cannot reach ${new URL(url).host} (${(err.cause as Error | undefined)?.message ?? err.message}): no internet here? Copy the model file into the package folder by hand instead`);
  });
  if (!response.ok || !response.body) throw new Error(`${url} answered ${response.status}`);
  fs.writeFileSync(to, Buffer.from(await response.arrayBuffer()));
}

/** Copies or renames into place only after the checksum matched: a half-fetched model is never in place. */
function place(from: string, target: string, manifest: AnyManifest): void {
  if (manifest.sha256 && digest(from, 'sha256') !== manifest.sha256) throw new Error(`${from} does not have the SHA-256 the manifest names`);
  const tmp = `${target}.part`;
  fs.copyFileSync(from, tmp);
  fs.renameSync(tmp, target);
}

async function fetchModel(dir: string, manifest: AnyManifest): Promise<string> {
  const target = path.join(dir, manifest.file);
  if (fs.existsSync(target) && (!manifest.sha256 || digest(target, 'sha256') === manifest.sha256)) return 'in place';
  const source = manifest.source ?? {};
  if (source.devCopyFrom) {
    const copy = path.resolve(root, source.devCopyFrom);
    if (fs.existsSync(copy)) {
      place(copy, target, manifest);
      return `copied from ${source.devCopyFrom}`;
    }
  }
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'camtrap-model-'));
  try {
    if (source.url) {
      const file = path.join(work, manifest.file);
      await download(source.url, file);
      place(file, target, manifest);
      return `downloaded from ${source.url}`;
    }
    if ('convertFrom' in source && source.convertFrom) {
      const archive = path.join(work, 'speciesnet.tar.gz');
      await download(source.convertFrom.url, archive);
      const converted = spawnSync('python3', [path.join(root, 'build', 'scripts', 'convert-speciesnet-onnx.py'), archive, dir], { encoding: 'utf8' });
      if (converted.status !== 0) throw new Error(`converting ${source.convertFrom.url} to ONNX failed: ${converted.stderr.trim() || converted.error?.message}`);
      return `downloaded ${source.convertFrom.url} and converted it to ONNX with its labels and geofence`;
    }
    if ('exportFrom' in source && source.exportFrom) {
      const checkpoint = path.join(work, path.basename(new URL(source.exportFrom.url).pathname));
      await download(source.exportFrom.url, checkpoint);
      if (digest(checkpoint, 'md5') !== source.exportFrom.md5) throw new Error(`${source.exportFrom.url} does not have the MD5 MegaDetector lists`);
      const exported = spawnSync('python3', [path.join(root, 'build', 'scripts', 'export-yolov5-onnx.py'), checkpoint, String(manifest.inputSize)], { encoding: 'utf8' });
      if (exported.status !== 0) throw new Error(`exporting ${checkpoint} to ONNX failed: ${exported.stderr.trim() || exported.error?.message}`);
      place(checkpoint.replace(/\.pt$/, '.onnx'), target, manifest);
      return `downloaded ${source.exportFrom.url} and exported it to ONNX`;
    }
    throw new Error('the manifest names no source');
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

console.log(copySpec());
let failures = 0;
for (const entry of fs.readdirSync(modelsDir)) {
  const manifestFile = path.join(modelsDir, entry, 'manifest.json');
  if (!fs.existsSync(manifestFile) || (only.length > 0 && !only.includes(entry))) continue;
  const raw = JSON.parse(fs.readFileSync(manifestFile, 'utf8')) as { kind?: string };
  const manifest: AnyManifest = raw.kind === 'classifier' ? classifierManifestSchema.parse(raw) : modelManifestSchema.parse(raw);
  try {
    console.log(`${manifest.id}: ${await fetchModel(path.join(modelsDir, entry), manifest)}`);
  } catch (err) {
    failures += 1;
    console.log(`${manifest.id}: not fetched: ${(err as Error).message}`);
  }
}
process.exitCode = only.length > 0 && failures > 0 ? 1 : 0;
