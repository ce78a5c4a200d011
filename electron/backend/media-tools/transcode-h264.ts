import { inputArgs, runTool, type ToolRun } from './run-tool.ts';

/** A long video from a slow computer's camera card; past this ffmpeg is stopped and the video is not played. */
const transcodeTimeoutMs = 15 * 60_000;

/**
 * Writes the first video stream of a file as H.264 in MP4, which every Chromium plays. Every
 * frame keeps its time (no frame dropped or doubled), so a frame number over the frame rate
 * lands on the same picture in the copy as in the original; the index is put first so playing
 * starts before the whole file is read. Sound is left out: boxes and labels are about pictures.
 */
export function transcodeToH264(source: string, target: string): Promise<ToolRun> {
  return runTool(
    'ffmpeg',
    [
      ...['-v', 'error', '-nostdin', ...inputArgs(source)],
      ...['-map', '0:v:0', '-an', '-sn', '-dn', '-map_metadata', '-1'],
      // x264 with 4:2:0 wants even sides; a camera's odd width loses its last column.
      ...['-vf', 'scale=trunc(iw/2)*2:trunc(ih/2)*2', '-c:v', 'libx264', '-preset', 'veryfast', '-pix_fmt', 'yuv420p'],
      // "-vsync 0" (passthrough) is the spelling both Debian's ffmpeg and the older one shipped in the app know.
      ...['-vsync', '0', '-movflags', '+faststart', '-f', 'mp4', `file:${target}`],
    ],
    { timeoutMs: transcodeTimeoutMs, maxBytes: 1024 * 1024 },
  );
}
