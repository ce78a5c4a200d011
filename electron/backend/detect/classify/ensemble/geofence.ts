import { z } from 'zod';
import { fullClassOf } from './labels.ts';
import type { Region } from './types.ts';
import { StationError } from '../../../rpc/envelope.ts';

/** SpeciesNet's release is a few megabytes; far more is not a geofence file. */
export const geofenceMaxChars = 32 * 1024 * 1024;

const fullClass = z.string().max(500).regex(/^[^;]*(;[^;]*){4}$/, 'not a class;order;family;genus;species key');
const country = z.string().regex(/^[A-Z]{3}$/, 'not an ISO 3166-1 alpha-3 country code');
const admin1 = z.string().regex(/^[A-Za-z0-9-]{1,10}$/, 'not a region code');
/** Country to the regions a rule names in it; no regions means the whole country. */
const byCountry = z.record(country, z.array(admin1).max(1000));

/** SpeciesNet's geofence release: for each taxon, the countries it lives in and those it does not. */
export const geofenceSchema = z.record(fullClass, z.object({ allow: byCountry.optional(), block: byCountry.optional() }));

export type Geofence = z.infer<typeof geofenceSchema>;
type CountryRules = Record<string, string[]>;

/** A geofence file from a model package, checked: anything malformed is refused, saying why. */
export function parseGeofence(text: string): Geofence {
  const refuse = (detail: string) => new StationError('invalid-input', 'classifier-geofence-bad', { detail: detail.slice(0, 200) });
  if (text.length > geofenceMaxChars) throw refuse('the file is far too large');
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    throw refuse((err as Error).message);
  }
  const parsed = geofenceSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    // A bad key says only "Invalid key in record"; what is wrong with it is one level down.
    const message = issue?.code === 'invalid_key' ? (issue.issues[0]?.message ?? issue.message) : issue?.message;
    throw refuse(issue ? `${issue.path.join(' > ') || 'the file'}: ${message}` : 'invalid');
  }
  return parsed.data;
}

const has = (rules: CountryRules | undefined, key: string): rules is CountryRules => rules !== undefined && Object.hasOwn(rules, key);
const nonEmpty = (rules: CountryRules | undefined): rules is CountryRules => rules !== undefined && Object.keys(rules).length > 0;

/**
 * Whether a label is out of its range at a place (geofence_utils.py,
 * should_geofence_animal_classification): outside the countries or regions an "allow" rule names,
 * or inside a country or region a "block" rule names. Without a country nothing is fenced.
 */
export function isGeofenced(label: string, region: Region, geofence: Geofence | null): boolean {
  const { country, admin1 } = region;
  if (!geofence || !country) return false;
  const key = fullClassOf(label);
  if (!Object.hasOwn(geofence, key)) return false;
  const { allow, block } = geofence[key] ?? {};
  if (nonEmpty(allow)) {
    if (!has(allow, country)) return true;
    const regions = allow[country] ?? [];
    if (admin1 && regions.length > 0 && !regions.includes(admin1)) return true;
  }
  if (nonEmpty(block) && has(block, country)) {
    const regions = block[country] ?? [];
    if (regions.length === 0) return true;
    if (admin1 && regions.includes(admin1)) return true;
  }
  return false;
}
