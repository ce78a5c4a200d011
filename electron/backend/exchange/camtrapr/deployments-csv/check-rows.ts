import { readPeopleDate, type DateOrder } from './people-dates.ts';
import type { Field, Table } from './read-table.ts';
import { isoAtStation } from './zone-offset.ts';
import type { Db } from '../../../library/db.ts';
import { timeZoneAt } from '../../../library/time-zone.ts';
import type { Says } from '../../../rpc/messages.ts';

/** One row of the table as it would be imported, with what is wrong with it. */
export interface DeploymentRow {
  /** As a spreadsheet counts: the header is row 1. */
  row: number;
  deploymentID: string;
  locationID: string;
  locationName: string;
  /** The location is new to the library (made by the import). */
  newLocation: boolean;
  latitude: number | null;
  longitude: number | null;
  deploymentStart: string | null;
  deploymentEnd: string | null;
  cameraID: string | null;
  cameraModel: string | null;
  cameraHeight: number | null;
  baitUse: boolean | null;
  deploymentComments: string | null;
  problems: Says[];
}

/** Two places closer than this (about 100 m) are the same station written twice. */
const samePlace = 0.001;
const idShape = /^[\w.:-]{1,64}$/;

function decimal(text: string): number | null {
  const t = text.trim();
  if (!/^[+-]?\d+([.,]\d+)?$/.test(t)) return null;
  return Number(t.replace(',', '.'));
}

function yesNo(text: string): boolean | null | undefined {
  const t = text.trim().toLowerCase();
  if (t === '') return null;
  if (['true', 'yes', 'y', '1'].includes(t)) return true;
  if (['false', 'no', 'n', '0'].includes(t)) return false;
  return undefined;
}

/** An ID made from the station's name and the day it was set up, for tables that give none: readable, and unique. */
function madeID(station: string, startIso: string | null, taken: (id: string) => boolean): string {
  const base = `${station.normalize('NFKD').replace(/[^\w.-]+/g, '_').replace(/^_+|_+$/g, '').slice(0, 40) || 'station'}${startIso ? `-${startIso.slice(0, 10)}` : ''}`;
  let id = base;
  for (let n = 2; taken(id); n += 1) id = `${base}-${n}`;
  return id;
}

interface KnownLocation {
  locationID: string;
  name: string;
  latitude: number;
  longitude: number;
}

/**
 * Every row checked as the import would store it: coordinates on the map, dates read in the
 * table's order and given the offset of the station's zone (a day without a time runs from the
 * start of the setup day to the end of the retrieval day), IDs free, one place per station.
 */
