import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { labelLimits, readClassifierLabels, speciesLabelCount } from '../../../../electron/backend/detect/classify/classifier-labels.ts';
import { removeTempDirs, tempDir } from '../../../support/temp-dir.ts';

afterAll(removeTempDirs);

const blank = 'f1856211-cfb7-4a5b-9158-c0f72fd09ee6;;;;;;blank';
const lion = 'ddf59264-185a-4d35-b647-2785792bdf54;mammalia;carnivora;felidae;panthera;leo;lion';

function labelsFile(content: string | Buffer): string {
  const file = path.join(tempDir(), 'labels.txt');
  fs.writeFileSync(file, content);
  return file;
}

function refusal(content: string | Buffer): unknown {
  try {
    readClassifierLabels(labelsFile(content));
    return null;
  } catch (err) {
    return (err as { says?: unknown }).says;
  }
}

describe('a classifier labels file', () => {
  it('reads one label per line, in order, with Windows line endings, a byte-order mark and trailing blank lines', () => {
    expect(readClassifierLabels(labelsFile(`\uFEFF${blank}\r\n${lion}\r\n\r\n`))).toEqual([blank, lion]);
    expect(speciesLabelCount([blank, lion])).toBe(1);
  });

  it('refuses, naming the line, whatever is not a list of SpeciesNet labels', () => {
    expect(refusal(`${blank}\nlion;mammalia\n`)).toEqual({ key: 'classifier-labels-bad-line', values: { file: 'labels.txt', line: 2 } });
    expect(refusal(`${blank}\n\n${lion}\n`)).toMatchObject({ key: 'classifier-labels-bad-line', values: { line: 2 } });
    expect(refusal(`${blank}\n;mammalia;carnivora;felidae;panthera;leo;lion\n`)).toMatchObject({ key: 'classifier-labels-bad-line', values: { line: 2 } });
    expect(refusal(`${blank}\n${lion};extra\n`)).toMatchObject({ key: 'classifier-labels-bad-line', values: { line: 2 } });
    expect(refusal(`${blank}\n${lion}\u0007\n`)).toMatchObject({ key: 'classifier-labels-bad-line', values: { line: 2 } });
    expect(refusal(`${blank}\n${lion}${'x'.repeat(labelLimits.lineChars)}\n`)).toMatchObject({ key: 'classifier-labels-bad-line', values: { line: 2 } });
    expect(refusal('')).toEqual({ key: 'classifier-labels-empty', values: { file: 'labels.txt' } });
    expect(refusal('\n\n')).toMatchObject({ key: 'classifier-labels-empty' });
    expect(refusal(`${lion}\n`)).toMatchObject({ key: 'classifier-labels-too-few' });
    expect(refusal(Buffer.from([0xc3, 0x28, 0x0a]))).toMatchObject({ key: 'classifier-labels-not-text' });
    expect(refusal(`${blank}\n`.repeat(labelLimits.lines + 1))).toMatchObject({ key: 'classifier-labels-too-many', values: { labels: labelLimits.lines + 1 } });
  });

  it('refuses a file too large to be a labels list before reading it, and a link or a folder', () => {
    const big = path.join(tempDir(), 'labels.txt');
    fs.writeFileSync(big, '');
    fs.truncateSync(big, labelLimits.bytes + 1);
    expect(() => readClassifierLabels(big)).toThrow(expect.objectContaining({ says: { key: 'classifier-labels-too-big', values: { file: 'labels.txt' } } }));
    const link = path.join(tempDir(), 'link.txt');
    fs.symlinkSync(labelsFile(`${blank}\n${lion}\n`), link);
    expect(() => readClassifierLabels(link)).toThrow(expect.objectContaining({ says: { key: 'classifier-labels-not-text', values: { file: 'link.txt' } } }));
    expect(() => readClassifierLabels(tempDir())).toThrow(expect.objectContaining({ says: expect.objectContaining({ key: 'classifier-labels-not-text' }) }));
    expect(() => readClassifierLabels(path.join(tempDir(), 'gone.txt'))).toThrow(expect.objectContaining({ says: { key: 'classifier-labels-missing', values: { file: 'gone.txt' } } }));
  });
});
