import type { z } from 'zod';
import { englishFor, type Says } from './messages.ts';

type Issue = z.core.$ZodIssue;

/** The field an issue is about: the last named step of its path ("target.mediaIDs.0" is mediaIDs). */
function fieldOf(issue: Issue): string {
  const named = issue.path.filter((p): p is string => typeof p === 'string');
  return named[named.length - 1] ?? 'request';
}

function says(issue: Issue): Says {
  const field = fieldOf(issue);
  if (field === 'request') return { key: 'request-invalid' };
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined || issue.input === null || issue.input === '') return { key: 'field-missing', values: { field } };
      if (issue.expected === 'int' && typeof issue.input === 'number') return { key: 'field-not-whole', values: { field } };
      return { key: issue.expected === 'number' || issue.expected === 'int' ? 'field-not-a-number' : 'field-invalid', values: { field } };
    case 'too_small':
      if (issue.origin === 'string') return Number(issue.minimum) <= 1 ? { key: 'field-missing', values: { field } } : { key: 'field-too-short', values: { field, minimum: Number(issue.minimum) } };
      if (issue.origin === 'number' || issue.origin === 'int') return { key: 'field-too-small', values: { field, minimum: Number(issue.minimum) } };
      return { key: 'field-missing', values: { field } };
    case 'too_big':
      if (issue.origin === 'string') return { key: 'field-too-long', values: { field, maximum: Number(issue.maximum) } };
      if (issue.origin === 'number' || issue.origin === 'int') return { key: 'field-too-big', values: { field, maximum: Number(issue.maximum) } };
      return { key: 'field-invalid', values: { field } };
    case 'not_multiple_of':
      return { key: 'field-not-whole', values: { field } };
    case 'invalid_format':
      return { key: 'field-bad-format', values: { field } };
    case 'invalid_value':
      return { key: 'field-not-allowed', values: { field } };
    case 'custom': {
      const given = (issue.params as { says?: Says } | undefined)?.says;
      return given ?? { key: 'field-invalid', values: { field } };
    }
    default:
      return { key: 'field-invalid', values: { field } };
  }
}

/**
 * Raw validation output ("Too big: expected number to be <=90") means nothing to a volunteer:
 * the first issue becomes a message that names the field and what to do about it.
 */
export function describeIssues(issues: Issue[]): { message: string; says: Says } {
  const first = issues[0];
  const said: Says = first ? says(first) : { key: 'request-invalid' };
  return { message: englishFor(said.key, said.values), says: said };
}
