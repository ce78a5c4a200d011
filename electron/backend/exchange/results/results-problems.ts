import type { z } from 'zod';
import type { MessageKey, MessageValues, Says } from '../../rpc/messages.ts';

/** What is wrong with a results file, as messages; it stops growing at a limit and counts the rest. */
export class ResultsProblems {
  private readonly items: Says[] = [];
  private omitted = 0;

  constructor(private readonly limit = 50) {}

  add(key: MessageKey, values: MessageValues): void {
    if (this.items.length < this.limit) this.items.push({ key, values });
    else this.omitted += 1;
  }

  push(said: Says): void {
    this.add(said.key, said.values ?? {});
  }

  get count(): number {
    return this.items.length + this.omitted;
  }

  list(): Says[] {
    return this.omitted === 0 ? [...this.items] : [...this.items, { key: 'results-more-problems', values: { count: this.omitted } }];
  }
}

type Issue = z.core.$ZodIssue;

/** images[3].detections[0].conf, naming the entry's file when the path goes through one. */
export function wherePath(path: readonly PropertyKey[], fileOf: (index: number) => string | undefined): string {
  let text = '';
  for (const step of path) text += typeof step === 'number' ? `[${step}]` : `${text ? '.' : ''}${String(step)}`;
  const index = path[1];
  const file = typeof index === 'number' ? fileOf(index) : undefined;
  return file ? `${text} (${file})` : text;
}

const kinds: Record<string, MessageKey> = {
  number: 'results-value-not-number',
  int: 'results-value-not-number',
  string: 'results-value-not-text',
  array: 'results-value-not-list',
  tuple: 'results-value-not-list',
  object: 'results-value-not-object',
  record: 'results-value-not-object',
};

/** A schema's complaint in words a person can act on: where in the file, and what is wrong there. */
export function issueProblem(issue: Issue, where: string): Says {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined || issue.input === null) return { key: 'results-value-missing', values: { where } };
      if (issue.expected === 'int' && typeof issue.input === 'number') return { key: 'results-value-not-whole', values: { where } };
      return { key: kinds[issue.expected] ?? 'results-value-invalid', values: { where } };
    case 'too_small':
      if (issue.origin === 'string') return { key: 'results-value-missing', values: { where } };
      if (issue.origin === 'array') return { key: 'results-value-wrong-length', values: { where } };
      return { key: 'results-value-too-small', values: { where, minimum: Number(issue.minimum) } };
    case 'too_big':
      if (issue.origin === 'array') return { key: 'results-value-wrong-length', values: { where } };
      return { key: 'results-value-too-big', values: { where, maximum: Number(issue.maximum) } };
    case 'custom': {
      const given = (issue.params as { says?: Says } | undefined)?.says;
      return given ? { key: given.key, values: { ...given.values, where } } : { key: 'results-value-invalid', values: { where } };
    }
    default:
      return { key: 'results-value-invalid', values: { where } };
  }
}
