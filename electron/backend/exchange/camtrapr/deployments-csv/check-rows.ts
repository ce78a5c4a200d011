import { readPeopleDate, type DateOrder } from './people-dates.ts';
import type { Field, Table } from './read-table.ts';
import { utmToLatLon, type UtmZone } from './utm-to-latlon.ts';
import { isoAtStation } from './zone-offset.ts';
import { workingTime } from '../../../analysis/effort/camtrapr-effort.ts';
import { effortInput } from '../../../analysis/effort/deployment-effort.ts';
import type { Db } from '../../../library/db.ts';
import { timeZoneAt } from '../../../library/time-zone.ts';
import { StationError } from '../../../rpc/envelope.ts';
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
  /** Setup and retrieval were days without times: effort counts them half, as camtrapR does. */
  datesOnly: boolean;
  /** The table's ProblemN_from/ProblemN_to pairs: station wall-clock days or times. */
  cameraProblems: { from: string; to: string }[];
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
/** R writes missing values as NA. */
const isEmpty = (text: string) => text === '' || text.toUpperCase() === 'NA';

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

const wallDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const wallTime = (ms: number) => new Date(ms).toISOString().slice(0, 19).replace('T', ' ');

/**
 * Every row checked as the import would store it: coordinates on the map (UTM converted in the
 * zone the user gave), dates read in the table's order and given the offset of the station's zone
 * (a day without a time runs from the start of the setup day to the end of the retrieval day),
 * problem periods inside the deployment, IDs free, one place per station, no station twice for
 * the same time unless a Camera column tells its cameras apart.
 */
export function checkRows(db: Db, table: Table, order: DateOrder, utmZone?: UtmZone): DeploymentRow[] {
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
  const seenStations = new Map<string, { row: number; startMs: number; endMs: number }[]>();

  return table.rows.map((cells, i): DeploymentRow => {
    const row = i + 2;
    const problems: Says[] = [];
    const say = (key: Says['key'], values: Record<string, string | number> = {}) => problems.push({ key, values: { row, ...values } });
    let latitude = decimal(cell(cells, 'latitude'));
    let longitude = decimal(cell(cells, 'longitude'));
    if (table.coordinates === 'utm') {
      const easting = decimal(cell(cells, 'easting'));
      const northing = decimal(cell(cells, 'northing'));
      const converted = easting !== null && northing !== null && utmZone ? utmToLatLon(easting, northing, utmZone) : null;
      if (easting === null || northing === null) say('row-utm-invalid', { easting: cell(cells, 'easting'), northing: cell(cells, 'northing') });
      else if (utmZone && !converted) say('row-utm-off-map', { easting, northing });
      latitude = converted?.latitude ?? null;
      longitude = converted?.longitude ?? null;
    } else if (latitude === null) say('row-latitude-invalid', { value: cell(cells, 'latitude') });
    else if (latitude < -90 || latitude > 90) say('row-latitude-off-map', { value: latitude });
    if (table.coordinates === 'utm') {
      // The zone is asked for once, for the whole table: rows are not blamed for it.
    } else if (longitude === null) say('row-longitude-invalid', { value: cell(cells, 'longitude') });
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
    const readCell = (at: number | undefined) => {
      const text = at === undefined ? '' : (cells[at] ?? '').trim();
      const read = text ? readPeopleDate(text, order) : null;
      if (!read) say('row-date-unreadable', { column: table.header[at ?? 0] ?? '', value: text });
      return read;
    };
    const startRead = readCell(table.columns.start);
    const endRead = readCell(table.columns.end);
    // Days without times on both ends: camtrapR's rule (half setup and retrieval days) counts effort.
    const datesOnly = startRead !== null && endRead !== null && !('iso' in startRead) && !('iso' in endRead) && !startRead.hasTime && !endRead.hasTime;
    const when = (read: typeof startRead, field: 'start' | 'end'): string | null => {
      if (!read) return null;
      if ('iso' in read) return read.iso;
      return isoAtStation(read.hasTime ? read.wallMs : read.wallMs + (field === 'end' ? 86_399_000 : 0), zone);
    };
    const deploymentStart = when(startRead, 'start');
    const deploymentEnd = when(endRead, 'end');
    const endsBefore = deploymentStart !== null && deploymentEnd !== null && Date.parse(deploymentEnd) < Date.parse(deploymentStart);
    if (endsBefore) say('row-ends-before-start');

    const cameraProblems: { from: string; to: string }[] = [];
    table.problems.forEach((pair, n) => {
      const fromText = (cells[pair.from] ?? '').trim();
      const toText = (cells[pair.to] ?? '').trim();
      if (isEmpty(fromText) && isEmpty(toText)) return;
      if (isEmpty(fromText) || isEmpty(toText)) {
        say('row-problem-half', { problem: n + 1 });
        return;
      }
      const f = readCell(pair.from);
      const t = readCell(pair.to);
      if (!f || !t) return;
      const wall = (r: NonNullable<typeof f>) => ('iso' in r ? r.iso.slice(0, 19).replace('T', ' ') : r.hasTime ? wallTime(r.wallMs) : wallDay(r.wallMs));
      cameraProblems.push({ from: wall(f), to: wall(t) });
    });
    if (deploymentStart && deploymentEnd && !endsBefore) {
      try {
        workingTime(effortInput({ deploymentStart, deploymentEnd, datesOnly }, cameraProblems));
      } catch (err) {
        if (!(err instanceof StationError) || !err.says) throw err;
        const key = err.says.key === 'effort-problem-outside-deployment' ? 'row-problem-outside' : err.says.key === 'effort-problem-ends-before-start' ? 'row-problem-ends-before-start' : err.says.key;
        say(key, err.says.values as Record<string, string | number>);
      }
    }

    const givenID = cell(cells, 'deploymentID');
    if (givenID && !idShape.test(givenID)) say('row-id-bad', { value: givenID });
    else if (givenID && deploymentTaken.get(givenID) !== undefined) say('row-id-taken', { value: givenID });
    const deploymentID = givenID || madeID(station, deploymentStart, (id) => idsInFile.has(id) || deploymentTaken.get(id) !== undefined);
    const twice = idsInFile.get(deploymentID);
    if (twice !== undefined) say('row-id-twice', { value: deploymentID, other: twice });
    else idsInFile.set(deploymentID, row);

    // A station listed twice for the same time is a copy, unless the Camera column names two cameras.
    if (deploymentStart && deploymentEnd && station) {
      const key = `${station.toLowerCase()}\u0000${cell(cells, 'cameraID').toLowerCase()}`;
      const span = { row, startMs: Date.parse(deploymentStart), endMs: Date.parse(deploymentEnd) };
      const same = (seenStations.get(key) ?? []).find((o) => o.startMs <= span.endMs && span.startMs <= o.endMs);
      if (same) say('row-station-twice', { station, other: same.row });
      seenStations.set(key, [...(seenStations.get(key) ?? []), span]);
    }

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
      datesOnly,
      cameraProblems,
      cameraID: text('cameraID', 100),
      cameraModel: text('cameraModel', 100),
      cameraHeight,
      baitUse: baitUse ?? null,
      deploymentComments: text('comments', 5000),
      problems,
    };
  });
}
