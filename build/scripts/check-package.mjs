// What an unpacked app (release/linux-unpacked, or any platform's unpacked folder) must hold to
// work offline at a station, checked file by file: the code in app.asar without development
// dependencies or tests, the native modules unpacked, the resources where bundle/resource-dir.ts
// looks for them, and the size within its budget. Returns the problems, in words; none is good.
import fs from 'node:fs';
import path from 'node:path';
import asar from '@electron/asar';

/** Megabytes: app.asar and its unpacked native modules, without the worker image (which is as large as its CUDA layers). */
export const sizeBudgetMB = { asar: 100, unpacked: 450 };

const mustHaveCode = ['/package.json', '/dist-electron/main.cjs', '/dist-electron/preload.cjs', '/dist-electron/backend.cjs', '/dist-electron/detect-worker.cjs', '/dist/renderer/index.html'];
const nativeModules = ['better-sqlite3/build/Release/better_sqlite3.node', 'sharp/package.json', 'onnxruntime-node/package.json'];
const devOnly = ['vitest', '@playwright/test', 'playwright', 'typescript', 'eslint', 'electron-builder', 'vite', '@vitejs/plugin-react'];

const megabytes = (bytes) => bytes / 1_000_000;

function folderBytes(dir) {
  let total = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) total += folderBytes(full);
    else if (entry.isFile()) total += fs.statSync(full).size;
  }
  return total;
}

export function checkUnpacked(appDir) {
  const problems = [];
  const resources = path.join(appDir, 'resources');
  const archive = path.join(resources, 'app.asar');
  if (!fs.existsSync(archive)) return [`${archive} is missing: the app's code is not there.`];
  const files = new Set(asar.listPackage(archive, { isPack: false }).map((f) => f.split(path.sep).join('/')));
  for (const f of mustHaveCode) if (!files.has(f)) problems.push(`app.asar has no ${f}.`);
  for (const f of files) {
    if (/^\/(test|electron|renderer|build)\//.test(f)) problems.push(`app.asar holds source or tests: ${f}.`);
    const dev = devOnly.find((d) => f === `/node_modules/${d}` || f.startsWith(`/node_modules/${d}/`));
    if (dev) problems.push(`app.asar holds the development dependency ${dev}.`);
  }
  const unpacked = path.join(resources, 'app.asar.unpacked', 'node_modules');
  for (const m of nativeModules) if (!fs.existsSync(path.join(unpacked, m))) problems.push(`the native module file ${m} is not unpacked beside app.asar.`);

  const manifestFile = path.join(resources, 'image', 'image-manifest.json');
  if (!fs.existsSync(manifestFile)) problems.push('resources/image/image-manifest.json is missing: the worker image cannot be found.');
  else {
    const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8'));
    const tarball = path.join(resources, 'image', manifest.file);
    if (!fs.existsSync(tarball)) problems.push(`the worker image tarball ${manifest.file} is missing from resources/image.`);
    if (!fs.existsSync(`${tarball}.sha256`)) problems.push(`the checksum ${manifest.file}.sha256 is missing from resources/image.`);
  }
  const models = path.join(resources, 'models');
  const packages = fs.existsSync(models) ? fs.readdirSync(models).filter((d) => fs.existsSync(path.join(models, d, 'manifest.json'))) : [];
  if (packages.length === 0) problems.push('resources/models holds no model package.');
  // Manifests of models fetched where there is internet travel without their files; at least one package must be whole.
  const whole = packages.filter((d) => {
    const manifest = JSON.parse(fs.readFileSync(path.join(models, d, 'manifest.json'), 'utf8'));
    return typeof manifest.file === 'string' && fs.existsSync(path.join(models, d, manifest.file));
  });
  if (packages.length > 0 && whole.length === 0) problems.push('no model package in resources/models has its model file.');
  if (!fs.existsSync(path.join(resources, 'spec', 'camtrap-dp', 'camtrap-dp-profile.json'))) problems.push('resources/spec has no Camtrap DP profile.');
  if (!fs.existsSync(path.join(resources, 'species', 'checklist.json'))) problems.push('resources/species has no checklist.json.');

  const asarMB = megabytes(fs.statSync(archive).size);
  const unpackedMB = fs.existsSync(unpacked) ? megabytes(folderBytes(unpacked)) : 0;
  if (asarMB > sizeBudgetMB.asar) problems.push(`app.asar is ${asarMB.toFixed(0)} MB, over its budget of ${sizeBudgetMB.asar} MB.`);
  if (unpackedMB > sizeBudgetMB.unpacked) problems.push(`the unpacked native modules are ${unpackedMB.toFixed(0)} MB, over their budget of ${sizeBudgetMB.unpacked} MB.`);
  return problems;
}
