import type { JSX, KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { RobotIcon } from './RobotIcon.tsx';
import { isAcceptKey } from './use-accept.ts';
import type { MediaItem } from '../../../electron/backend/library/contract.ts';
import type { ReviewTarget } from '../../../electron/backend/review/contract.ts';

/** A suggestion is offered only where no person has said anything about the picture. */
export function offersSuggestion(item: MediaItem): boolean {
  return !item.reviewed && item.suggestions.length > 0;
}

/** In the grid, accepting works on a picture's whole sequence. */
export function sequenceOf(item: MediaItem): ReviewTarget {
  return item.sequenceNo === null ? { mediaIDs: [item.mediaID] } : { deploymentID: item.deploymentID, sequenceNo: item.sequenceNo };
}

/** A sequence of the grid: by its number, or its pictures where they have none. */
export function groupTarget(group: { deploymentID: string; sequenceNo: number | null; items: MediaItem[] }): ReviewTarget {
  return group.sequenceNo === null ? { mediaIDs: group.items.map((i) => i.mediaID) } : { deploymentID: group.deploymentID, sequenceNo: group.sequenceNo };
}

/** "A" on a tile (or anything in it but a text box) accepts its sequence. */
export function acceptKeyOn(item: MediaItem, accept: (target: ReviewTarget) => Promise<void>): (e: KeyboardEvent) => void {
  return (e) => {
    if (!isAcceptKey(e)) return;
    e.preventDefault();
    void accept(sequenceOf(item));
  };
}

export function AcceptButton({ onAccept, compact = false }: { onAccept: () => void; compact?: boolean }): JSX.Element {
  const { t } = useTranslation();
  return (
    <button
      className={compact ? 'accept-suggestion tile-accept' : 'accept-suggestion'}
      onClick={onAccept}
      aria-keyshortcuts="A"
      aria-label={compact ? t('suggestion.acceptTile') : undefined}
      title={t('suggestion.acceptHelp')}
      data-testid={compact ? 'tile-accept' : 'accept-sequence'}
    >
      {compact ? <><RobotIcon /> ✓</> : t('suggestion.acceptSequence')}
    </button>
  );
}

/** The keys of the grid's suggestions, said where there are any. */
export function GridAcceptHelp(): JSX.Element {
  const { t } = useTranslation();
  return (
    <p className="muted" data-testid="suggestion-keys">
      <RobotIcon /> {t('suggestion.gridKeys')}
    </p>
  );
}
