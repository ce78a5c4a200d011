// A stand-in detection worker for fuzz tests: it speaks the worker protocol badly on purpose.
// For each image of the manifest it writes random and malformed lines, lines about pictures
// outside the job, and then either a good result or a broken one; it never runs a model.
import readline from 'node:readline';

interface Manifest {
  runId: number;
  items: { mediaPk: number }[];
  seed?: number;
}

let s = 1;
const random = (): number => {
  s = (s * 1664525 + 1013904223) >>> 0;
  return s / 2 ** 32;
};
const pick = <T>(xs: T[]): T => xs[Math.floor(random() * xs.length)] as T;

function garbage(runId: number): string {
  return pick([
    Buffer.from(Array.from({ length: 1 + Math.floor(random() * 80) }, () => Math.floor(random() * 256))).toString('latin1'),
    '{"type":"result","mediaPk":',
    'null',
    '[]',
    '{"type":"progress"}',
    JSON.stringify({ type: 'result', mediaPk: 999_999, truncated: false, detections: [] }),
    JSON.stringify({ type: 'failure', mediaPk: -1, reason: 'x' }),
    JSON.stringify({ type: 'done', runId, processed: 'all', failed: 0 }),
    JSON.stringify({ type: 'progress', runId, done: 1, total: 2, imagesPerSecond: -5, msPrepare: 0, msInfer: 0 }),
    `${'{"a":'.repeat(1000)}1${'}'.repeat(1000)}`,
  ]);
}

function broken(mediaPk: number): string {
  return JSON.stringify(
    pick([
      { type: 'result', mediaPk, truncated: false, detections: null },
      { type: 'result', mediaPk, truncated: false, detections: [{ category: 'animal', conf: 0.9, bbox: [0.1, 0.1, 0.2, 0.2, 0.3] }] },
      { type: 'result', mediaPk, truncated: 'no', detections: [] },
      { type: 'result', mediaPk, truncated: false, detections: [{ category: 'unicorn', conf: 2, bbox: [0, 0, 1, 1] }] },
    ]),
  );
}

const input = readline.createInterface({ input: process.stdin });
input.once('line', (text) => {
  input.close();
  const manifest = JSON.parse(text) as Manifest;
  s = manifest.seed ?? 7;
  const out: string[] = [];
  for (const item of manifest.items) {
    for (let i = Math.floor(random() * 4); i >= 0; i -= 1) out.push(garbage(manifest.runId));
    out.push(item.mediaPk % 3 === 0 ? broken(item.mediaPk) : JSON.stringify({ type: 'result', mediaPk: item.mediaPk, truncated: false, detections: [{ category: 'animal', conf: 0.8, bbox: [0.1, 0.1, 0.2, 0.2] }] }));
  }
  process.stdout.write(`${out.join('\n')}\n`, () => process.exit(0));
});
