import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { packageLimits } from './limits.ts';
import { fileInside, isUrl } from './package-file.ts';
import { PackageRefused, refused } from './refusal.ts';
import type { Says } from '../../../rpc/messages.ts';
import type { CsvDialect } from '../csv/read-csv.ts';
import { camtrapTables, readableVersions, type CamtrapTable } from '../spec/load-spec.ts';

const resourceSchema = z.looseObject({
  name: z.string(),
  path: z.union([z.string(), z.array(z.string()).min(1)]).optional(),
  dialect: z.looseObject({ delimiter: z.string().length(1).optional(), quoteChar: z.string().length(1).optional() }).optional(),
});

const descriptorSchema = z.looseObject({
  profile: z.string(),
  name: z.string().optional(),
  title: z.string().optional(),
  resources: z.array(resourceSchema),
  taxonomic: z
    .array(
      z.looseObject({
        scientificName: z.string().trim().min(1),
        taxonRank: z.string().optional(),
        vernacularNames: z.record(z.string(), z.string()).optional(),
      }),
    )
    .optional(),
});

export interface TableFiles {
  /** What a person sees in messages: media.csv. */
  name: string;
  files: string[];
  dialect: CsvDialect;
}

export interface PackageDescriptor {
  name: string | null;
  title: string | null;
  profileVersion: string;
  tables: Record<CamtrapTable, TableFiles>;
  /** Common names from `taxonomic`, in English where the package gives one. */
  vernacularNames: Map<string, string | null>;
}

const versionInProfile = /\/(\d+\.\d+(?:\.\d+)?)\/camtrap-dp-profile\.json$/;

/** English first (ISO 639-3 as Camtrap DP writes it, or 639-1), else the first name given. */
function englishName(names: Record<string, string> | undefined): string | null {
  if (!names) return null;
  return names.eng ?? names.en ?? Object.values(names)[0] ?? null;
}

/** A resource's file inside the package: a plain relative path to a regular file, never through a link. */
function tableFile(root: string, resource: string, relative: string, problems: Says[]): string | null {
  if (isUrl(relative)) {
    problems.push({ key: 'package-resource-remote', values: { resource, path: relative.slice(0, 200) } });
    return null;
  }
  const lookup = fileInside(root, relative);
  if (!lookup.found) {
    const shown = relative.slice(0, 200);
    if (lookup.why === 'unsafe') problems.push({ key: 'package-resource-path-unsafe', values: { resource, path: shown } });
    else if (lookup.why === 'link') problems.push({ key: 'package-import-file-is-link', values: { path: shown } });
    else problems.push({ key: 'package-file-missing', values: { resource, file: shown } });
    return null;
  }
  if (lookup.size > packageLimits.tableBytes) {
    problems.push({ key: 'package-import-table-too-big', values: { file: relative } });
    return null;
  }
  return lookup.file;
}

/** datapackage.json: which Camtrap DP version, where the three tables are, and the common names of its taxa. */
export function readDescriptor(root: string): PackageDescriptor {
  const file = path.join(root, 'datapackage.json');
  if (fs.statSync(file).size > packageLimits.descriptorBytes) throw refused('package-import-descriptor-too-big');
  let json: unknown;
  try {
    json = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (err) {
    throw refused('package-descriptor-unreadable', { detail: (err as Error).message.slice(0, 200) });
  }
  const parsed = descriptorSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw refused('package-descriptor-unreadable', { detail: `${issue?.path.join('.') || 'datapackage.json'}: ${issue?.message ?? ''}`.slice(0, 200) });
  }
  const d = parsed.data;
  const version = versionInProfile.exec(d.profile)?.[1];
  if (!version || !(readableVersions as readonly string[]).includes(version)) throw refused('package-profile-unknown', { value: d.profile.slice(0, 200), versions: readableVersions.join(', ') });
  const problems: Says[] = [];
  const tables = {} as Record<CamtrapTable, TableFiles>;
  for (const table of camtrapTables) {
    const resource = d.resources.find((r) => r.name === table);
    if (!resource?.path) {
      problems.push({ key: 'package-resource-missing', values: { resource: table } });
      continue;
    }
    const relatives = Array.isArray(resource.path) ? resource.path : [resource.path];
    const files = relatives.map((r) => tableFile(root, table, r, problems)).filter((f): f is string => f !== null);
    const name = relatives.length === 1 && relatives[0] ? path.posix.basename(relatives[0]) : `${table}.csv`;
    tables[table] = { name, files, dialect: { delimiter: resource.dialect?.delimiter, quoteChar: resource.dialect?.quoteChar } };
  }
  if (problems.length > 0) throw new PackageRefused(problems);
  return {
    name: d.name ?? null,
    title: d.title ?? null,
    profileVersion: version,
    tables,
    vernacularNames: new Map((d.taxonomic ?? []).map((t) => [t.scientificName, englishName(t.vernacularNames)])),
  };
}
