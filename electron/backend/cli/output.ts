import type { Envelope } from '../rpc/envelope.ts';

/** Exit codes an unattended script can branch on. */
/** 4: the import went to the end, but some files could not be imported (unreadable, empty, not what their name says). */
export const exitCodes = { ok: 0, error: 1, usage: 2, incomplete: 3, someFailed: 4 } as const;

export interface Output {
  json: boolean;
  result(value: unknown, human: () => string): void;
  failure(envelope: Extract<Envelope<unknown>, { ok: false }>): number;
  progress(line: string): void;
}

export function output(json: boolean): Output {
  return {
    json,
    result: (value, human) => {
      process.stdout.write(`${json ? JSON.stringify(value, null, 2) : human()}\n`);
    },
    failure: ({ error }) => {
      if (json) process.stdout.write(`${JSON.stringify({ error }, null, 2)}\n`);
      else process.stderr.write(`Error (${error.code}${error.ref ? `, ${error.ref}` : ''}): ${error.message}\n`);
      return error.code === 'invalid-input' ? exitCodes.usage : exitCodes.error;
    },
    // Progress goes to stderr in both modes: stdout stays one JSON document for scripts.
    progress: (line) => {
      process.stderr.write(`${line}\n`);
    },
  };
}
