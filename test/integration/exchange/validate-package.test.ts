import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, describe, expect, it } from 'vitest';
import { csvCell } from '../../../electron/backend/exchange/camtrap-dp/csv/write-csv.ts';
import { loadCamtrapSpec } from '../../../electron/backend/exchange/camtrap-dp/spec/load-spec.ts';
import { validatePackage, type PackageProblem } from '../../../electron/backend/exchange/camtrap-dp/validate/validate-package.ts';
import { englishFor } from '../../../electron/backend/rpc/messages.ts';
import { camtrapExample, camtrapSpecFolder } from '../../support/shared.ts';
import { removeTempDirs, tempDir } from '../../support/temp-dir.ts';

afterAll(removeTempDirs);

const spec = () => loadCamtrapSpec(camtrapSpecFolder());
const readable = (problems: PackageProblem[]) => problems.map((p) => englishFor(p.key, p.values));

/** The example package without its media files (validation reads only datapackage.json and the CSV files). */
function examplePackage(): string {
  const dir = path.join(tempDir(), 'package');
  fs.mkdirSync(dir);
  for (const name of ['datapackage.json', 'deployments.csv', 'media.csv', 'observations.csv']) fs.copyFileSync(path.join(camtrapExample(), name), path.join(dir, name));
  return dir;
}

type Entry = Record<string, unknown>;
/** The parts of datapackage.json these tests change. */
interface Descriptor {
  profile: string;
  created?: string;
  homepage?: string;
  resources: Entry[];
  contributors: Entry[];
  licenses: Entry[];
  project: Entry;
  temporal: Entry;
  spatial: unknown;
}

function editJson(dir: string, change: (d: Descriptor) => void): void {
  const file = path.join(dir, 'datapackage.json');
  const d = JSON.parse(fs.readFileSync(file, 'utf8')) as Descriptor;
  change(d);
  fs.writeFileSync(file, JSON.stringify(d, null, 2));
}

function readTable(dir: string, file: string): string[][] {
  return parse(fs.readFileSync(path.join(dir, file), 'utf8'), { relax_column_count: true });
}

function writeTable(dir: string, file: string, records: string[][]): void {
  fs.writeFileSync(path.join(dir, file), `${records.map((r) => r.map(csvCell).join(',')).join('\n')}\n`);
}

/** Changes one cell of a CSV file; row 2 is the first data row, as a spreadsheet counts. */
function editCell(dir: string, file: string, row: number, column: string, value: string): void {
  const records = readTable(dir, file);
  (records[row - 1] as string[])[(records[0] as string[]).indexOf(column)] = value;
  writeTable(dir, file, records);
}

function editRecords(dir: string, file: string, change: (records: string[][]) => string[][]): void {
  writeTable(dir, file, change(readTable(dir, file)));
}

/** Raw text lines, for what no CSV writer would write. */
function editLines(dir: string, file: string, change: (lines: string[]) => string[]): void {
  const text = fs.readFileSync(path.join(dir, file), 'utf8').trimEnd();
  fs.writeFileSync(path.join(dir, file), `${change(text.split('\n')).join('\n')}\n`);
}

