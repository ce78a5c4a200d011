import { type JSX, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MediaItem } from '../../../electron/backend/library/contract.ts';
import { api } from '../../api/client.ts';
import { formatCameraTime } from '../../components/locale-format.ts';
import { percent } from '../../components/percent.ts';
import { useCall } from '../../components/use-call.ts';
import { useSaid } from '../../components/use-said.ts';
import { BoxSuggestions, PredictionBar } from '../review/MachinePredictions.tsx';
import { MediaReview } from '../review/MediaReview.tsx';

const colours = { animal: '#f0b429', person: '#e5484d', vehicle: '#3e9bff' } as const;

/** The full image with its boxes; arrow keys move through the grid, Escape closes. */
function fitInto(size: { width: number; height: number }, room: { width: number; height: number }): { width: number; height: number } | null {
  if (size.width <= 0 || size.height <= 0) return null;
  const scale = Math.min(room.width / size.width, room.height / size.height);
  return { width: Math.round(size.width * scale), height: Math.round(size.height * scale) };
}

export function Viewer({
  item,
  threshold,
  version,
  onMove,
  onClose,
  onChanged,
}: {
  item: MediaItem;
  threshold: number;
  /** Changes whenever a label, an accept, an undo or a redo may have changed what is labelled. */
  version: string;
  onMove: (step: number) => void;
  onClose: () => void;
  onChanged: () => void;
}): JSX.Element {
  // A small picture (older cameras write 100x75) is scaled up to the room there is, as large pictures are scaled down.
  const [natural, setNatural] = useState<{ width: number; height: number } | null>(null);
  useEffect(() => setNatural(null), [item.mediaID]);
  const fitted = natural ? fitInto(natural, { width: window.innerWidth - 32, height: window.innerHeight - 170 }) : null;
  const { t, i18n } = useTranslation();
  const said = useSaid();
  const result = useCall('detect.mediaResult', { mediaID: item.mediaID, threshold }, item.mediaID);
  const predictions = useCall('review.predictions', { mediaID: item.mediaID }, version);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      // Arrows belong to the field being typed in.
      if (e.target instanceof HTMLInputElement || e.target instanceof HTMLSelectElement || e.target instanceof HTMLTextAreaElement) return;
      if (e.key === 'ArrowRight') onMove(1);
      else if (e.key === 'ArrowLeft') onMove(-1);
      else if (e.key === 'Escape') onClose();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onMove, onClose]);
  const r = result.data;
  const [zoom, setZoom] = useState(false);
  return (
    <div className="viewer" role="dialog" aria-modal="true" aria-label={item.fileName} data-testid="viewer">
      <div className="viewer-bar row">
        <strong>{item.fileName}</strong>
        <span data-testid="viewer-time">{formatCameraTime(item.timestamp, i18n.language)}</span>
        <span className="muted">{t('detect.viewerHelp')}</span>
        <button onClick={() => onMove(-1)}>{t('detect.previous')}</button>
        <button onClick={() => onMove(1)}>{t('detect.next')}</button>
        <button onClick={onClose} autoFocus data-testid="viewer-close">
          {t('detect.close')}
        </button>
      </div>
      <div className="viewer-stage">
        <div className={zoom ? 'viewer-frame zoomed' : 'viewer-frame'} onClick={() => setZoom((z) => !z)} title={t('review.zoom')}>
          <img
            src={api.mediaUrl('file', item.mediaID)}
            alt={item.fileName}
            data-testid="viewer-image"
            style={fitted ? { width: fitted.width, height: fitted.height } : undefined}
            onLoad={(e) => setNatural({ width: e.currentTarget.naturalWidth, height: e.currentTarget.naturalHeight })}
          />
          <svg className="viewer-boxes" viewBox="0 0 1 1" preserveAspectRatio="none" aria-hidden="true">
            {r?.detections.map((d, i) => (
              <rect key={i} x={d.bbox[0]} y={d.bbox[1]} width={d.bbox[2]} height={d.bbox[3]} fill="none" stroke={colours[d.category]} strokeWidth={2} vectorEffect="non-scaling-stroke" data-testid="box" />
            ))}
          </svg>
          {r?.detections.map((d, i) => (
            <span key={i} className="box-label" style={{ left: `${d.bbox[0] * 100}%`, top: `${d.bbox[1] * 100}%`, background: colours[d.category] }} data-testid="box-label">
              {t('detect.boxLabel', { category: t(`detect.category.${d.category}`), conf: percent(d.conf, i18n.language) })}
            </span>
          ))}
          <BoxSuggestions predictions={predictions.data} boxes={r?.detections ?? []} />
        </div>
      </div>
      <PredictionBar mediaID={item.mediaID} predictions={predictions.data} boxes={r?.detections ?? []} onChanged={onChanged} />
      <MediaReview mediaID={item.mediaID} boxes={r?.detections ?? []} version={version} onChanged={onChanged} />
      <p className="viewer-note" data-testid="viewer-note">
        {!r ? t('detect.noResult') : r.status === 'failed' ? t('detect.failedResult', { reason: said(r.failure ?? '', r.failureSays) }) : r.detections.length === 0 ? t('detect.nothingFound') : `${r.modelName}`}
        {r?.truncated ? ` · ${t('detect.truncated')}` : ''}
      </p>
    </div>
  );
}
