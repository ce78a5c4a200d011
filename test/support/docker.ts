import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export const testImageTag = 'camtrap-worker:test-cpu';

/** The test image's tarball, made by npm run build:test-image (as .ci/run does) into resources/image/. */
export function testImageTarball(): string {
  return path.resolve('resources/image/camtrap-worker-test-cpu.tar.gz');
}

/** Why the Docker tests cannot run here, or null when they can. */
export function dockerMissing(): string | null {
  const info = spawnSync('docker', ['info', '--format', '{{.ServerVersion}}'], { encoding: 'utf8' });
  if (info.status !== 0) return `no Docker engine answers here (${(info.stderr || info.error?.message || '').trim().split('\n')[0]}): .ci/run installs docker.io and starts dockerd`;
  if (!fs.existsSync(testImageTarball())) return 'the test image tarball is missing: run npm run build:test-image (.ci/run does)';
  return null;
}

/** In CI a missing engine fails the test: CI sets it up, so its absence is a fault there. */
export function requireDocker(skip: (reason: string) => void): void {
  const why = dockerMissing();
  if (!why) return;
  if (process.env.CI) throw new Error(why);
  skip(why);
}

export function docker(...args: string[]): string {
  const r = spawnSync('docker', args, { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`docker ${args.join(' ')}: ${r.stderr}`);
  return r.stdout.trim();
}
