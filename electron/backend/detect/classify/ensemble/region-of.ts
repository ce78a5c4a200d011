import { iso1A3Code } from '@rapideditor/country-coder';
import type { Region } from './types.ts';
import { usStateOf } from './us-state-of.ts';

/**
 * The country (ISO 3166-1 alpha-3) and, in the United States, the state at a point, offline,
 * for SpeciesNet's geofence. Territories count as their own countries (Puerto Rico is 'PRI'), as
 * in ISO 3166-1 and SpeciesNet's rules; SpeciesNet names regions only for US states.
 */
export function regionOf(latitude: number, longitude: number): Region {
  if (!Number.isFinite(latitude) || !Number.isFinite(longitude) || Math.abs(latitude) > 90 || Math.abs(longitude) > 180) {
    return { country: null, admin1: null };
  }
  const country = iso1A3Code([longitude, latitude], { level: 'territory' });
  return { country, admin1: country === 'USA' ? usStateOf(latitude, longitude) : null };
}
