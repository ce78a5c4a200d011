import { describe, expect, it } from 'vitest';
import { candidateRoots, libraryPathOf, normalizeResultPath, stripRoot } from '../../../electron/backend/exchange/results/result-paths.ts';

describe('paths in a results file', () => {
  it('are compared with forward slashes, in one Unicode form, without "./"', () => {
    expect(normalizeResultPath('D:\\fieldwork\\dep1\\IMG_0001.JPG')).toBe('D:/fieldwork/dep1/IMG_0001.JPG');
    expect(normalizeResultPath('./dep1//IMG.JPG')).toBe('dep1/IMG.JPG');
    expect(normalizeResultPath('\\\\server\\share\\a.jpg')).toBe('//server/share/a.jpg');
    expect(normalizeResultPath('Ca\u0301mara/x.jpg')).toBe('C\u00e1mara/x.jpg');
  });

  it('offer each folder above a file as the start to strip, down to none', () => {
    expect(candidateRoots('/data/run1/media')).toEqual(['/data/run1/media', '/data/run1', '/data', '']);
    expect(candidateRoots('D:/cards')).toEqual(['D:/cards', 'D:', '']);
    expect(candidateRoots('')).toEqual(['']);
  });

  it('strip the root without regard to case, and only at a folder boundary', () => {
    expect(stripRoot('/Data/Run1/dep1/a.jpg', '/data/run1')).toBe('dep1/a.jpg');
    expect(stripRoot('/data/run10/a.jpg', '/data/run1')).toBeNull();
    expect(stripRoot('/data/a.jpg', '')).toBe('data/a.jpg');
    expect(libraryPathOf('/data/run1/dep1/a.jpg', '/data/run1', 'media')).toBe('media/dep1/a.jpg');
    expect(libraryPathOf('/data/run1', '/data/run1', 'media')).toBeNull();
  });
});
