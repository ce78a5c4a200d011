import { defaultFormats, matchesDateFormat } from './datetime-format.ts';
import type { PackageProblem } from './problems.ts';
import type { FieldSchema } from '../spec/load-spec.ts';

type Finding = Pick<PackageProblem, 'key'> & { values?: Record<string, string | number> };

const integerText = /^[+-]?\d+$/;
const numberText = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
const specialNumbers = new Set(['NaN', 'INF', '-INF', '+INF']);
const defaultTrue = ['true', 'True', 'TRUE', '1'];
const defaultFalse = ['false', 'False', 'FALSE', '0'];

function isJsonOf(text: string, kind: 'object' | 'array'): boolean {
  try {
    const value: unknown = JSON.parse(text);
    return kind === 'array' ? Array.isArray(value) : typeof value === 'object' && value !== null && !Array.isArray(value);
  } catch {
    return false;
  }
}

const stringFormats: Record<string, RegExp> = {
  email: /^[^@\s]+@[^@\s]+$/,
  uri: /^[a-zA-Z][a-zA-Z0-9+.-]*:\S+$/,
  uuid: /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/,
};

/** Null when the cell is of the field's type and format. */
function typeFinding(field: FieldSchema, text: string): Finding | null {
  switch (field.type) {
    case 'integer':
      return integerText.test(text) ? null : { key: 'table-value-not-integer' };
    case 'number':
      return numberText.test(text) || specialNumbers.has(text) ? null : { key: 'table-value-not-number' };
    case 'boolean':
      return [...(field.trueValues ?? defaultTrue), ...(field.falseValues ?? defaultFalse)].includes(text) ? null : { key: 'table-value-not-boolean' };
    case 'datetime':
    case 'date':
    case 'time': {
      const format = field.format === 'default' ? defaultFormats[field.type] : field.format;
      if (matchesDateFormat(text, format)) return null;
      return { key: field.type === 'datetime' ? 'table-value-bad-datetime' : 'table-value-bad-date', values: { format } };
    }
    case 'year':
      return /^\d{4}$/.test(text) ? null : { key: 'table-value-bad-date', values: { format: 'YYYY' } };
    case 'object':
    case 'array':
      return isJsonOf(text, field.type) ? null : { key: 'table-value-not-json', values: { type: field.type } };
    case 'string': {
      const format = stringFormats[field.format];
      return !format || format.test(text) ? null : { key: 'table-value-bad-format', values: { format: field.format } };
    }
    default:
      return null;
  }
}

const patterns = new Map<string, RegExp>();

/** Frictionless matches a pattern against the whole value. */
function wholePattern(pattern: string): RegExp {
  let regex = patterns.get(pattern);
  if (!regex) {
    regex = new RegExp(`^(?:${pattern})$`);
    patterns.set(pattern, regex);
  }
  return regex;
}

function constraintFinding(field: FieldSchema, text: string): Finding | null {
  const c = field.constraints;
  const numeric = field.type === 'integer' || field.type === 'number';
  if (c.enum && !c.enum.some((allowed) => (numeric ? Number(allowed) === Number(text) : String(allowed) === text))) {
    return { key: 'table-value-not-allowed', values: { allowed: c.enum.join(', ') } };
  }
  if (c.pattern !== undefined && field.type === 'string' && !wholePattern(c.pattern).test(text)) {
    // The one pattern a volunteer meets most: say what a file path may be, not the pattern.
    return { key: field.name === 'filePath' ? 'table-file-path-not-relative' : 'table-value-bad-pattern', values: { pattern: c.pattern } };
  }
  if (numeric && !specialNumbers.has(text)) {
    const value = Number(text);
    if (c.minimum !== undefined && value < c.minimum) return { key: 'table-value-too-small', values: { minimum: c.minimum } };
    if (c.maximum !== undefined && value > c.maximum) return { key: 'table-value-too-large', values: { maximum: c.maximum } };
  }
  if (field.type === 'string') {
    if (c.minLength !== undefined && text.length < c.minLength) return { key: 'table-value-too-short', values: { minLength: c.minLength } };
    if (c.maxLength !== undefined && text.length > c.maxLength) return { key: 'table-value-too-long', values: { maxLength: c.maxLength } };
  }
  return null;
}

/** What is wrong with a cell that is not missing: its type or format, then its constraints; null when it is fine. */
export function checkValue(field: FieldSchema, text: string): Finding | null {
  return typeFinding(field, text) ?? constraintFinding(field, text);
}
