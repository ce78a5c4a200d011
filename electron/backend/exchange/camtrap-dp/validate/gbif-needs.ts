import type { RowReader } from './check-table.ts';
import type { ProblemList } from './problems.ts';

const file = 'datapackage.json';

/** The licences GBIF publishes data under: CC0 1.0, CC BY 4.0, CC BY-NC 4.0, by identifier or by URL. */
const gbifLicenceNames = new Set(['cc0-1.0', 'cc-by-4.0', 'cc-by-nc-4.0']);
const gbifLicencePath = /^https?:\/\/(www\.)?creativecommons\.org\/(publicdomain\/zero\/1\.0|licenses\/by\/4\.0|licenses\/by-nc\/4\.0)\/?(legalcode)?$/i;

interface Licence {
  name?: unknown;
  path?: unknown;
  scope?: unknown;
}

/** What GBIF needs of datapackage.json besides the standard: a data licence it accepts, both licence scopes, a homepage it can link. */
export function checkGbifDescriptor(descriptor: Record<string, unknown>, problems: ProblemList): void {
  const licences = (Array.isArray(descriptor.licenses) ? descriptor.licenses : []).filter((l): l is Licence => l !== null && typeof l === 'object');
  const data = licences.filter((l) => l.scope === 'data');
  if (data.length === 0) problems.add('gbif-data-licence-missing', { file });
  for (const l of data) {
    const accepted = (typeof l.name === 'string' && gbifLicenceNames.has(l.name.toLowerCase())) || (typeof l.path === 'string' && gbifLicencePath.test(l.path));
    if (!accepted) problems.add('gbif-data-licence-not-accepted', { file, value: String(l.name ?? l.path ?? '') });
  }
  if (licences.length > 0 && !licences.some((l) => l.scope === 'media')) problems.add('package-licence-scope-missing', { file, scope: 'media' });
  if (typeof descriptor.homepage === 'string' && !/^https?:\/\/\S+$/.test(descriptor.homepage)) problems.add('gbif-homepage-no-protocol', { file, value: descriptor.homepage });
}

/**
 * GBIF turns animal observations with a scientific name of one observation level into
 * occurrences: event-level by default, media-level when the package says so. A package
 * without any becomes an empty dataset there.
 */
export class GbifOccurrences {
  private count = 0;
  private readonly level: string;

  constructor(descriptor: Record<string, unknown>) {
    const ingestion = descriptor.gbifIngestion;
    const level = ingestion !== null && typeof ingestion === 'object' ? (ingestion as Record<string, unknown>).observationLevel : undefined;
    this.level = level === 'media' ? 'media' : 'event';
  }

  inspect(row: RowReader): void {
    if (row('observationLevel') === this.level && row('observationType') === 'animal' && row('scientificName') !== null) this.count += 1;
  }

  report(problems: ProblemList, observationsFile: string): void {
    if (this.count === 0) problems.add('gbif-no-animal-observations', { file: observationsFile, level: this.level });
  }
}
