import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parsePackageManifest } from '../../../../electron/backend/detect/models/package-manifest.ts';

const shipped = JSON.parse(fs.readFileSync('resources/models/nanodet-m-416/manifest.json', 'utf8')) as Record<string, unknown>;
const sha = 'a'.repeat(64);
const text = (changes: Record<string, unknown>) => JSON.stringify({ ...shipped, sha256: undefined, files: [{ name: 'model.onnx', size: 10, sha256: sha }], ...changes });
const detail = (changes: Record<string, unknown>) => {
  try {
    parsePackageManifest(text(changes), 'p.zip');
    return null;
  } catch (err) {
    return (err as { says?: { key: string; values?: { detail?: string } } }).says;
  }
};

describe('the manifest of a package to install', () => {
  it('accepts a manifest that lists its files with sizes and checksums', () => {
    expect(parsePackageManifest(text({}), 'p.zip')).toMatchObject({ id: 'nanodet-m-416', files: [{ name: 'model.onnx', size: 10 }] });
  });

  it('refuses, as not a model package, what would be unsafe or cannot be checked', () => {
    expect(detail({ files: undefined })).toEqual({ key: 'model-package-bad-manifest', values: { name: 'p.zip', detail: 'it does not list its files with their sizes and checksums' } });
    expect(detail({ files: [{ name: '../model.onnx', size: 1, sha256: sha }] })?.key).toBe('model-package-bad-manifest');
    expect(detail({ files: [{ name: 'LICENSE', size: 1, sha256: sha }] })?.values?.detail).toMatch(/model.onnx is not listed/);
    expect(detail({ files: [{ name: 'model.onnx', size: 1, sha256: sha }, { name: 'model.onnx', size: 1, sha256: sha }] })?.values?.detail).toMatch(/listed twice/);
    expect(detail({ files: [{ name: 'model.onnx', size: 1, sha256: sha }, { name: 'manifest.json', size: 1, sha256: sha }] })?.key).toBe('model-package-bad-manifest');
    expect(detail({ files: [{ name: 'model.onnx', size: 1, sha256: sha }, { name: 'NUL.txt', size: 1, sha256: sha }] })?.key).toBe('model-package-bad-manifest');
    expect(detail({ sha256: 'b'.repeat(64) })?.values?.detail).toMatch(/sha256/);
    expect(detail({ id: '../x' })?.key).toBe('model-package-bad-manifest');
    expect(parsePackageManifest.bind(null, '{"id": ', 'p.zip')).toThrow(/not a model package this app can use/);
  });
});
