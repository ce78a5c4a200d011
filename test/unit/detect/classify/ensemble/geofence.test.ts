import { describe, expect, it } from 'vitest';
import * as sn from './speciesnet-fixtures.ts';
import { geofenceMaxChars, isGeofenced, parseGeofence } from '../../../../../electron/backend/detect/classify/ensemble/geofence.ts';
import { StationError } from '../../../../../electron/backend/rpc/envelope.ts';

// geofence_utils_test.py, test_should_geofence_animal_classification: label, country, admin1, fenced?
const cases: [string, string, string | null, string | null, boolean][] = [
  ['lion', sn.LION, null, null, false],
  ['puma, which has no rule', sn.PUMA, 'USA', null, false],
  ['puma, which has no rule', sn.PUMA, 'USA', 'CA', false],
  ['lion', sn.LION, 'GBR', null, true],
  ['lion', sn.LION, 'KEN', null, false],
  ['panthera genus', sn.PANTHERA_GENUS, 'USA', null, false],
  ['panthera genus', sn.PANTHERA_GENUS, 'USA', 'NY', true],
  ['panthera genus', sn.PANTHERA_GENUS, 'USA', 'CA', false],
  ['felidae family', sn.FELIDAE_FAMILY, 'FRA', null, true],
  ['felidae family', sn.FELIDAE_FAMILY, 'TZA', null, false],
  ['felidae family', sn.FELIDAE_FAMILY, 'USA', 'CA', false],
  ['felidae family', sn.FELIDAE_FAMILY, 'USA', 'NY', true],
  ['sand cat', sn.SAND_CAT, 'GBR', null, false],
  ['sand cat', sn.SAND_CAT, 'AUS', null, true],
];

describe('geofencing a label', () => {
  it.each(cases)('%s in %s / %s: fenced %s', (_name, label, country, admin1, fenced) => {
    expect(isGeofenced(label, { country, admin1 }, sn.geofence)).toBe(fenced);
  });

  // test_should_geofence_animal_classification_disabled: with geofencing off, nothing is fenced.
  it.each(cases)('%s in %s / %s: not fenced with geofencing off', (_name, label, country, admin1) => {
    expect(isGeofenced(label, { country, admin1 }, null)).toBe(false);
  });

  it('treats an empty "allow" as no allow rule, as the release propagates to higher taxa', () => {
    const fence = { 'mammalia;carnivora;;;': { allow: {} } };
    expect(isGeofenced(sn.CARNIVORA_ORDER, { country: 'GBR', admin1: null }, fence)).toBe(false);
  });
});

describe('reading a geofence file', () => {
  const refused = (text: string) => {
    try {
      parseGeofence(text);
    } catch (err) {
      expect(err).toBeInstanceOf(StationError);
      const says = (err as StationError).says;
      expect(says?.key).toBe('classifier-geofence-bad');
      return String(says?.values?.detail);
    }
    throw new Error('the file was accepted');
  };

  it("reads SpeciesNet's release form", () => {
    expect(parseGeofence(JSON.stringify(sn.geofence))).toEqual(sn.geofence);
    expect(parseGeofence('{"mammalia;;;;": {"allow": {}}}')).toEqual({ 'mammalia;;;;': { allow: {} } });
  });

  it('refuses what is not JSON, or not the form', () => {
    expect(refused('{"mammalia;;;;": ')).toMatch(/JSON/);
    expect(refused('[]')).toMatch(/expected record/);
    expect(refused('{"mammalia;carnivora": {"allow": {}}}')).toBe('mammalia;carnivora: not a class;order;family;genus;species key');
    expect(refused('{"mammalia;;;;": {"allow": {"usa": []}}}')).toBe('mammalia;;;; > allow > usa: not an ISO 3166-1 alpha-3 country code');
    expect(refused('{"mammalia;;;;": {"block": {"USA": "CA"}}}')).toMatch(/block > USA/);
    expect(refused('{"mammalia;;;;": {"block": {"USA": ["<script>"]}}}')).toMatch(/region code/);
  });

  it('drops keys that would reach the object prototype', () => {
    const fence = parseGeofence('{"__proto__": {"allow": {}}, "mammalia;;;;": {"allow": {"__proto__": [], "KEN": []}}}');
    expect(fence).toEqual({ 'mammalia;;;;': { allow: { KEN: [] } } });
    expect(Object.getPrototypeOf(fence)).toBe(Object.prototype);
    expect(isGeofenced(sn.MAMMALIA_CLASS, { country: 'KEN', admin1: null }, fence)).toBe(false);
    expect(isGeofenced(sn.MAMMALIA_CLASS, { country: 'GBR', admin1: null }, fence)).toBe(true);
  });

  it('refuses a file far larger than a geofence release', () => {
    expect(refused(' '.repeat(geofenceMaxChars + 1))).toMatch(/too large/);
  });
});
