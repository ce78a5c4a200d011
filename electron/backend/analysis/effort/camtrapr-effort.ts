import { StationError } from '../../rpc/envelope.ts';

/**
 * Effort of one deployment counted as camtrapR counts it (cameraOperation, then surveyReport),
 * so that figures agree with analyses people run in R.
 *
 * Times are camera wall-clock readings ('YYYY-MM-DD' or 'YYYY-MM-DD HH:MM[:SS]', 'T' allowed),
 * kept as milliseconds as if UTC so no time zone or daylight saving shift enters.
 * - Dates only: setup and retrieval are taken at 12 noon, so both end days count half; a problem
 *   runs from 00:00 on its first day (from setup when that is the setup day) to the end of its
 *   last day, cut at retrieval.
 * - Date-times: effort is the exact time the camera was set up and not in a problem period.
 * Overlapping problem periods are joined (camtrapR subtracts them twice, or stops when that goes negative).
 */
export interface ProblemPeriod {
  from: string;
  to: string;
}

export interface CamtraprEffortInput {
  setup: string;
  retrieval: string;
  problems?: readonly ProblemPeriod[];
}

export interface DailyEffort {
  /** The calendar day, YYYY-MM-DD. */
  date: string;
  /** Fraction of the day the camera was working: one cell of camtrapR's camera operation matrix. */
  effort: number;
}

export interface WorkingTime {
  /** dates: setup and retrieval days count half (camtrapR's rule for dates only); times: the exact active time. */
  rule: 'dates' | 'times';
  /** Setup and retrieval as effort takes them (noon of those days for dates only), wall-clock milliseconds. */
  setupMs: number;
  retrievalMs: number;
  /** The times the camera was working, wall-clock milliseconds counted as if UTC: effort within any range. */
  active: ActiveSpan[];
}

export interface CamtraprEffort extends WorkingTime {
  /** surveyReport n_calendar_days_total: days from setup to retrieval, both counted. */
  calendarDays: number;
  /** n_calendar_days_active: days with any working time. */
  activeDays: number;
  /** n_calendar_days_inactive: days with none. */
  inactiveDays: number;
  /** n_trap_nights_active: the sum of the daily fractions, in days. */
  trapNights: number;
  days: DailyEffort[];
}

export interface ActiveSpan {
  fromMs: number;
  toMs: number;
}

const hourMs = 3_600_000;
const dayMs = 24 * hourMs;

interface Instant {
  ms: number;
  dateOnly: boolean;
}

function parse(value: string): Instant {
  const date = /^\d{4}-\d{2}-\d{2}$/.test(value);
  const dateTime = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2})?$/.test(value);
  const ms = date ? Date.parse(`${value}T00:00:00Z`) : Date.parse(`${value.replace(' ', 'T')}Z`);
  if (!(date || dateTime) || Number.isNaN(ms)) throw new StationError('invalid-input', 'effort-bad-date', { value });
  return { ms, dateOnly: date };
}

const dayStart = (ms: number): number => Math.floor(ms / dayMs) * dayMs;
const overlap = (a0: number, a1: number, b0: number, b1: number): number => Math.max(0, Math.min(a1, b1) - Math.max(a0, b0));
// camtrapR rounds its matrix to 4 decimals; doing the same keeps sums identical.
const round4 = (x: number): number => Math.round(x * 1e4) / 1e4;

function problemSpans(input: CamtraprEffortInput, start: number, end: number): [number, number][] {
  const spans = (input.problems ?? []).map(({ from, to }): [number, number] => {
    const f = parse(from);
    const t = parse(to);
    let fromMs = f.dateOnly && dayStart(f.ms) === dayStart(start) ? Math.max(f.ms, start) : f.ms;
    let toMs = t.dateOnly ? t.ms + dayMs : t.ms;
    if (t.dateOnly && dayStart(t.ms) === dayStart(end)) toMs = Math.min(toMs, end);
    if (toMs < fromMs || (f.dateOnly && t.dateOnly && t.ms < f.ms)) throw new StationError('invalid-input', 'effort-problem-ends-before-start', { from, to });
    if (fromMs < start || toMs > end) {
      throw new StationError('invalid-input', 'effort-problem-outside-deployment', { from, to, start: input.setup, end: input.retrieval });
    }
    fromMs = Math.max(fromMs, start);
    toMs = Math.min(toMs, end);
    return [fromMs, toMs];
  });
  spans.sort((a, b) => a[0] - b[0]);
  const joined: [number, number][] = [];
  for (const span of spans) {
    const last = joined.at(-1);
    if (last && span[0] <= last[1]) last[1] = Math.max(last[1], span[1]);
    else joined.push(span);
  }
  return joined;
}

/** When the camera was set up, taken in and working, by the rule its setup and retrieval were written in. */
export function workingTime(input: CamtraprEffortInput): WorkingTime & { problems: [number, number][] } {
  const setup = parse(input.setup);
  const retrieval = parse(input.retrieval);
  if (setup.dateOnly !== retrieval.dateOnly) {
    throw new StationError('invalid-input', 'effort-mixed-setup-retrieval', { start: input.setup, end: input.retrieval });
  }
  const noon = setup.dateOnly ? 12 * hourMs : 0;
  const start = setup.ms + noon;
  const end = retrieval.ms + noon;
  if (end < start) throw new StationError('invalid-input', 'deployment-ends-before-start');
  const problems = problemSpans(input, start, end);
  const active: ActiveSpan[] = [];
  let from = start;
  for (const [f, t] of problems) {
    if (f > from) active.push({ fromMs: from, toMs: f });
    from = Math.max(from, t);
  }
  if (end > from) active.push({ fromMs: from, toMs: end });
  return { rule: setup.dateOnly ? 'dates' : 'times', setupMs: start, retrievalMs: end, active, problems };
}

/** The working time and, day by day, camtrapR's camera operation matrix and surveyReport's figures. */
export function camtraprEffort(input: CamtraprEffortInput): CamtraprEffort {
  const { problems, ...time } = workingTime(input);
  const start = time.setupMs;
  const end = time.retrievalMs;
  const days: DailyEffort[] = [];
  for (let day = dayStart(start); day < end; day += dayMs) {
    const set = overlap(day, day + dayMs, start, end);
    const lost = problems.reduce((sum, [f, t]) => sum + overlap(day, day + dayMs, f, t), 0);
    days.push({ date: new Date(day).toISOString().slice(0, 10), effort: round4((set - lost) / dayMs) });
  }
  const activeDays = days.filter((d) => d.effort > 0).length;
  return {
    ...time,
    calendarDays: days.length,
    activeDays,
    inactiveDays: days.length - activeDays,
    trapNights: round4(days.reduce((sum, d) => sum + d.effort, 0)),
    days,
  };
}
