import path from 'node:path';
import { Command } from 'commander';
import type { EngineStatus } from '../../engine/contract.ts';
import { formatBytes } from '../../ingest/contract.ts';
import { cliBackend } from '../cli-backend.ts';
import { output } from '../output.ts';

function describe(s: EngineStatus): string {
  return [
    `Engine: ${s.state}${s.engine ? ` (${s.engine} ${s.version ?? ''}, ${s.socket})` : ''}`,
    `  ${s.advice}`,
    `  runtimes: ${s.runtimes.join(', ') || 'none'}; GPUs: ${s.gpus}`,
    `  worker image ${s.image.tag}: ${s.image.loaded ? 'loaded' : 'not loaded'}${s.image.tarball ? ` (file ${s.image.tarball})` : ''}`,
  ].join('\n');
}

export function registerEngineCommands(program: Command, setCode: (c: number) => void): void {
  const engine = program.command('engine').description('the container engine that runs detection on a GPU');
  engine
    .command('status')
    .description('whether Docker or Podman runs, with GPU support or not, and whether the worker image is loaded')
    .action(async (_opts: unknown, command: Command) => {
      const out = output(Boolean(command.optsWithGlobals<{ json?: boolean }>().json));
      const { call } = cliBackend();
      const status = await call('engine.status', {});
      if (!status.ok) return setCode(out.failure(status));
      out.result(status.value, () => describe(status.value));
    });
  engine
    .command('load <tarball>')
    .description('load the worker image from its tarball (checked against image-manifest.json beside it); never from a registry')
    .action(async (tarball: string, _opts: unknown, command: Command) => {
      const out = output(Boolean(command.optsWithGlobals<{ json?: boolean }>().json));
      const { call, backend } = cliBackend();
      let last = '';
      backend.on('engine.loadProgress', (p) => {
        const line = `${p.phase}: ${formatBytes(p.bytesDone)} of ${formatBytes(p.bytesTotal)}`;
        if (p.phase !== last.split(':')[0] || p.phase === 'done') out.progress(p.phase === 'done' ? p.detail : line);
        last = line;
      });
      const loaded = await call('engine.loadImage', { tarball: path.resolve(tarball) });
      if (!loaded.ok) return setCode(out.failure(loaded));
      out.result(loaded.value, () => `Loaded ${loaded.value.tag}`);
    });
}
