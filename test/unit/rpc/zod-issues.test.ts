import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { saying } from '../../../electron/backend/rpc/saying.ts';
import { describeIssues } from '../../../electron/backend/rpc/zod-issues.ts';

const schema = z.object({
  latitude: z.number().min(-90).max(90),
  locationName: z.string().trim().min(1).max(20),
  count: z.number().int().optional(),
  kind: z.enum(['animal', 'person']).optional(),
  path: z.string().refine((p) => p.startsWith('/'), saying('path-not-absolute')).optional(),
});

const said = (input: unknown) => {
  const parsed = schema.safeParse(input, { reportInput: true });
  if (parsed.success) throw new Error('the input passed');
  return describeIssues(parsed.error.issues);
};

describe('validation issues in plain words', () => {
  it('names the field and what to do, never zod’s own text', () => {
    expect(said({ locationName: 'Pond' })).toEqual({ message: 'Latitude is missing: fill it in.', says: { key: 'field-missing', values: { field: 'latitude' } } });
    expect(said({ latitude: 'north', locationName: 'Pond' }).says).toEqual({ key: 'field-not-a-number', values: { field: 'latitude' } });
    expect(said({ latitude: 95, locationName: 'Pond' })).toEqual({ message: 'Latitude must be at most 90.', says: { key: 'field-too-big', values: { field: 'latitude', maximum: 90 } } });
    expect(said({ latitude: -95, locationName: 'Pond' }).says).toEqual({ key: 'field-too-small', values: { field: 'latitude', minimum: -90 } });
    expect(said({ latitude: 5, locationName: '  ' }).says).toEqual({ key: 'field-missing', values: { field: 'locationName' } });
    expect(said({ latitude: 5, locationName: 'x'.repeat(21) }).says).toEqual({ key: 'field-too-long', values: { field: 'locationName', maximum: 20 } });
    expect(said({ latitude: 5, locationName: 'Pond', count: 1.5 }).says).toEqual({ key: 'field-not-whole', values: { field: 'count' } });
    expect(said({ latitude: 5, locationName: 'Pond', kind: 'dragon' }).says).toEqual({ key: 'field-not-allowed', values: { field: 'kind' } });
    expect(said({ latitude: 5, locationName: 'Pond', path: 'nd' })).toEqual({ message: expect.stringMatching(/^Choose it with the folder browser/), says: { key: 'path-not-absolute' } });
    expect(said(42).says).toEqual({ key: 'request-invalid' });
  });
});
