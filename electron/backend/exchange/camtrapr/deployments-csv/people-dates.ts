/** Whether 03/04/2024 is the 3rd of April (day first) or the 4th of March (month first). */
export type DateOrder = 'dmy' | 'mdy';

export type ReadDate =
  /** A Camtrap DP time that carries its own UTC offset, kept as it is. */
  | { iso: string }
  /** A station wall-clock reading; without a time it stands for the start or the end of the day. */
  | { wallMs: number; hasTime: boolean };

interface Pieces {
  year: number;
  /** Day and month, or the two numbers whose order the column decides. */
  first: number;
  second: number;
  /** True when the month was written as a name or the year came first: no order to decide. */
  fixed: boolean;
  time: { hour: number; minute: number; second: number } | null;
}

const monthNames = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const isoWithOffset = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(:\d{2})?(?:\.\d+)?(Z|[+-]\d{2}:?\d{2})$/;
const timePart = /^(.*?)[ T]+(\d{1,2})[:h](\d{2})(?:[:.](\d{2}))?\s*([ap])?\.?m?\.?$/i;

function readTime(hourText: string, minuteText: string, secondText: string | undefined, ampm: string | undefined): Pieces['time'] {
  let hour = Number(hourText);
  if (ampm) {
    if (hour < 1 || hour > 12) return null;
    hour = (hour % 12) + (ampm.toLowerCase() === 'p' ? 12 : 0);
  }
  const time = { hour, minute: Number(minuteText), second: Number(secondText ?? 0) };
  return time.hour < 24 && time.minute < 60 && time.second < 60 ? time : null;
}

const fullYear = (text: string) => (text.length <= 2 ? 2000 + Number(text) : Number(text));

/** 2024-03-01, 1/3/2024, 01.03.24, 1 March 2024, Mar 1, 2024, 01-Mar-2024; a time after it, 14:30, 14h30 or 2:30 pm. */
function pieces(text: string): Pieces | null {
  let date = text.trim();
  let time: Pieces['time'] = null;
  const t = timePart.exec(date);
  if (t) {
    time = readTime(t[2] ?? '', t[3] ?? '', t[4], t[5]);
    if (!time) return null;
    date = (t[1] ?? '').trim();
  }
  const numeric = /^(\d{1,4})[-/.](\d{1,2})[-/.](\d{1,4})$/.exec(date);
  if (numeric) {
    const [a = '', b = '', c = ''] = numeric.slice(1);
    if (a.length === 4) return { year: Number(a), first: Number(c), second: Number(b), fixed: true, time };
    if (c.length !== 4 && c.length !== 2) return null;
    return { year: fullYear(c), first: Number(a), second: Number(b), fixed: false, time };
  }
  const tokens = date.split(/[\s,./-]+/).filter(Boolean);
  const monthAt = tokens.findIndex((w) => /^[a-z]{3,}$/i.test(w) && monthNames.includes(w.slice(0, 3).toLowerCase()));
  if (tokens.length !== 3 || monthAt === -1) return null;
  const month = monthNames.indexOf((tokens[monthAt] ?? '').slice(0, 3).toLowerCase()) + 1;
  const numbers = tokens.filter((_, i) => i !== monthAt);
  if (!numbers.every((n) => /^\d{1,4}$/.test(n))) return null;
  const yearAt = numbers.findIndex((n) => n.length === 4);
  const year = yearAt === -1 ? fullYear(numbers[1] ?? '') : Number(numbers[yearAt]);
  const day = Number(numbers[yearAt === 0 ? 1 : 0]);
  return { year, first: day, second: month, fixed: true, time };
}

/** Which orders a value allows: a number above 12 can only be a day. */
export function ordersAllowed(text: string): DateOrder[] {
  const p = pieces(text);
  if (!p || p.fixed) return ['dmy', 'mdy'];
  return (['dmy', 'mdy'] as const).filter((order) => (order === 'dmy' ? p.second : p.first) <= 12);
}

/** Whether a column's dates need the user to say which comes first, the day or the month. */
export function needsOrder(text: string): boolean {
  const p = pieces(text);
  return p !== null && !p.fixed;
}

/** A date as people write it, read in the given order; null when it names no real day or time. */
export function readPeopleDate(text: string, order: DateOrder): ReadDate | null {
  const iso = isoWithOffset.exec(text.trim());
  if (iso) {
    const offset = iso[4] === 'Z' ? 'Z' : `${iso[4]?.slice(0, 3)}:${iso[4]?.slice(-2)}`;
    const normal = `${iso[1]}T${iso[2]}${iso[3] ?? ':00'}${offset}`;
    return Number.isNaN(Date.parse(normal)) ? null : { iso: normal };
  }
  const p = pieces(text);
  if (!p) return null;
  const [day, month] = p.fixed || order === 'dmy' ? [p.first, p.second] : [p.second, p.first];
  const wallMs = Date.UTC(p.year, month - 1, day, p.time?.hour ?? 0, p.time?.minute ?? 0, p.time?.second ?? 0);
  const back = new Date(wallMs);
  if (back.getUTCFullYear() !== p.year || back.getUTCMonth() !== month - 1 || back.getUTCDate() !== day) return null;
  return { wallMs, hasTime: p.time !== null };
}
