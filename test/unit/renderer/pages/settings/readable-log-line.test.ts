import { describe, expect, it } from 'vitest';
import { readableLogLine } from '../../../../../renderer/pages/settings/readable-log-line.ts';

describe('the log as a person reads it', () => {
  it('shows time, level, message, reference and error instead of JSON', () => {
    const line = readableLogLine(JSON.stringify({ time: '2026-11-30T06:00:00.000Z', level: 'error', pid: 1, message: 'import crashed', ref: 'E-ABC123', error: 'EIO' }));
    expect(line).toContain('ERROR import crashed (E-ABC123) : EIO');
    expect(line).not.toContain('{');
  });

  it('leaves a line that is not the log JSON as it is', () => {
    expect(readableLogLine('plain text')).toBe('plain text');
    expect(readableLogLine('42')).toBe('42');
  });
});
