import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { projectResourceDir, resourceLayout } from '../../../electron/backend/bundle/resource-dir.ts';
import { removeTempDirs, tempDir } from '../../support/temp-dir.ts';

afterAll(removeTempDirs);

const repo = path.resolve('.');

/** A folder laid out as electron-builder lays out an installed app: app.asar and the extra resources beside it. */
function packagedApp(): string {
  const resources = path.join(tempDir(), 'Camtrap Station', 'resources');
  fs.mkdirSync(path.join(resources, 'species'), { recursive: true });
  fs.writeFileSync(path.join(resources, 'species', 'checklist.json'), '[]');
  fs.writeFileSync(path.join(resources, 'app.asar'), '');
  return resources;
}

describe('where the bundled resources are', () => {
  it('in development: the project resources/ above the source, as tsx runs it', () => {
    expect(resourceLayout({ env: {}, resourcesPath: undefined, from: path.join(repo, 'electron', 'backend', 'bundle') })).toEqual({ dir: path.join(repo, 'resources'), layout: 'project' });
  });

  it('in browser mode: the same folder, whichever part of the backend asks', () => {
    expect(resourceLayout({ env: {}, resourcesPath: undefined, from: path.join(repo, 'electron', 'backend', 'server') }).dir).toBe(path.join(repo, 'resources'));
  });

  it('in a development build of Electron: from dist-electron, beside Electron’s own resources which are not ours', () => {
    const electronOwn = path.join(tempDir(), 'electron', 'dist', 'resources');
    fs.mkdirSync(electronOwn, { recursive: true });
    expect(resourceLayout({ env: {}, resourcesPath: electronOwn, from: path.join(repo, 'dist-electron') })).toEqual({ dir: path.join(repo, 'resources'), layout: 'project' });
  });

  it('in the packaged app: process.resourcesPath, where the code runs from inside app.asar', () => {
    const resources = packagedApp();
    const from = path.join(resources, 'app.asar', 'dist-electron');
    expect(resourceLayout({ env: {}, resourcesPath: resources, from })).toEqual({ dir: resources, layout: 'packaged' });
  });

  it('finds no project resources where there is none above the code', () => {
    expect(projectResourceDir(tempDir())).toBeNull();
  });

  it('where CAMTRAP_RESOURCES_DIR names a folder: that folder, even an empty one (tests hide the bundled models so)', () => {
    const named = tempDir();
    expect(resourceLayout({ env: { CAMTRAP_RESOURCES_DIR: named }, resourcesPath: packagedApp(), from: repo })).toEqual({ dir: named, layout: 'named' });
  });
});
