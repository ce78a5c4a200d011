import { describe, expect, it } from 'vitest';
import type { MediaItem } from '../../../../../electron/backend/library/contract.ts';
import { groupSequences, packSingles } from '../../../../../renderer/pages/media/group-sequences.ts';

const item = (mediaID: string, sequenceNo: number | null, deploymentID = 'dep1'): MediaItem => ({
  mediaID,
  deploymentID,
  fileName: `${mediaID}.jpg`,
  filePath: `media/${deploymentID}/${mediaID}.jpg`,
  mediaType: 'image',
  timestamp: '2021-04-11 20:43:09',
  timestampOriginal: '2021-04-11 20:43:09',
  timeFromFile: false,
  cameraMake: null,
  cameraModel: null,
  cameraSerial: null,
  width: null,
  height: null,
  durationS: null,
  frameRate: null,
  frameCount: null,
  videoCodec: null,
  sequenceNo,
  sha256: mediaID,
  maxConf: null,
  processed: false,
  labels: [],
  reviewed: false,
  cameraProblem: false,
  suggestions: [],
});

/** The blocks as short strings: s[a,b] a sequence, 1[a|b] packed one-picture sequences. */
const shape = (items: MediaItem[]) =>
  packSingles(groupSequences(items)).map((b) => (b.kind === 'sequence' ? `s[${b.group.items.map((i) => i.mediaID).join(',')}]` : `1[${b.groups.map((g) => g.items.map((i) => i.mediaID).join(',')).join('|')}]`));

describe('packing one-picture sequences in the grid', () => {
  it('puts consecutive one-picture sequences side by side and keeps longer sequences on their own', () => {
    const items = [item('a', 1), item('b', 2), item('c', 3), item('d', 4), item('e', 4), item('f', 5), item('g', 6), item('h', 6), item('i', 6)];
    expect(shape(items)).toEqual(['1[a|b|c]', 's[d,e]', '1[f]', 's[g,h,i]']);
  });

  it('keeps the time order and every picture exactly once', () => {
    const items = [item('a', 1), item('b', 1), item('c', 2), item('d', 3, 'dep2'), item('e', 3), item('f', null), item('g', null)];
    const blocks = packSingles(groupSequences(items));
    const order = blocks.flatMap((b) => (b.kind === 'sequence' ? b.group.items : b.groups.flatMap((g) => g.items))).map((i) => i.mediaID);
    expect(order).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'g']);
    // The same sequence number in another deployment is another sequence; pictures without a number group together.
    expect(shape(items)).toEqual(['s[a,b]', '1[c|d|e]', 's[f,g]']);
  });

  it('gives every block a key of its own, and handles an empty page', () => {
    const blocks = packSingles(groupSequences([item('a', 1), item('b', 2), item('c', 2), item('d', 3)]));
    expect(new Set(blocks.map((b) => b.key)).size).toBe(blocks.length);
    expect(packSingles([])).toEqual([]);
    expect(shape([item('a', 1), item('b', 2)])).toEqual(['1[a|b]']);
  });
});
