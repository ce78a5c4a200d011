import { describe, expect, it } from 'vitest';
import { placeOfEntry } from '../../../../electron/backend/detect/models/archive-entry.ts';

const refusal = (name: string, kind: 'file' | 'link' | 'other' = 'file') => {
  try {
    placeOfEntry('p.tar', name, kind);
    return null;
  } catch (err) {
    return (err as { says?: { key: string } }).says?.key ?? 'thrown';
  }
};

describe('where an archive entry may go', () => {
  it('places plain names at the root or in one folder, and skips what a package does not need', () => {
    expect(placeOfEntry('p.tar', 'model.onnx', 'file')).toEqual(['model.onnx']);
    expect(placeOfEntry('p.tar', './pkg/manifest.json', 'file')).toEqual(['pkg', 'manifest.json']);
    expect(placeOfEntry('p.tar', 'My Model v5/model.onnx', 'file')).toEqual(['My Model v5', 'model.onnx']);
    expect(placeOfEntry('p.tar', 'pkg/', 'directory')).toBeNull();
    expect(placeOfEntry('p.tar', 'a/b/model.onnx', 'file')).toBeNull();
    expect(placeOfEntry('p.tar', '__MACOSX/._model.onnx', 'file')).toBeNull();
    expect(placeOfEntry('p.tar', 'pkg/.hidden', 'file')).toBeNull();
    expect(placeOfEntry('p.tar', 'pkg/model onnx;rm', 'file')).toBeNull();
  });

  it('refuses the archive for names that leave the folder, links and devices', () => {
    for (const name of ['../x', 'pkg/../../x', '/etc/passwd', 'C:/Windows/x', 'C:x', 'pkg\\..\\x', 'a\0b']) expect(refusal(name), name).toBe('model-package-unsafe-entry');
    expect(refusal('pkg/model.onnx', 'link')).toBe('model-package-link');
    expect(refusal('pkg/dev', 'other')).toBe('model-package-odd-entry');
  });
});
