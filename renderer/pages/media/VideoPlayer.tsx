import { type JSX, type Ref, useCallback, useEffect, useImperativeHandle, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BoxOverlay } from './BoxOverlay.tsx';
import { fitInto } from './fit-into.ts';
import { type FrameWithBoxes, frameAt, framesWithBoxes, stepToFrame } from './video-frames.ts';
import { VideoTimeline } from './VideoTimeline.tsx';
import type { BoxInfo, MediaDetections } from '../../../electron/backend/detect/contract.ts';
import type { MediaItem } from '../../../electron/backend/library/contract.ts';
import type { MediaPredictions } from '../../../electron/backend/review/contract.ts';
import { api } from '../../api/client.ts';
import { BoxSuggestions } from '../review/MachinePredictions.tsx';

export interface VideoPlayerHandle {
  /** Shows a frame (a box chosen in the labelling tools): the video stops there with its boxes drawn. */
  seekToFrame(frame: number): void;
}

/** Room left for the picture under the viewer's bar, the timeline and the labelling tools. */
const chrome = { width: 32, height: 230 };

function typing(target: EventTarget | null): boolean {
  return target instanceof HTMLInputElement || target instanceof HTMLSelectElement || target instanceof HTMLTextAreaElement;
}

/**
 * A video in the viewer, read from the app's media route by ranges, with the boxes of the frame
 * nearest to the time shown drawn over it and the timeline of frames with boxes below. Keys
 * "," and "." go to the frame with boxes before and after. A video this app's browser cannot
 * decode (an AVI of an older camera, say) is played from a copy the backend makes; one that
 * cannot be copied either is said so plainly, its first picture, its boxes and its timeline still shown.
 */
export function VideoPlayer({
  item,
  result,
  boxes,
  predictions,
  ref,
}: {
  item: MediaItem;
  result: MediaDetections | null | undefined;
  /** Every box of the video, in playing order. */
  boxes: BoxInfo[];
  predictions: MediaPredictions | null | undefined;
  ref?: Ref<VideoPlayerHandle>;
}): JSX.Element {
  const { t } = useTranslation();
  const video = useRef<HTMLVideoElement>(null);
  const [time, setTime] = useState(0);
  const [duration, setDuration] = useState<number | null>(null);
  const [size, setSize] = useState<{ width: number; height: number } | null>(item.width && item.height ? { width: item.width, height: item.height } : null);
  const [playing, setPlaying] = useState(false);
  const [unplayable, setUnplayable] = useState(false);
  const [posterFailed, setPosterFailed] = useState(false);

  const rate = result?.frameRate;
  const frames = useMemo(() => (rate ? framesWithBoxes(boxes, rate) : []), [boxes, rate]);
  const examined = useMemo(() => result?.framesProcessed ?? frames.map((f) => f.frame), [result, frames]);
  const shownFrame = rate ? frameAt(time, rate, examined) : null;
  // Without a frame rate the boxes cannot be placed in time: all of them are drawn, as on a picture.
  const shown = rate ? boxes.filter((b) => b.frame === undefined || b.frame === shownFrame) : boxes;
  const lastExamined = examined.length > 0 && rate ? (Math.max(...examined) + 1) / rate : null;
  const length = duration ?? lastExamined;

  const seek = useCallback(
    (seconds: number) => {
      const v = video.current;
      if (v && !unplayable) {
        v.pause();
        v.currentTime = seconds;
      }
      setTime(seconds);
    },
    [unplayable],
  );
  const goTo = useCallback((f: FrameWithBoxes) => seek(f.time), [seek]);
  useImperativeHandle(ref, () => ({ seekToFrame: (frame: number) => (rate ? seek(frame / rate) : undefined) }), [rate, seek]);

  const previous = rate ? stepToFrame(frames, time, rate, -1) : null;
  const next = rate ? stepToFrame(frames, time, rate, 1) : null;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (typing(e.target) || e.ctrlKey || e.metaKey || e.altKey) return;
      const to = e.key === ',' ? previous : e.key === '.' ? next : null;
      if (!to) return;
      e.preventDefault();
      goTo(to);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [previous, next, goTo]);

  // While it plays, the boxes follow every frame drawn, not only the few time updates a second.
  useEffect(() => {
    if (!playing) return;
    let id = 0;
    const follow = () => {
      if (video.current) setTime(video.current.currentTime);
      id = requestAnimationFrame(follow);
    };
    id = requestAnimationFrame(follow);
    return () => cancelAnimationFrame(id);
  }, [playing]);

  const fitted = size ? fitInto(size, { width: window.innerWidth - chrome.width, height: window.innerHeight - chrome.height }) : null;
  const sized = fitted ? { width: fitted.width, height: fitted.height } : undefined;
  const sync = (v: HTMLVideoElement) => setTime(v.currentTime);
  return (
    <div className="video-player">
      <div className="viewer-frame video-frame" style={sized}>
        {!unplayable ? (
          <video
            ref={video}
            src={api.mediaUrl('play', item.mediaID)}
            poster={api.mediaUrl('thumb', item.mediaID)}
            controls
            preload="metadata"
            playsInline
            aria-label={item.fileName}
            data-testid="viewer-video"
            style={sized}
            onLoadedMetadata={(e) => {
              const v = e.currentTarget;
              if (Number.isFinite(v.duration)) setDuration(v.duration);
              if (v.videoWidth > 0 && v.videoHeight > 0) setSize({ width: v.videoWidth, height: v.videoHeight });
            }}
            onPlay={() => setPlaying(true)}
            onPause={(e) => {
              setPlaying(false);
              sync(e.currentTarget);
            }}
            onEnded={() => setPlaying(false)}
            onSeeked={(e) => sync(e.currentTarget)}
            onTimeUpdate={(e) => sync(e.currentTarget)}
            onError={() => setUnplayable(true)}
          />
        ) : posterFailed ? (
          <div className="video-placeholder" style={sized} data-testid="video-placeholder" />
        ) : (
          <img
            src={api.mediaUrl('thumb', item.mediaID)}
            alt={item.fileName}
            data-testid="video-poster"
            style={sized}
            onLoad={(e) => {
              if (!size) setSize({ width: e.currentTarget.naturalWidth, height: e.currentTarget.naturalHeight });
            }}
            onError={() => setPosterFailed(true)}
          />
        )}
        <BoxOverlay boxes={shown} />
        <BoxSuggestions predictions={predictions} boxes={shown} />
      </div>
      {unplayable ? (
        <p className="video-unplayable" role="status" data-testid="video-unplayable">
          {t('video.unplayable')}
        </p>
      ) : null}
      <VideoTimeline
        frames={frames}
        length={length}
        duration={duration}
        time={time}
        playing={playing}
        canPlay={!unplayable}
        previous={previous}
        next={next}
        onPlay={() => {
          const v = video.current;
          // A video that cannot be decoded says so by its error event: the refused promise adds nothing.
          if (v?.paused) v.play().catch(() => undefined);
          else v?.pause();
        }}
        onSeek={goTo}
      />
    </div>
  );
}
