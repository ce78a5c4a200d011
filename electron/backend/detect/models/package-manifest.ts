import { StationError } from '../../rpc/envelope.ts';
import { modelManifestSchema, type ModelManifest } from '../model-manifest.ts';

export type PackageFile = NonNullable<ModelManifest['files']>[number];
export type InstallableManifest = ModelManifest & { files: PackageFile[] };

/** A package to install lists every file with its size and checksum, the model file among them, each once. */
const installableSchema = modelManifestSchema
  .extend({ files: modelManifestSchema.shape.files.unwrap().min(1) })
  .superRefine((m, ctx) => {
    const names = m.files.map((f) => f.name);
    if (new Set(names).size !== names.length) ctx.addIssue({ code: 'custom', path: ['files'], message: 'a file is listed twice' });
    const model = m.files.find((f) => f.name === m.file);
    if (!model) ctx.addIssue({ code: 'custom', path: ['files'], message: `the model file ${m.file} is not listed` });
    if (model && m.sha256 && m.sha256 !== model.sha256) ctx.addIssue({ code: 'custom', path: ['sha256'], message: 'differs from the checksum listed for the model file' });
  });

/** manifest.json of a package from outside, checked: anything else is "not a model package", saying why. */
export function parsePackageManifest(text: string, packageName: string): InstallableManifest {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    throw new StationError('invalid-input', 'model-package-bad-manifest', { name: packageName, detail: (err as Error).message.slice(0, 200) });
  }
  const parsed = installableSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const unlisted = issue?.path[0] === 'files' && issue.code === 'invalid_type';
    const detail = unlisted ? 'it does not list its files with their sizes and checksums' : issue ? `${issue.path.join('.') || 'manifest'}: ${issue.message}` : 'invalid';
    throw new StationError('invalid-input', 'model-package-bad-manifest', { name: packageName, detail: detail.slice(0, 200) });
  }
  return parsed.data;
}
