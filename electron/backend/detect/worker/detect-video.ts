import { probeVideo } from '../../media-tools/probe-video.ts';
import { plainComplaint, sampleFrames } from '../../media-tools/sample-frames.ts';
import { englishFor } from '../../rpc/messages.ts';
import type { Detection } from '../boxes.ts';
import { fitInside, letterbox, type PreparedImage } from '../prepare-image.ts';
import type { JobManifest, WorkerLine } from './protocol.ts';

/** The frames a video is looked at, per second of it, when the job does not say. */
export const defaultVideoFramesPerSecond = 1;

function unreadable(mediaPk: number, detail: string): WorkerLine {
  const says = { key: 'detect-video-unreadable' as const, values: { detail: detail.slice(0, 2000) } };
  return { type: 'failure', mediaPk, reason: englishFor(says.key, says.values), says };
}

/**
 * One video: frames sampled at the job's rate (frame 0, then every round(rate / wanted) frames,
 * as MegaDetector and AddaxAI sample), each scaled by ffmpeg to the size a still of the same
 * shape takes in the model and letterboxed like a still; every box of every frame in one result,
 * each with its frame. A video cut short keeps the frames before the cut and is flagged; one
 * that gives no frame at all is a failed item with ffmpeg's reason.
 */
export async function detectVideo(
  job: JobManifest,
  item: { mediaPk: number; path: string },
  detect: (image: PreparedImage) => Promise<Detection[]>,
  onFrame: () => void = () => undefined,
): Promise<WorkerLine> {
  let info;
  try {
    info = await probeVideo(item.path);
  } catch (err) {
    return unreadable(item.mediaPk, plainComplaint((err as Error).message, item.path));
  }
  if (!info.frameRate || !info.width || !info.height) return unreadable(item.mediaPk, 'no video stream with a frame rate and a size');
  const every = Math.max(1, Math.round(info.frameRate / (job.videoFramesPerSecond ?? defaultVideoFramesPerSecond)));
  const size = fitInside(info.width, info.height, job.manifest.inputSize);
  const video = sampleFrames(item.path, { every, ...size });
  const detections: Detection[] = [];
  const framesProcessed: number[] = [];
  for await (const { frame, data } of video.frames) {
    const boxes = await detect({ ...letterbox(data, size.width, size.height, 3, job.manifest), truncated: false });
    for (const box of boxes) detections.push({ ...box, frame });
    framesProcessed.push(frame);
    onFrame();
  }
  const problem = await video.ended();
  if (framesProcessed.length === 0) return unreadable(item.mediaPk, problem ?? 'no frame could be decoded');
  return { type: 'result', mediaPk: item.mediaPk, truncated: problem !== null, detections, frameRate: info.frameRate, framesProcessed };
}
