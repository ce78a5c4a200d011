/**
 * Dates and times as Frictionless reads them: a strftime-style format (Camtrap DP uses
 * %Y-%m-%dT%H:%M:%S%z) turned into a strict pattern, and the parts checked to name a real
 * moment. Milliseconds have no directive, so a time that has them does not match.
 */
const directives: Record<string, { pattern: string; part?: Part }> = {
  Y: { pattern: '(\\d{4})', part: 'year' },
  m: { pattern: '(\\d{2})', part: 'month' },
  d: { pattern: '(\\d{2})', part: 'day' },
  H: { pattern: '(\\d{2})', part: 'hour' },
  M: { pattern: '(\\d{2})', part: 'minute' },
  S: { pattern: '(\\d{2})', part: 'second' },
  z: { pattern: '(Z|[+-]\\d{2}:?\\d{2})', part: 'offset' },
  '%': { pattern: '%' },
};

type Part = 'year' | 'month' | 'day' | 'hour' | 'minute' | 'second' | 'offset';

interface CompiledFormat {
  regex: RegExp;
  parts: Part[];
}

const compiled = new Map<string, CompiledFormat | null>();

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Null for a format with a directive this reader does not know. */
function compile(format: string): CompiledFormat | null {
  if (compiled.has(format)) return compiled.get(format) ?? null;
  const parts: Part[] = [];
  let pattern = '';
  let ok = true;
  for (let i = 0; i < format.length; i += 1) {
    const c = format[i] as string;
    if (c !== '%') {
      pattern += escape(c);
      continue;
    }
    const d = directives[format[i + 1] ?? ''];
    i += 1;
    if (!d) {
      ok = false;
      break;
    }
    pattern += d.pattern;
    if (d.part) parts.push(d.part);
  }
  const result = ok ? { regex: new RegExp(`^${pattern}$`), parts } : null;
  compiled.set(format, result);
  return result;
}

function realMoment(values: Partial<Record<Part, string>>): boolean {
  const n = (p: Part, fallback: number) => (values[p] === undefined ? fallback : Number(values[p]));
  const year = n('year', 2000);
  const month = n('month', 1);
  const day = n('day', 1);
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return false;
  if (n('hour', 0) > 23 || n('minute', 0) > 59 || n('second', 0) > 59) return false;
  const offset = values.offset;
  if (offset && offset !== 'Z') {
    const digits = offset.replace(':', '');
    if (Number(digits.slice(1, 3)) > 14 || Number(digits.slice(3, 5)) > 59) return false;
  }
  return true;
}

/** Whether a text matches a strftime-style format and names a moment that exists. */
export function matchesDateFormat(text: string, format: string): boolean {
  if (format === 'any') return !Number.isNaN(Date.parse(text));
  const compiledFormat = compile(format);
  if (!compiledFormat) return !Number.isNaN(Date.parse(text));
  const match = compiledFormat.regex.exec(text);
  if (!match) return false;
  const values: Partial<Record<Part, string>> = {};
  compiledFormat.parts.forEach((p, i) => {
    values[p] = match[i + 1];
  });
  return realMoment(values);
}

/** The formats Frictionless means by "default". */
export const defaultFormats = { datetime: '%Y-%m-%dT%H:%M:%SZ', date: '%Y-%m-%d', time: '%H:%M:%S' } as const;
