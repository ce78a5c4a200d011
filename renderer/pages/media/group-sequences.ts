import type { MediaItem } from '../../../electron/backend/library/contract.ts';

export interface SequenceGroup {
  key: string;
  deploymentID: string;
  sequenceNo: number | null;
  items: MediaItem[];
}

/** Consecutive items of one deployment and sequence number form one group, in the order given. */
export function groupSequences(items: MediaItem[]): SequenceGroup[] {
  const groups: SequenceGroup[] = [];
  for (const item of items) {
    const last = groups[groups.length - 1];
    if (last && last.deploymentID === item.deploymentID && last.sequenceNo === item.sequenceNo) last.items.push(item);
    else groups.push({ key: `${item.deploymentID}:${item.sequenceNo}:${item.mediaID}`, deploymentID: item.deploymentID, sequenceNo: item.sequenceNo, items: [item] });
  }
  return groups;
}

/** A row block of the grid: one sequence of several pictures, or a run of one-picture sequences side by side. */
export type GridBlock = { kind: 'sequence'; key: string; group: SequenceGroup } | { kind: 'singles'; key: string; groups: SequenceGroup[] };

/**
 * One-picture sequences (most of a card where animals pass rarely) would each take a whole row
 * for one tile: consecutive ones are packed into one block, several to a row. A sequence of
 * several pictures keeps its own block with its heading. The time order is kept.
 */
export function packSingles(groups: SequenceGroup[]): GridBlock[] {
  const blocks: GridBlock[] = [];
  for (const group of groups) {
    const last = blocks[blocks.length - 1];
    if (group.items.length !== 1) blocks.push({ kind: 'sequence', key: group.key, group });
    else if (last?.kind === 'singles') last.groups.push(group);
    else blocks.push({ kind: 'singles', key: `singles:${group.key}`, groups: [group] });
  }
  return blocks;
}

export function blockItems(block: GridBlock): MediaItem[] {
  return block.kind === 'sequence' ? block.group.items : block.groups.flatMap((g) => g.items);
}
