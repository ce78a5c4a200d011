import path from 'node:path';
import { Command, Option } from 'commander';
import type { JobInfo } from '../../detect/contract.ts';
import { libraryOption } from '../options.ts';
import { exitCodes } from '../output.ts';
import { printTaskProgress } from '../task-progress.ts';
import { withLibrary } from './with-library.ts';

const resumable = new Set(['running', 'paused', 'failed', 'queued']);

function describeJob(j: JobInfo): string {
  const species = j.classifierName ? `, species by ${j.classifierName} ${j.classifierVersion ?? ''}`.trimEnd() : '';
  return `job ${j.runId} (${j.modelName} ${j.modelVersion}${species}, ${j.runner}): ${j.state}, ${j.done}/${j.total} images, ${j.failed} failed${j.message ? ` — ${j.message}` : ''}`;
}

export function registerDetectCommands(program: Command, setCode: (c: number) => void): void {
  program.addCommand(
    new Command('detect')
      .description('find animals, people and vehicles in images not yet processed; resumes an interrupted job of the same model and deployment')
      .addOption(libraryOption())
      .option('--deployment <deploymentID>', 'only this deployment')
      .option('--model <modelID>', 'the model (the first installed one if left out)')
      .option('--species <classifierID>', 'a species model to classify the animals found, in the same job')
      .option('--run <runId>', 'with --species: classify the animals an earlier job found instead of detecting', Number)
      .addOption(new Option('--runner <runner>', 'where detection runs: the container (GPU when there is one), the embedded CPU worker, or automatic').choices(['auto', 'container', 'cpu']).default('auto'))
      .action(async (opts: { deployment?: string; model?: string; species?: string; run?: number; runner: 'auto' | 'container' | 'cpu' }, command: Command) =>
        withLibrary(command, setCode, async ({ call, backend, out }) => {
          const jobs = await call('detect.jobs', {});
          if (!jobs.ok) return out.failure(jobs);
          const previous =
            opts.run === undefined
              ? jobs.value.find((j) => resumable.has(j.state) && (!opts.model || j.modelID === opts.model) && (j.scope.deploymentID ?? null) === (opts.deployment ?? null))
              : undefined;
          let runId = previous?.runId ?? -1;
          printTaskProgress(backend, 'detection', out);
          const finished = new Promise<JobInfo>((resolve) => {
            backend.on('detect.finished', (job) => {
              if (job.runId === runId) resolve(job);
            });
          });
          const started = previous
            ? await call('detect.resume', { runId: previous.runId })
            : opts.run !== undefined && opts.species
              ? await call('detect.classifyRun', { runId: opts.run, classifierID: opts.species, runner: opts.runner })
              : await call('detect.start', { modelID: opts.model, runner: opts.runner, classifierID: opts.species, scope: { deploymentID: opts.deployment, onlyUnprocessed: true } });
          if (!started.ok) return out.failure(started);
          runId = started.value.runId;
          out.progress(previous ? `Resuming ${describeJob(started.value)}` : `Started ${describeJob(started.value)}`);
          const job = started.value.total === started.value.done && started.value.state === 'done' ? started.value : await finished;
          out.result(job, () => describeJob(job));
          return job.state === 'done' ? exitCodes.ok : exitCodes.incomplete;
        }),
      ),
  );
  program.addCommand(
    new Command('export-md')
      .description('write a detection run as MegaDetector batch JSON (format 1.6), for Timelapse and AddaxAI')
      .addOption(libraryOption())
      .requiredOption('--run <runId>', 'the detection job', Number)
      .argument('<file>', 'the JSON file to write')
      .action(async (file: string, opts: { run: number }, command: Command) =>
        withLibrary(command, setCode, async ({ call, out }) => {
          const written = await call('detect.exportMegadetector', { runId: opts.run, file: path.resolve(file) });
          if (!written.ok) return out.failure(written);
          out.result(written.value, () => `Wrote ${written.value.images} images to ${written.value.file}`);
        }),
      ),
  );
  program.addCommand(
    new Command('jobs')
      .description('detection jobs of the library, newest first')
      .addOption(libraryOption())
      .action(async (_opts: unknown, command: Command) =>
        withLibrary(command, setCode, async ({ call, out }) => {
          const jobs = await call('detect.jobs', {});
          if (!jobs.ok) return out.failure(jobs);
          out.result(jobs.value, () => (jobs.value.length === 0 ? 'No detection jobs yet.' : jobs.value.map(describeJob).join('\n')));
        }),
      ),
  );
}