export function checkRows(db: Db, table: Table, order: DateOrder): DeploymentRow[] {
  const cell = (row: string[], field: Field): string => {
    const at = table.columns[field];
    return at === undefined ? '' : (row[at] ?? '').trim();
  };
  const libraryLocations = db.prepare('SELECT location_id AS locationID, name, latitude, longitude FROM locations').all() as KnownLocation[];
  const byID = new Map(libraryLocations.map((l) => [l.locationID, l]));
  const byName = new Map(libraryLocations.map((l) => [l.name.toLowerCase(), l]));
  const deploymentTaken = db.prepare('SELECT 1 FROM deployments WHERE deployment_id = ?').pluck();
  const idsInFile = new Map<string, number>();
  const newLocations = new Map<string, KnownLocation>();
  const locationTaken = (id: string) => byID.has(id) || [...newLocations.values()].some((l) => l.locationID === id);

  return table.rows.map((cells, i): DeploymentRow => {
    const row = i + 2;
    const problems: Says[] = [];
    const say = (key: Says['key'], values: Record<string, string | number> = {}) => problems.push({ key, values: { row, ...values } });
    const latitude = decimal(cell(cells, 'latitude'));
    const longitude = decimal(cell(cells, 'longitude'));
    if (latitude === null) say('row-latitude-invalid', { value: cell(cells, 'latitude') });
    else if (latitude < -90 || latitude > 90) say('row-latitude-off-map', { value: latitude });
    if (longitude === null) say('row-longitude-invalid', { value: cell(cells, 'longitude') });
    else if (longitude < -180 || longitude > 180) say('row-longitude-off-map', { value: longitude });
    const place = latitude !== null && longitude !== null && Math.abs(latitude) <= 90 && Math.abs(longitude) <= 180 ? { latitude, longitude } : null;

    const givenLocation = cell(cells, 'locationID');
    const station = cell(cells, 'station') || givenLocation;
    if (!station) say('row-station-missing');
    if (givenLocation && !idShape.test(givenLocation)) say('row-id-bad', { value: givenLocation });

    // The place: the library's, or one this table makes, never the same name in two places.
    let location: KnownLocation | undefined = givenLocation ? (byID.get(givenLocation) ?? newLocations.get(`id:${givenLocation}`)) : (byName.get(station.toLowerCase()) ?? newLocations.get(`name:${station.toLowerCase()}`));
    let newLocation = false;
    if (location && place && (Math.abs(location.latitude - place.latitude) > samePlace || Math.abs(location.longitude - place.longitude) > samePlace)) {
      say('row-location-elsewhere', { station: location.name, latitude: location.latitude, longitude: location.longitude });
    }
    if (!location) {
      newLocation = true;
      location = { locationID: givenLocation || madeID(station, null, locationTaken), name: station, latitude: place?.latitude ?? 0, longitude: place?.longitude ?? 0 };
      if (station && place) newLocations.set(givenLocation ? `id:${givenLocation}` : `name:${station.toLowerCase()}`, location);
    } else newLocation = !byID.has(location.locationID);

    const zone = place ? timeZoneAt(place.latitude, place.longitude) : 'UTC';
    const when = (field: 'start' | 'end', label: string): string | null => {
      const text = cell(cells, field);
      const read = text ? readPeopleDate(text, order) : null;
      if (!read) {
        say('row-date-unreadable', { column: label, value: text });
        return null;
      }
      if ('iso' in read) return read.iso;
      const wall = read.hasTime ? read.wallMs : read.wallMs + (field === 'end' ? 86_399_000 : 0);
      return isoAtStation(wall, zone);
    };
    const deploymentStart = when('start', table.header[table.columns.start ?? 0] ?? 'start');
    const deploymentEnd = when('end', table.header[table.columns.end ?? 0] ?? 'end');
    if (deploymentStart && deploymentEnd && Date.parse(deploymentEnd) < Date.parse(deploymentStart)) say('row-ends-before-start');

    const givenID = cell(cells, 'deploymentID');
    if (givenID && !idShape.test(givenID)) say('row-id-bad', { value: givenID });
    else if (givenID && deploymentTaken.get(givenID) !== undefined) say('row-id-taken', { value: givenID });
    const deploymentID = givenID || madeID(station, deploymentStart, (id) => idsInFile.has(id) || deploymentTaken.get(id) !== undefined);
    const twice = idsInFile.get(deploymentID);
    if (twice !== undefined) say('row-id-twice', { value: deploymentID, other: twice });
    else idsInFile.set(deploymentID, row);

    const heightText = cell(cells, 'cameraHeight');
    const cameraHeight = heightText ? decimal(heightText) : null;
    if (heightText && (cameraHeight === null || cameraHeight < 0 || cameraHeight > 100)) say('row-height-invalid', { value: heightText });
    const baitUse = yesNo(cell(cells, 'baitUse'));
    if (baitUse === undefined) say('row-bait-invalid', { value: cell(cells, 'baitUse') });
    const text = (field: Field, max: number) => cell(cells, field).slice(0, max) || null;
    return {
      row,
      deploymentID,
      locationID: location.locationID,
      locationName: location.name,
      newLocation,
      latitude,
      longitude,
      deploymentStart,
      deploymentEnd,
      cameraID: text('cameraID', 100),
      cameraModel: text('cameraModel', 100),
      cameraHeight,
      baitUse: baitUse ?? null,
      deploymentComments: text('comments', 5000),
      problems,
    };
  });
}
