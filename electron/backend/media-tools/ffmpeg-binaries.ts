import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';

export type Tool = 'ffmpeg' | 'ffprobe';

const packages: Record<Tool, string> = { ffmpeg: '@ffmpeg-installer/ffmpeg', ffprobe: '@ffprobe-installer/ffprobe' };
const overrides: Record<Tool, string> = { ffmpeg: 'CAMTRAP_FFMPEG', ffprobe: 'CAMTRAP_FFPROBE' };
const found = new Map<Tool, string | null>();

function answers(file: string): boolean {
  return spawnSync(file, ['-version'], { stdio: 'ignore', timeout: 10_000 }).status === 0;
}

/** The binary an npm package ships for this platform (inside the packaged app too); null where it has none. */
function shipped(tool: Tool): string | null {
  try {
    const { path } = createRequire(import.meta.url)(packages[tool]) as { path: string };
    return fs.existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

/**
 * Where ffmpeg or ffprobe is: the one named in CAMTRAP_FFMPEG / CAMTRAP_FFPROBE, else the
 * system's (Debian's, for development and CI), else the one shipped inside the app's npm package.
 * Null when none answers: videos are then imported and listed, but not measured or decoded.
 */
export function toolPath(tool: Tool, env: NodeJS.ProcessEnv = process.env): string | null {
  const override = env[overrides[tool]];
  if (override) return answers(override) ? override : null;
  if (!found.has(tool)) {
    const candidates = [tool, shipped(tool)].filter((c): c is string => c !== null);
    found.set(tool, candidates.find(answers) ?? null);
  }
  return found.get(tool) ?? null;
}
