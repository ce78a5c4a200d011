import type { ProblemList } from './problems.ts';
import { profileValidator, type ProfileError } from './profile-validator.ts';
import { camtrapVersion, readableVersions, type CamtrapSpec } from '../spec/load-spec.ts';

const file = 'datapackage.json';
const profilePattern = /^https:\/\/raw\.githubusercontent\.com\/tdwg\/camtrap-dp\/([^/]+)\/camtrap-dp-profile\.json$/;

/** The Camtrap DP version a package declares by its profile URL, or null when it declares none this app reads. */
export function declaredVersion(descriptor: Record<string, unknown>): string | null {
  const version = typeof descriptor.profile === 'string' ? profilePattern.exec(descriptor.profile)?.[1] : undefined;
  return version && (readableVersions as readonly string[]).includes(version) ? version : null;
}

/** A JSON pointer as a person reads it in the file: /contributors/0/role becomes contributors[0].role. */
function fieldName(pointer: string, child?: string): string {
  const parts = [...pointer.split('/').slice(1), ...(child ? [child] : [])].map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
  return parts.reduce((name, p) => (/^\d+$/.test(p) ? `${name}[${p}]` : name ? `${name}.${p}` : p), '');
}

function valueAt(descriptor: unknown, pointer: string): string {
  let value: unknown = descriptor;
  for (const p of pointer.split('/').slice(1)) value = value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[p] : undefined;
  const text = typeof value === 'string' ? value : JSON.stringify(value) ?? '';
  return text.length > 80 ? `${text.slice(0, 77)}…` : text;
}

const combinators = new Set(['oneOf', 'anyOf', 'allOf', 'not', 'if']);

/**
 * Ajv's errors in plain words. A failed oneOf/anyOf explains itself by the errors of its
 * branches, so it is left out when they are there; all errors inside `spatial` are one problem.
 */
function report(errors: ProfileError[], descriptor: Record<string, unknown>, problems: ProblemList): void {
  const said = new Set<string>();
  const add = (key: Parameters<ProblemList['add']>[0], values: Record<string, string | number>) => {
    const id = `${key}\u0000${JSON.stringify(values)}`;
    if (said.has(id)) return;
    said.add(id);
    problems.add(key, { file, ...values });
  };
  for (const e of errors) {
    if (e.instancePath === '/spatial' || e.instancePath.startsWith('/spatial/')) {
      add('package-spatial-not-geojson', {});
      continue;
    }
    const field = fieldName(e.instancePath);
    // A value that fits one branch of a oneOf (path: a string or a list) fails the other's type: the branch it meant explains it.
    if (e.keyword === 'type' && errors.some((o) => o !== e && !combinators.has(o.keyword) && o.keyword !== 'type' && o.instancePath.startsWith(e.instancePath))) continue;
    const params = e.params as Record<string, unknown>;
    if (combinators.has(e.keyword)) {
      // A `not` inside a oneOf branch only says that the other branch was meant.
      if (e.keyword === 'not' && errors.some((o) => (o.keyword === 'oneOf' || o.keyword === 'anyOf') && e.instancePath.startsWith(o.instancePath))) continue;
      if (errors.some((o) => o !== e && !combinators.has(o.keyword) && o.instancePath.startsWith(e.instancePath))) continue;
      add('package-field-invalid', { property: field, detail: e.message ?? e.keyword });
    } else if (e.keyword === 'required') add('package-field-missing', { property: fieldName(e.instancePath, String(params.missingProperty)) });
    else if (e.keyword === 'enum') add('package-field-not-allowed', { property: field, value: valueAt(descriptor, e.instancePath), allowed: (params.allowedValues as unknown[]).join(', ') });
    else if (e.keyword === 'type') add('package-field-wrong-type', { property: field, type: String(params.type) });
    else if (e.keyword === 'format') add('package-field-bad-format', { property: field, value: valueAt(descriptor, e.instancePath), format: String(params.format) });
    else if (e.keyword === 'pattern' && /^\/resources\/\d+\/schema$/.test(e.instancePath)) add('package-resource-schema-version', { property: field, value: valueAt(descriptor, e.instancePath), version: declaredVersion(descriptor) ?? '' });
    else if (e.keyword === 'pattern') add('package-field-bad-pattern', { property: field, value: valueAt(descriptor, e.instancePath) });
    else if (e.keyword === 'minItems') add('package-field-too-few', { property: field, minimum: Number(params.limit) });
    else add('package-field-invalid', { property: field, detail: e.message ?? e.keyword });
  }
}

/** datapackage.json against the Camtrap DP profile of its version (and through it the Data Package profile and GeoJSON). */
export function checkDescriptor(descriptor: Record<string, unknown>, spec: CamtrapSpec, problems: ProblemList): void {
  const version = declaredVersion(descriptor);
  if (!version) problems.add('package-profile-unknown', { file, value: valueAt(descriptor, '/profile'), versions: readableVersions.join(', ') });
  const validate = profileValidator(spec, version ?? camtrapVersion);
  if (!validate(descriptor)) report(validate.errors ?? [], descriptor, problems);
}
