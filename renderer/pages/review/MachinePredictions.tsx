import { type JSX, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useSuggestionText } from './MachineSuggestion.tsx';
import { RobotIcon } from './RobotIcon.tsx';
import { isAcceptKey, useAccept } from './use-accept.ts';
import type { BoxInfo } from '../../../electron/backend/detect/contract.ts';
import type { MediaPredictions } from '../../../electron/backend/review/contract.ts';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';

/**
 * In the viewer: what the species model says of the picture that no person has labelled yet, and
 * one key (A) or button to take it as the person's own label. Correcting is the species box.
 */
export function PredictionBar({ mediaID, predictions, boxes, onChanged }: { mediaID: string; predictions: MediaPredictions | null | undefined; boxes: BoxInfo[]; onChanged: () => void }): JSX.Element | null {
  const { t } = useTranslation();
  const text = useSuggestionText();
  const { accept, error } = useAccept(onChanged);
  const open = predictions?.open ?? [];
  const canAccept = open.length > 0;
  useEffect(() => {
    if (!canAccept) return;
    const onKey = (e: KeyboardEvent) => {
      if (!isAcceptKey(e)) return;
      e.preventDefault();
      void accept({ mediaIDs: [mediaID] });
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [canAccept, accept, mediaID]);
  if (!predictions || (!canAccept && !error)) return null;
  const where = (detectionId: number | null) => {
    const n = boxes.findIndex((b) => b.detectionId === detectionId);
    return detectionId === null ? '' : n >= 0 ? t('suggestion.onBox', { n: n + 1 }) : '';
  };
  return (
    <div className="prediction-bar row wrap" data-testid="prediction-bar">
      {canAccept ? (
        <>
          <span className="machine-suggestion" data-testid="viewer-suggestion">
            <RobotIcon />
            {t('suggestion.modelSays', { model: predictions.classifier })}{' '}
            {open.map((p) => `${text(p)}${where(p.detectionId)}`).join(', ')}
          </span>
          <button onClick={() => void accept({ mediaIDs: [mediaID] })} aria-keyshortcuts="A" data-testid="accept-suggestion">
            {t('suggestion.accept')}
          </button>
          <span className="muted">{t('suggestion.viewerKeys')}</span>
        </>
      ) : null}
      <ErrorMessage error={error} />
    </div>
  );
}

/** The model's answer beside each box it is about, below the box, in the machine's style. */
export function BoxSuggestions({ predictions, boxes }: { predictions: MediaPredictions | null | undefined; boxes: BoxInfo[] }): JSX.Element {
  const text = useSuggestionText();
  return (
    <>
      {(predictions?.open ?? []).map((p) => {
        const box = boxes.find((b) => b.detectionId === p.detectionId);
        if (!box) return null;
        return (
          <span key={p.detectionId} className="machine-suggestion box-suggestion" style={{ left: `${box.bbox[0] * 100}%`, top: `${(box.bbox[1] + box.bbox[3]) * 100}%` }} data-testid="box-suggestion">
            <RobotIcon />
            {text(p)}
          </span>
        );
      })}
    </>
  );
}
