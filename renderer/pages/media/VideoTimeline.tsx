import type { JSX } from 'react';
import { useTranslation } from 'react-i18next';
import { boxColours } from './BoxOverlay.tsx';
import { type FrameWithBoxes, formatVideoTime } from './video-frames.ts';

/**
 * The line under a video: a mark for each frame the detector found boxes in, in its class's
 * colour, where the video is now, and buttons to play and to go to the frame with boxes before
 * or after. Marks are for the mouse; the keyboard has the buttons and their keys.
 */
export function VideoTimeline({
  frames,
  length,
  duration,
  time,
  playing,
  canPlay,
  previous,
  next,
  onPlay,
  onSeek,
}: {
  frames: readonly FrameWithBoxes[];
  /** Seconds the line stands for: the video's length, or up to the last frame examined when the video cannot be read. */
  length: number | null;
  /** The video's own length in seconds, once read. */
  duration: number | null;
  time: number;
  playing: boolean;
  canPlay: boolean;
  previous: FrameWithBoxes | null;
  next: FrameWithBoxes | null;
  onPlay: () => void;
  onSeek: (frame: FrameWithBoxes) => void;
}): JSX.Element {
  const { t, i18n } = useTranslation();
  const at = (seconds: number) => `${Math.min(100, (seconds / (length ?? 1)) * 100)}%`;
  return (
    <div className="video-timeline row" role="group" aria-label={t('video.timeline')} data-testid="video-timeline">
      <button onClick={onPlay} disabled={!canPlay} data-testid="video-play">
        {playing ? t('video.pause') : t('video.play')}
      </button>
      <button onClick={() => previous && onSeek(previous)} disabled={!previous} aria-keyshortcuts="," data-testid="previous-boxes">
        {t('video.previousBoxes')}
      </button>
      <div className="timeline-track" data-testid="timeline-track">
        {length
          ? frames.map((f) => (
              <button
                key={f.frame}
                className="timeline-marker"
                style={{ left: at(f.time), background: boxColours[f.category] }}
                tabIndex={-1}
                title={t('video.marker', { time: formatVideoTime(f.time, i18n.language), category: t(`detect.category.${f.category}`) })}
                aria-label={t('video.marker', { time: formatVideoTime(f.time, i18n.language), category: t(`detect.category.${f.category}`) })}
                onClick={() => onSeek(f)}
                data-testid="timeline-marker"
                data-frame={f.frame}
              />
            ))
          : null}
        {length ? <span className="timeline-playhead" style={{ left: at(time) }} aria-hidden="true" /> : null}
      </div>
      <button onClick={() => next && onSeek(next)} disabled={!next} aria-keyshortcuts="." data-testid="next-boxes">
        {t('video.nextBoxes')}
      </button>
      <span className="timeline-time" data-testid="video-position">
        {duration ? t('video.position', { time: formatVideoTime(time, i18n.language), length: formatVideoTime(duration, i18n.language) }) : formatVideoTime(time, i18n.language)}
      </span>
    </div>
  );
}
