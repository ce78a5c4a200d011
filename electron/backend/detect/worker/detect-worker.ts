import readline from 'node:readline';
import type { JobManifest, WorkerLine } from './protocol.ts';
import { runJob } from './run-job.ts';

// The CPU detection worker: a child process of the backend, speaking the line protocol.
function send(line: WorkerLine): void {
  process.stdout.write(`${JSON.stringify(line)}\n`);
}

// The backend going away closes stdin: the worker must not outlive it.
const input = readline.createInterface({ input: process.stdin });
let started = false;
input.on('line', (line) => {
  if (started) return;
  started = true;
  runJob(JSON.parse(line) as JobManifest, send).then(
    // Exit only once stdout has handed over the last lines (pipe writes are asynchronous).
    () => process.stdout.write('', () => process.exit(0)),
    (err: unknown) => {
      process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
      process.exit(2);
    },
  );
});
input.on('close', () => {
  if (!started) process.exit(1);
});
process.stdin.on('end', () => process.exit(1));
