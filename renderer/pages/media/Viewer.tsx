import { type JSX, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BoxOverlay } from './BoxOverlay.tsx';
import { CameraProblemBadge } from './CameraProblemBadge.tsx';
import { fitInto } from './fit-into.ts';
import { inPlayingOrder } from './video-frames.ts';
import { VideoPlayer, type VideoPlayerHandle } from './VideoPlayer.tsx';
import type { BoxInfo } from '../../../electron/backend/detect/contract.ts';
import type { MediaItem } from '../../../electron/backend/library/contract.ts';
import { api } from '../../api/client.ts';
import { formatCameraTime } from '../../components/locale-format.ts';
import { useCall } from '../../components/use-call.ts';
import { useSaid } from '../../components/use-said.ts';
import { BoxSuggestions, PredictionBar } from '../review/MachinePredictions.tsx';
import { MediaReview } from '../review/MediaReview.tsx';

/** The full image, or the video, with its boxes; arrow keys move through the grid, Escape closes. */
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
      // Arrows belong to the field being typed in, and to a video's own controls (they seek).
      if (e.target instanceof HTMLInputElement || e.target instanceof HTMLSelectElement || e.target instanceof HTMLTextAreaElement || e.target instanceof HTMLVideoElement) return;
      if (e.key === 'ArrowRight') onMove(1);
      else if (e.key === 'ArrowLeft') onMove(-1);
      else if (e.key === 'Escape') onClose();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onMove, onClose]);
  const r = result.data;
  const [zoom, setZoom] = useState(false);
  const video = item.mediaType === 'video';
  const player = useRef<VideoPlayerHandle>(null);
  // A video's boxes are numbered in the order they appear, so "Box 2" comes after "Box 1" on the timeline.
  const boxes = useMemo(() => (video ? inPlayingOrder(r?.detections ?? []) : (r?.detections ?? [])), [video, r]);
  return (
    <div className="viewer" role="dialog" aria-modal="true" aria-label={item.fileName} data-testid="viewer">
      <div className="viewer-bar row">
        <strong>{item.fileName}</strong>
        <span data-testid="viewer-time">{formatCameraTime(item.timestamp, i18n.language)}</span>
        {item.cameraProblem ? <CameraProblemBadge className="problem-label" /> : null}
        <span className="muted">{t('detect.viewerHelp')}</span>
        <button onClick={() => onMove(-1)}>{t('detect.previous')}</button>
        <button onClick={() => onMove(1)}>{t('detect.next')}</button>
        <button onClick={onClose} autoFocus data-testid="viewer-close">
          {t('detect.close')}
        </button>
      </div>
      <div className="viewer-stage">
        {video ? (
          <VideoPlayer key={item.mediaID} ref={player} item={item} result={r} boxes={boxes} predictions={predictions.data} />
        ) : (
          <div className={zoom ? 'viewer-frame zoomed' : 'viewer-frame'} onClick={() => setZoom((z) => !z)} title={t('review.zoom')}>
            <img
              src={api.mediaUrl('file', item.mediaID)}
              alt={item.fileName}
              data-testid="viewer-image"
              style={fitted ? { width: fitted.width, height: fitted.height } : undefined}
              onLoad={(e) => setNatural({ width: e.currentTarget.naturalWidth, height: e.currentTarget.naturalHeight })}
            />
            <BoxOverlay boxes={boxes} />
            <BoxSuggestions predictions={predictions.data} boxes={boxes} />
          </div>
        )}
      </div>
      <PredictionBar mediaID={item.mediaID} predictions={predictions.data} boxes={boxes} onChanged={onChanged} />
      <MediaReview
        mediaID={item.mediaID}
        boxes={boxes}
        version={version}
        onChanged={onChanged}
        video={video ? { frameRate: r?.frameRate, onBoxChosen: (b: BoxInfo) => b.frame !== undefined && player.current?.seekToFrame(b.frame) } : undefined}
      />
      <p className="viewer-note" data-testid="viewer-note">
        {!r ? t('detect.noResult') : r.status === 'failed' ? t('detect.failedResult', { reason: said(r.failure ?? '', r.failureSays) }) : r.detections.length === 0 ? t('detect.nothingFound') : `${r.modelName}`}
        {r?.truncated ? ` · ${t('detect.truncated')}` : ''}
      </p>
    </div>
  );
}
