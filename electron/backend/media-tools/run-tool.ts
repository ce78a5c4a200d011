import { execFile } from 'node:child_process';
import { toolPath, type Tool } from './ffmpeg-binaries.ts';
import { inToolSlot } from './tool-slots.ts';

export type ToolRun = { ok: true; stdout: Buffer } | { ok: false; reason: 'no-tool' | 'failed'; detail: string };

export interface ToolLimits {
  timeoutMs: number;
  /** More output than this is an attack or a mistake: the tool is stopped. */
  maxBytes: number;
}

/**
 * Runs ffmpeg or ffprobe on a file from a card, which may be damaged or made to hurt: it gets a
 * time limit and an output limit, is killed past either, and its failure is an answer, not a throw.
 */
export function runTool(tool: Tool, args: string[], { timeoutMs, maxBytes }: ToolLimits): Promise<ToolRun> {
  const binary = toolPath(tool);
  if (!binary) return Promise.resolve({ ok: false, reason: 'no-tool', detail: `${tool} is not installed` });
  return inToolSlot(
    () =>
      new Promise<ToolRun>((resolve) => {
        execFile(binary, args, { encoding: 'buffer', timeout: timeoutMs, killSignal: 'SIGKILL', maxBuffer: maxBytes, windowsHide: true }, (err, stdout, stderr) => {
          if (!err) return resolve({ ok: true, stdout });
          const said = stderr.toString('utf8').trim().slice(-300);
          const tooMuch = (err as NodeJS.ErrnoException).code === 'ERR_CHILD_PROCESS_STDIO_MAXBUFFER';
          const detail = tooMuch ? `${tool} wrote more than ${maxBytes} bytes` : err.killed ? `${tool} was stopped after ${timeoutMs / 1000} s` : said || err.message;
          resolve({ ok: false, reason: 'failed', detail });
        });
      }),
  );
}

/**
 * Input options every run takes: only plain files are opened (no network, no playlists that
 * name other files), and the file is named so that no part of it reads as an option or a protocol.
 */
export function inputArgs(file: string): string[] {
  return ['-protocol_whitelist', 'file', '-i', `file:${file}`];
}
