import crypto from 'node:crypto';
import { dayAt } from './camtrap-time.ts';
import type { ExportScope } from './export-scope.ts';
import { spatialCoverage } from './spatial.ts';
import type { TaxonEntry } from './taxonomic.ts';
import appPackage from '../../../../../package.json' with { type: 'json' };
import { licences, type ProjectMetadata } from '../../project/contract.ts';
import { camtrapTables, profileUrl, tableSchemaUrl } from '../spec/load-spec.ts';

/** A Data Package name: lower case letters, digits and . _ - / only. */
function packageName(title: string): string {
  const slug = title
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80);
  return slug || 'camera-trap-data';
}

/** An object without the keys whose value is null or undefined: a null where the profile wants a string is invalid. */
function present<T extends Record<string, unknown>>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== null && v !== undefined)) as Partial<T>;
}

/** The first day of the first deployment and the last of the last, within the chosen date range. */
function temporal(scope: ExportScope): { start: string; end: string } {
  const starts = scope.deployments.map((d) => dayAt(d.deploymentStart, d.offsetMinutes)).sort();
  const ends = scope.deployments.map((d) => dayAt(d.deploymentEnd, d.offsetMinutes)).sort();
  let start = starts[0] as string;
  let end = ends[ends.length - 1] as string;
  if (scope.from && scope.from > start) start = scope.from;
  if (scope.to && scope.to < end) end = scope.to;
  return end < start ? { start, end: start } : { start, end };
}

export interface DescriptorInput {
  project: ProjectMetadata;
  scope: ExportScope;
  taxonomic: TaxonEntry[];
  /** The CSV files by table name, relative to the package. */
  paths: Record<(typeof camtrapTables)[number], string>;
  created: Date;
}

/** datapackage.json of a Camtrap DP 1.0.2 package: the profile and table schemas by URL, never inline. */
export function buildDescriptor({ project, scope, taxonomic, paths, created }: DescriptorInput): Record<string, unknown> {
  const licence = (name: keyof typeof licences, scope: 'data' | 'media') => ({ name, path: licences[name].path, title: licences[name].title, scope });
  return present({
    resources: camtrapTables.map((t) => ({ name: t, path: paths[t], profile: 'tabular-data-resource', format: 'csv', mediatype: 'text/csv', encoding: 'utf-8', schema: tableSchemaUrl(t) })),
    profile: profileUrl(),
    name: packageName(project.acronym ?? project.title),
    id: crypto.randomUUID(),
    created: `${created.toISOString().slice(0, 19)}Z`,
    title: project.title,
    contributors: project.contributors.map((c) => present({ title: c.name, email: c.email, role: c.role, organization: c.organization })),
    description: project.description,
    version: '1.0',
    homepage: project.website,
    sources: [{ title: 'Camtrap Station', version: appPackage.version }],
    licenses: [licence(project.dataLicence, 'data'), licence(project.mediaLicence, 'media')],
    bibliographicCitation: project.bibliographicCitation,
    project: present({
      title: project.title,
      acronym: project.acronym,
      description: project.description,
      path: project.website,
      samplingDesign: project.samplingDesign,
      captureMethod: project.captureMethod,
      individualAnimals: project.individualAnimals,
      observationLevel: project.observationLevel,
    }),
    spatial: spatialCoverage(scope.deployments),
    temporal: temporal(scope),
    taxonomic,
  });
}
