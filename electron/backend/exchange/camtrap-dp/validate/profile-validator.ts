import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import geojsonSchema from 'geojson-schema/GeoJSON.json' with { type: 'json' };
import type { CamtrapSpec, JsonSchema } from '../spec/load-spec.ts';

/** The URLs the Camtrap DP profile refers to, answered from local copies: validation never goes online. */
const dataPackageUrl = 'https://specs.frictionlessdata.io/schemas/data-package.json';
const geojsonUrl = 'http://json.schemastore.org/geojson.json';

const validators = new Map<string, ValidateFunction>();

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The profile of a version: the 1.0.2 profile (1.0.1 and 1.0.2 changed no terms) whose
 * `$defs/version` asks the resources' schema URLs for the package's own version. The draft-04
 * `$schema` line is dropped: the profile uses nothing that draft-07 reads differently.
 */
function profileFor(spec: CamtrapSpec, version: string): JsonSchema {
  const { $schema: _draft, ...profile } = structuredClone(spec.profile);
  // The profile's own pattern is not anchored: 1\.0 would also match the 1.0.1 URLs, so the slash after the version counts.
  profile.$defs = { ...(profile.$defs as JsonSchema | undefined), version: { pattern: `/${escapeRegex(version)}/` } };
  profile.$id = `camtrap-dp-profile-${version}`;
  return profile;
}

/** A compiled validator for datapackage.json of a Camtrap DP version (1.0, 1.0.1, 1.0.2). */
export function profileValidator(spec: CamtrapSpec, version: string): ValidateFunction {
  const cacheKey = `${spec.dir}\u0000${version}`;
  const known = validators.get(cacheKey);
  if (known) return known;
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  // The Data Package profile names a form widget as a format.
  ajv.addFormat('textarea', true);
  ajv.addSchema({ ...spec.dataPackageProfile, $id: dataPackageUrl });
  ajv.addSchema({ ...(geojsonSchema as JsonSchema), $id: geojsonUrl });
  const validate = ajv.compile(profileFor(spec, version));
  validators.set(cacheKey, validate);
  return validate;
}

export type ProfileError = ErrorObject;