describe('validating a Camtrap DP package', () => {
  it('finds the real example package (MICA, Camtrap DP 1.0.2) valid, and says how long that took', async () => {
    const started = performance.now();
    const problems = await validatePackage(camtrapExample(), spec());
    const ms = performance.now() - started;
    console.log(`Validating the example package (4 deployments, 423 media, 549 observations) took ${ms.toFixed(0)} ms, schema compilation included`);
    expect(readable(problems)).toEqual([]);
    const again = performance.now();
    await validatePackage(camtrapExample(), spec());
    console.log(`Validating it again (profile compiled) took ${(performance.now() - again).toFixed(0)} ms`);
  });

  it('reads packages of Camtrap DP 1.0 and 1.0.1 against their own version', async () => {
    const dir = examplePackage();
    editJson(dir, (d) => {
      d.profile = 'https://raw.githubusercontent.com/tdwg/camtrap-dp/1.0/camtrap-dp-profile.json';
      for (const r of d.resources) if (typeof r.schema === 'string') r.schema = r.schema.replace('/1.0.2/', '/1.0/');
    });
    expect(await validatePackage(dir, spec())).toEqual([]);
    // A table schema of another version than the profile is refused.
    editJson(dir, (d) => {
      (d.resources[1] as Entry).schema = 'https://raw.githubusercontent.com/tdwg/camtrap-dp/1.0.1/media-table-schema.json';
    });
    expect(readable(await validatePackage(dir, spec()))).toEqual([
      'datapackage.json: resources[1].schema is "https://raw.githubusercontent.com/tdwg/camtrap-dp/1.0.1/media-table-schema.json"; it must be the URL of the Camtrap DP 1.0 table schema, the version of the profile.',
    ]);
  });

  const broken: [string, (dir: string) => void, PackageProblem[]][] = [
    [
      'a missing column',
      (dir) => editRecords(dir, 'deployments.csv', (records) => records.map((r) => r.slice(0, -1))),
      [{ key: 'table-column-missing', values: { file: 'deployments.csv', column: 'deploymentComments' } }],
    ],
    [
      'an extra column',
      (dir) => editRecords(dir, 'media.csv', (records) => records.map((r, i) => [...r, i === 0 ? 'notes' : ''])),
      [{ key: 'table-column-extra', values: { file: 'media.csv', column: 'notes' } }],
    ],
    [
      'columns in another order',
      (dir) => editRecords(dir, 'media.csv', (records) => records.map((r) => [r[1] as string, r[0] as string, ...r.slice(2)])),
      [{ key: 'table-columns-out-of-order', values: { file: 'media.csv', expected: 'mediaID, deploymentID, captureMethod, timestamp, filePath, filePublic, fileName, fileMediatype, exifData, favorite, mediaComments' } }],
    ],
    [
      'a timestamp with milliseconds',
      (dir) => editCell(dir, 'media.csv', 3, 'timestamp', '2020-05-30T04:57:40.250+02:00'),
      [{ key: 'table-value-bad-datetime', values: { file: 'media.csv', row: 3, column: 'timestamp', value: '2020-05-30T04:57:40.250+02:00', format: '%Y-%m-%dT%H:%M:%S%z' } }],
    ],
    [
      'a timestamp without its offset',
      (dir) => editCell(dir, 'media.csv', 4, 'timestamp', '2020-05-30T04:57:40'),
      [{ key: 'table-value-bad-datetime', values: { file: 'media.csv', row: 4, column: 'timestamp', value: '2020-05-30T04:57:40', format: '%Y-%m-%dT%H:%M:%S%z' } }],
    ],
    [
      'an absolute filePath',
      (dir) => editCell(dir, 'media.csv', 2, 'filePath', '/home/station/media/IMG_0001.JPG'),
      [{ key: 'table-file-path-not-relative', values: { file: 'media.csv', row: 2, column: 'filePath', value: '/home/station/media/IMG_0001.JPG', pattern: expect.any(String) as unknown as string } }],
    ],
    [
      'a filePath that climbs out of the package',
      (dir) => editCell(dir, 'media.csv', 5, 'filePath', 'media/../../secret.jpg'),
      [{ key: 'table-file-path-not-relative', values: { file: 'media.csv', row: 5, column: 'filePath', value: 'media/../../secret.jpg', pattern: expect.any(String) as unknown as string } }],
    ],
    [
      'a broken foreign key',
      (dir) => editCell(dir, 'media.csv', 2, 'deploymentID', 'nowhere'),
      [{ key: 'table-foreign-key-missing', values: { file: 'media.csv', row: 2, column: 'deploymentID', value: 'nowhere', target: 'deployments.csv' } }],
    ],
    [
      'an observation of a medium that is not there',
      (dir) => editCell(dir, 'observations.csv', 3, 'mediaID', 'f0f0f0f0'),
      [{ key: 'table-foreign-key-missing', values: { file: 'observations.csv', row: 3, column: 'mediaID', value: 'f0f0f0f0', target: 'media.csv' } }],
    ],
    [
      'a duplicate ID',
      (dir) => editCell(dir, 'media.csv', 3, 'mediaID', '07840dcc'),
      [
        { key: 'table-value-duplicate', values: { file: 'media.csv', row: 3, column: 'mediaID', value: '07840dcc', firstRow: 2 } },
        // The observations of the medium whose ID was overwritten now point nowhere.
        { key: 'table-foreign-key-missing', values: { file: 'observations.csv', row: 4, column: 'mediaID', value: '401386c7', target: 'media.csv' } },
      ],
    ],
    [
      'a value off the list',
      (dir) => editCell(dir, 'observations.csv', 2, 'observationType', 'bird'),
      [{ key: 'table-value-not-allowed', values: { file: 'observations.csv', row: 2, column: 'observationType', value: 'bird', allowed: 'animal, human, vehicle, blank, unknown, unclassified' } }],
    ],
    [
      'a latitude off the map and a required cell left empty',
      (dir) => {
        editCell(dir, 'deployments.csv', 2, 'latitude', '91.5');
        editCell(dir, 'deployments.csv', 3, 'deploymentStart', '');
      },
      [
        { key: 'table-value-too-large', values: { file: 'deployments.csv', row: 2, column: 'latitude', value: '91.5', maximum: 90 } },
        { key: 'table-value-missing', values: { file: 'deployments.csv', row: 3, column: 'deploymentStart' } },
      ],
    ],
    [
      'datapackage.json without required fields',
      (dir) =>
        editJson(dir, (d) => {
          delete d.created;
          delete d.project.samplingDesign;
          delete d.temporal.end;
        }),
      [
        { key: 'package-field-missing', values: { file: 'datapackage.json', property: 'created' } },
        { key: 'package-field-missing', values: { file: 'datapackage.json', property: 'project.samplingDesign' } },
        { key: 'package-field-missing', values: { file: 'datapackage.json', property: 'temporal.end' } },
      ],
    ],
    [
      'a contributor role off the list and a bad e-mail address',
      (dir) =>
        editJson(dir, (d) => {
          (d.contributors[0] as Entry).role = 'author';
          (d.contributors[1] as Entry).email = 'danny at home';
        }),
      [
        { key: 'package-field-bad-format', values: { file: 'datapackage.json', property: 'contributors[1].email', value: 'danny at home', format: 'email' } },
        { key: 'package-field-not-allowed', values: { file: 'datapackage.json', property: 'contributors[0].role', value: 'author', allowed: 'contact, principalInvestigator, rightsHolder, publisher, contributor' } },
      ],
    ],
    [
      'spatial that is not GeoJSON',
      (dir) =>
        editJson(dir, (d) => {
          d.spatial = { type: 'Polygon', coordinates: [[4.0, 50.7]] };
        }),
      [{ key: 'package-spatial-not-geojson', values: { file: 'datapackage.json' } }],
    ],
    [
      'a table the package does not hold, and one outside it',
      (dir) =>
        editJson(dir, (d) => {
          (d.resources[0] as Entry).path = '../../../etc/passwd';
          (d.resources[2] as Entry).path = 'observations-2023.csv';
        }),
      [
        { key: 'package-field-bad-pattern', values: { file: 'datapackage.json', property: 'resources[0].path', value: '../../../etc/passwd' } },
        { key: 'package-resource-path-unsafe', values: { file: 'datapackage.json', resource: 'deployments', path: '../../../etc/passwd' } },
        { key: 'package-file-missing', values: { file: 'observations-2023.csv', resource: 'observations' } },
      ],
    ],
    [
      'what GBIF needs: an accepted data licence, a homepage with its protocol, animals at the event level',
      (dir) => {
        editJson(dir, (d) => {
          (d.licenses[0] as Entry).name = 'CC-BY-SA-4.0';
          d.homepage = 'camtrap-dp.tdwg.org/example/';
        });
        editRecords(dir, 'observations.csv', (records) => records.filter((r) => r[6] !== 'event'));
      },
      [
        { key: 'package-field-bad-format', values: { file: 'datapackage.json', property: 'homepage', value: 'camtrap-dp.tdwg.org/example/', format: 'uri' } },
        { key: 'gbif-data-licence-not-accepted', values: { file: 'datapackage.json', value: 'CC-BY-SA-4.0' } },
        { key: 'gbif-homepage-no-protocol', values: { file: 'datapackage.json', value: 'camtrap-dp.tdwg.org/example/' } },
        { key: 'gbif-no-animal-observations', values: { file: 'observations.csv', level: 'event' } },
      ],
    ],
  ];

  for (const [what, breakIt, expected] of broken) {
    it(`lists ${what} with file, row and column`, async () => {
      const dir = examplePackage();
      breakIt(dir);
      expect(await validatePackage(dir, spec())).toEqual(expected);
    });
  }

  it('says plainly when the folder is no package, the descriptor is no JSON, or a CSV file is broken', async () => {
    expect(readable(await validatePackage(tempDir(), spec()))).toEqual([expect.stringMatching(/^There is no datapackage.json in .*: this folder is not a Camtrap DP package\.$/)]);
    const dir = examplePackage();
    fs.writeFileSync(path.join(dir, 'datapackage.json'), '{"resources": [');
    expect(await validatePackage(dir, spec())).toEqual([{ key: 'package-descriptor-unreadable', values: { file: 'datapackage.json', detail: expect.any(String) } }]);
    const csv = examplePackage();
    editLines(csv, 'deployments.csv', (lines) => [...lines, '"unclosed,quote']);
    expect(await validatePackage(csv, spec())).toContainEqual({ key: 'table-csv-unreadable', values: { file: 'deployments.csv', row: expect.any(Number), detail: expect.any(String) } });
  });

  it('keeps a million bad rows to a short list that counts the rest', async () => {
    const dir = examplePackage();
    editRecords(dir, 'media.csv', (records) => records.map((r, i) => (i === 0 ? r : r.map((c, j) => (j === 3 ? c.replace(/\+0[12]:00$/, '.5+02:00') : c)))));
    const problems = await validatePackage(dir, spec());
    expect(problems.filter((p) => p.key === 'table-value-bad-datetime')).toHaveLength(20);
    expect(problems.at(-1)).toEqual({ key: 'package-more-problems', values: { count: 403 } });
    expect(englishFor('package-more-problems', { count: 403 })).toBe('…and 403 more problems like those above.');
  });

  it('leaves out what only GBIF needs when asked to (a package from another tool may be imported without it)', async () => {
    const dir = examplePackage();
    editJson(dir, (d) => {
      (d.licenses[0] as Entry).name = 'CC-BY-SA-4.0';
    });
    expect(await validatePackage(dir, spec(), { gbif: false })).toEqual([]);
  });
});
