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
