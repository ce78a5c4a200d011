/**
 * One line of the app's JSON log as a person reads it: local time, level, message, and the
 * reference a user quotes when asking for help. A line that is not the log's JSON is shown as it is.
 */
export function readableLogLine(line: string): string {
  let entry: unknown;
  try {
    entry = JSON.parse(line);
  } catch {
    return line;
  }
  if (typeof entry !== 'object' || entry === null) return line;
  const { time, level, message, ref, error } = entry as Record<string, unknown>;
  const when = typeof time === 'string' && !Number.isNaN(Date.parse(time)) ? new Date(time).toLocaleString() : '';
  const parts = [when, typeof level === 'string' ? level.toUpperCase() : '', typeof message === 'string' ? message : ''];
  if (typeof ref === 'string') parts.push(`(${ref})`);
  if (typeof error === 'string') parts.push(`: ${error}`);
  return parts.filter(Boolean).join(' ');
}
