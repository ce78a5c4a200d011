import { z } from 'zod';
import { StationError } from '../../rpc/envelope.ts';
import { classifierManifestSchema, type ClassifierManifest } from '../classify/classifier-manifest.ts';
import { modelManifestSchema, type ModelManifest } from '../model-manifest.ts';

export type PackageFile = NonNullable<ModelManifest['files']>[number];
export type InstallableDetector = ModelManifest & { files: PackageFile[] };
export type InstallableClassifier = ClassifierManifest & { files: PackageFile[] };
export type InstallableManifest = InstallableDetector | InstallableClassifier;

export function isClassifier(m: InstallableManifest): m is InstallableClassifier {
  return 'kind' in m && m.kind === 'classifier';
}

/** Every file the package needs is listed, each once, and the model's checksum agrees with its listing. */
function checkListed(m: { files: PackageFile[]; file: string; sha256?: string | undefined }, needed: string[], ctx: z.RefinementCtx): void {
  const names = m.files.map((f) => f.name);
  if (new Set(names).size !== names.length) ctx.addIssue({ code: 'custom', path: ['files'], message: 'a file is listed twice' });
  for (const name of needed) {
    const what = name === m.file ? 'the model file' : 'the file';
    if (!names.includes(name)) ctx.addIssue({ code: 'custom', path: ['files'], message: `${what} ${name} is not listed` });
  }
  const model = m.files.find((f) => f.name === m.file);
  if (model && m.sha256 && m.sha256 !== model.sha256) ctx.addIssue({ code: 'custom', path: ['sha256'], message: 'differs from the checksum listed for the model file' });
}

/** A package to install lists every file with its size and checksum, the model file among them, each once. */
const detectorSchema = modelManifestSchema
  .extend({ files: modelManifestSchema.shape.files.unwrap().min(1) })
  .superRefine((m, ctx) => checkListed(m, [m.file], ctx));

/** A classifier package lists its labels, and its geofence when it has one, besides the model file. */
const classifierSchema = classifierManifestSchema
  .extend({ files: classifierManifestSchema.shape.files.unwrap().min(1) })
  .superRefine((m, ctx) => checkListed(m, [m.file, m.labels, ...(m.geofence ? [m.geofence] : [])], ctx));

/** manifest.json of a package from outside, a detector's or a classifier's, checked: anything else is "not a model package", saying why. */
export function parsePackageManifest(text: string, packageName: string): InstallableManifest {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    throw new StationError('invalid-input', 'model-package-bad-manifest', { name: packageName, detail: (err as Error).message.slice(0, 200) });
  }
  const parsed = (raw as { kind?: unknown } | null)?.kind === 'classifier' ? classifierSchema.safeParse(raw) : detectorSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const unlisted = issue?.path[0] === 'files' && issue.code === 'invalid_type';
    const detail = unlisted ? 'it does not list its files with their sizes and checksums' : issue ? `${issue.path.join('.') || 'manifest'}: ${issue.message}` : 'invalid';
    throw new StationError('invalid-input', 'model-package-bad-manifest', { name: packageName, detail: detail.slice(0, 200) });
  }
  return parsed.data;
}
