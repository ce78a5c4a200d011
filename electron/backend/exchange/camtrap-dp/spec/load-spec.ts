import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { camtrapSpecDir } from './spec-dir.ts';
import { StationError } from '../../../rpc/envelope.ts';

const oneOrMany = z.union([z.string(), z.array(z.string())]);

const fieldSchema = z.object({
  name: z.string().min(1),
  type: z.enum(['string', 'number', 'integer', 'boolean', 'datetime', 'date', 'time', 'year', 'object', 'array', 'any']).default('string'),
  format: z.string().default('default'),
  trueValues: z.array(z.string()).optional(),
  falseValues: z.array(z.string()).optional(),
  constraints: z
    .object({
      required: z.boolean().optional(),
      unique: z.boolean().optional(),
      minimum: z.number().optional(),
      maximum: z.number().optional(),
      minLength: z.number().int().optional(),
      maxLength: z.number().int().optional(),
      pattern: z.string().optional(),
      enum: z.array(z.union([z.string(), z.number(), z.boolean()])).optional(),
    })
    .default({}),
});

const tableSchemaSchema = z.object({
  name: z.string(),
  fields: z.array(fieldSchema).min(1),
  missingValues: z.array(z.string()).default(['']),
  primaryKey: oneOrMany.optional(),
  foreignKeys: z.array(z.object({ fields: oneOrMany, reference: z.object({ resource: z.string(), fields: oneOrMany }) })).default([]),
});

export type FieldSchema = z.infer<typeof fieldSchema>;
export type TableSchema = z.infer<typeof tableSchemaSchema>;
export type JsonSchema = Record<string, unknown>;

export const camtrapTables = ['deployments', 'media', 'observations'] as const;
export type CamtrapTable = (typeof camtrapTables)[number];

/** The version this app writes; packages of 1.0 and 1.0.1 are read against the same schemas (1.0.2 changed no terms). */
export const camtrapVersion = '1.0.2';
export const readableVersions = ['1.0', '1.0.1', '1.0.2'] as const;
const base = 'https://raw.githubusercontent.com/tdwg/camtrap-dp';
export const profileUrl = (version: string = camtrapVersion): string => `${base}/${version}/camtrap-dp-profile.json`;
export const tableSchemaUrl = (table: CamtrapTable, version: string = camtrapVersion): string => `${base}/${version}/${table}-table-schema.json`;

/** The Camtrap DP profile, the Frictionless Data Package profile it refers to, and the three table schemas. */
export interface CamtrapSpec {
  dir: string;
  profile: JsonSchema;
  dataPackageProfile: JsonSchema;
  tables: Record<CamtrapTable, TableSchema>;
}

function readJson(file: string): JsonSchema {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as JsonSchema;
  } catch {
    throw new StationError('internal', 'camtrap-spec-missing', { path: file });
  }
}

const loaded = new Map<string, CamtrapSpec>();

/** Reads the spec files once per folder (resources/spec unless another folder is given). */
export function loadCamtrapSpec(dir: string = camtrapSpecDir()): CamtrapSpec {
  const known = loaded.get(dir);
  if (known) return known;
  const tables = Object.fromEntries(
    camtrapTables.map((t) => [t, tableSchemaSchema.parse(readJson(path.join(dir, 'camtrap-dp', `${t}-table-schema.json`)))]),
  ) as Record<CamtrapTable, TableSchema>;
  const spec: CamtrapSpec = {
    dir,
    profile: readJson(path.join(dir, 'camtrap-dp', 'camtrap-dp-profile.json')),
    dataPackageProfile: readJson(path.join(dir, 'frictionless', 'datapackage-1.0.json')),
    tables,
  };
  loaded.set(dir, spec);
  return spec;
}
