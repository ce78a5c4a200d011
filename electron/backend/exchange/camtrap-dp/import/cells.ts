import { z } from 'zod';
import type { Problems } from './refusal.ts';
import type { MessageKey, MessageValues, Says } from '../../../rpc/messages.ts';

/** A Camtrap DP date and time: the text as given, the moment, and its UTC offset in minutes (null for Z). */
export interface Moment {
  text: string;
  ms: number;
  offsetMinutes: number | null;
}

const momentShape = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d+)?(Z|([+-])(\d{2}):?(\d{2}))$/;

/** A time with an offset that names a real moment; a time without one says nothing about when it was. */
export function parseMoment(text: string): Moment | null {
  const m = momentShape.exec(text);
  if (!m) return null;
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number) as [number, number, number, number, number, number];
  const offsetHours = m[10] === undefined ? 0 : Number(m[10]);
  const offsetMinutesPart = m[11] === undefined ? 0 : Number(m[11]);
  if (hour > 23 || minute > 59 || second > 59 || offsetHours > 14 || offsetMinutesPart > 59) return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  const offsetMinutes = m[8] === 'Z' ? null : (m[9] === '-' ? -1 : 1) * (offsetHours * 60 + offsetMinutesPart);
  const wall = Date.UTC(year, month - 1, day, hour, minute, second) + Math.round(Number(m[7] ?? 0) * 1000);
  return { text, ms: wall - (offsetMinutes ?? 0) * 60_000, offsetMinutes };
}

/** How a column's text is read, and what is said when it is not of the column's type. */
export interface CellType<T> {
  schema: z.ZodType<T, string>;
  key: MessageKey;
  values?: MessageValues;
}

const numberText = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
const trueTexts = ['true', 'True', 'TRUE', '1'];

// The keys are those the package check uses, so a cell is described the same way by both.
export const cellTypes = {
  text: { schema: z.string(), key: 'table-value-bad-format' } satisfies CellType<string>,
  number: (minimum: number, maximum: number): CellType<number> => ({
    schema: z.string().regex(numberText).transform(Number).pipe(z.number().min(minimum).max(maximum)),
    key: 'table-value-not-number',
  }),
  whole: (minimum: number): CellType<number> => ({
    schema: z.string().regex(/^[+-]?\d+$/).transform(Number).pipe(z.number().int().min(minimum).max(Number.MAX_SAFE_INTEGER)),
    key: 'table-value-not-integer',
  }),
  boolean: {
    schema: z.enum([...trueTexts, 'false', 'False', 'FALSE', '0']).transform((t) => trueTexts.includes(t)),
    key: 'table-value-not-boolean',
  } satisfies CellType<boolean>,
  moment: {
    schema: z.string().transform((t, ctx) => {
      const m = parseMoment(t);
      if (!m) ctx.addIssue({ code: 'custom', message: 'not a date and time with an offset' });
      return m as Moment;
    }),
    key: 'table-value-bad-datetime',
    values: { format: '%Y-%m-%dT%H:%M:%S%z' },
  } satisfies CellType<Moment>,
  oneOf: <const T extends readonly [string, ...string[]]>(allowed: T): CellType<T[number]> => ({
    schema: z.enum(allowed) as unknown as z.ZodType<T[number], string>,
    key: 'table-value-not-allowed',
    values: { allowed: allowed.join(', ') },
  }),
};

/** A number out of its range is said as such; anything else as not being of the column's type. */
function described(type: CellType<unknown>, issue: z.core.$ZodIssue | undefined): Pick<Says, 'key' | 'values'> {
  if (issue?.code === 'too_small') return { key: 'table-value-too-small', values: { minimum: Number(issue.minimum) } };
  if (issue?.code === 'too_big') return { key: 'table-value-too-large', values: { maximum: Number(issue.maximum) } };
  return { key: type.key, values: type.values };
}

const missingValues = new Set(['', 'NA', 'NaN', 'nan']);
const shown = (text: string): string => (text.length > 80 ? `${text.slice(0, 77)}…` : text);

/** One row of a table, read by column name; what cannot be read is said with file, row and column. */
export class RowCells {
  constructor(
    private readonly file: string,
    private readonly row: number,
    private readonly index: Map<string, number>,
    private readonly record: string[],
    private readonly problems: Problems,
  ) {}

  text(column: string): string | null {
    const i = this.index.get(column);
    const value = i === undefined ? undefined : this.record[i];
    return value === undefined || missingValues.has(value.trim()) ? null : value;
  }

  /** Undefined when the cell could not be read (a problem is recorded), null when it is empty and may be. */
  read<T>(column: string, type: CellType<T>, required = false): T | null | undefined {
    const text = this.text(column);
    if (text === null) {
      if (!required) return null;
      this.problems.push({ key: 'table-value-missing', values: { file: this.file, row: this.row, column } });
      return undefined;
    }
    const parsed = type.schema.safeParse(text.trim());
    if (parsed.success) return parsed.data;
    const { key, values } = described(type as CellType<unknown>, parsed.error.issues[0]);
    this.problems.push({ key, values: { file: this.file, row: this.row, column, value: shown(text), ...values } });
    return undefined;
  }

  /** The cells of columns the library has no place for, that are not empty. */
  rest(used: ReadonlySet<string>): Record<string, string> {
    const out: Record<string, string> = {};
    for (const [column, i] of this.index) {
      const value = this.record[i];
      if (!used.has(column) && value !== undefined && !missingValues.has(value.trim())) out[column] = value;
    }
    return out;
  }
}
