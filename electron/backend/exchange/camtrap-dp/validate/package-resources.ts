import fs from 'node:fs';
import path from 'node:path';
import type { ProblemList } from './problems.ts';
import type { CsvDialect } from '../csv/read-csv.ts';
import { camtrapTables, type CamtrapTable } from '../spec/load-spec.ts';

export interface TableFiles {
  /** The name a person sees in messages: media.csv. */
  name: string;
  files: string[];
  dialect: CsvDialect;
}

const isUrl = (p: string) => /^[a-z][a-z0-9+.-]*:\/\//i.test(p);

/** A resource path may name a file inside the package only: a package from elsewhere must not make the app read /etc or ../. */
function insidePackage(folder: string, relative: string): string | null {
  if (path.isAbsolute(relative) || relative.split(/[\\/]/).includes('..') || /^[A-Za-z]:/.test(relative)) return null;
  const full = path.resolve(folder, relative);
  return full.startsWith(path.resolve(folder) + path.sep) ? full : null;
}

function dialectOf(resource: Record<string, unknown>): CsvDialect {
  const d = resource.dialect;
  if (d === null || typeof d !== 'object') return {};
  const { delimiter, quoteChar } = d as Record<string, unknown>;
  return { ...(typeof delimiter === 'string' && delimiter.length === 1 ? { delimiter } : {}), ...(typeof quoteChar === 'string' && quoteChar.length === 1 ? { quoteChar } : {}) };
}

/** The local CSV files of deployments, media and observations; each one that is missing or out of reach is a problem. */
export function findTables(folder: string, descriptor: Record<string, unknown>, problems: ProblemList): Partial<Record<CamtrapTable, TableFiles>> {
  const resources = Array.isArray(descriptor.resources) ? (descriptor.resources as unknown[]) : [];
  const found: Partial<Record<CamtrapTable, TableFiles>> = {};
  for (const table of camtrapTables) {
    const resource = resources.find((r): r is Record<string, unknown> => r !== null && typeof r === 'object' && (r as Record<string, unknown>).name === table);
    if (!resource) {
      problems.add('package-resource-missing', { file: 'datapackage.json', resource: table });
      continue;
    }
    const paths = typeof resource.path === 'string' ? [resource.path] : Array.isArray(resource.path) ? resource.path.filter((p): p is string => typeof p === 'string') : [];
    if (paths.length === 0) {
      problems.add('package-resource-no-path', { file: 'datapackage.json', resource: table });
      continue;
    }
    const files: string[] = [];
    for (const p of paths) {
      if (isUrl(p)) {
        problems.add('package-resource-remote', { file: 'datapackage.json', resource: table, path: p });
        continue;
      }
      const full = insidePackage(folder, p);
      if (!full) problems.add('package-resource-path-unsafe', { file: 'datapackage.json', resource: table, path: p });
      else if (!fs.existsSync(full) || !fs.lstatSync(full).isFile()) problems.add('package-file-missing', { file: p, resource: table });
      else files.push(full);
    }
    if (files.length === paths.length) found[table] = { name: paths.length === 1 ? (paths[0] as string) : table, files, dialect: dialectOf(resource) };
  }
  return found;
}
