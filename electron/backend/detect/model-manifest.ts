import { z } from 'zod';

export const categories = ['animal', 'person', 'vehicle'] as const;
export type Category = (typeof categories)[number];

const classIds = z.array(z.number().int().min(0));
/** A file name inside a package: no folder, no leading dot, nothing a file system reads specially. */
export const packageFileName = z
  .string()
  .max(200)
  .regex(/^[\w][\w.-]*$/)
  .refine((name) => !/^(con|prn|aux|nul|com\d|lpt\d)(\..*)?$/i.test(name), 'a name Windows reserves')
  .refine((name) => name !== 'manifest.json', 'manifest.json is not listed in itself');

/** A model package: a folder with this manifest and the ONNX file it names. */
export const modelManifestSchema = z.object({
  id: z.string().max(100).regex(/^[a-z0-9][a-z0-9.-]*$/),
  name: z.string().min(1).max(200),
  version: z.string().min(1).max(100),
  licence: z.string().min(1),
  file: z.string().regex(/^[\w.-]+\.onnx$/),
  sha256: z.string().regex(/^[0-9a-f]{64}$/).optional(),
  /**
   * Where the model file comes from: an ONNX download, a PyTorch checkpoint to export (MegaDetector
   * publishes no ONNX files), or, for development, a copy beside the project.
   */
  source: z
    .object({
      url: z.string().url().optional(),
      exportFrom: z.object({ url: z.string().url(), md5: z.string().regex(/^[0-9a-f]{32}$/) }).optional(),
      devCopyFrom: z.string().optional(),
    })
    .optional(),
  inputSize: z.number().int().min(32).max(4096),
  preprocess: z.object({
    channelOrder: z.enum(['rgb', 'bgr']),
    mean: z.tuple([z.number(), z.number(), z.number()]),
    std: z.tuple([z.number().positive(), z.number().positive(), z.number().positive()]),
    padValue: z.number().min(0).max(255),
  }),
  output: z.discriminatedUnion('layout', [
    z.object({ layout: z.literal('nanodet'), strides: z.array(z.number().int().positive()).min(1), bins: z.number().int().min(2) }),
    z.object({ layout: z.literal('yolov5') }),
  ]),
  classes: z.object({ animal: classIds, person: classIds, vehicle: classIds }),
  defaultThreshold: z.number().min(0).max(1),
  nmsIou: z.number().min(0).max(1),
  /**
   * Every file of the package but manifest.json, with its size and SHA-256: a package brought on
   * a USB stick is checked against it before it is installed. Plain names, no folders.
   */
  files: z
    .array(z.object({ name: packageFileName, size: z.number().int().min(0), sha256: z.string().regex(/^[0-9a-f]{64}$/) }))
    .max(100)
    .optional(),
  /** A detector trained for camera traps, or a stand-in for development that users are warned about. */
  purpose: z.enum(['camera-trap', 'development']).default('camera-trap'),
});

export type ModelManifest = z.infer<typeof modelManifestSchema>;

/** Model class index → our category, for the classes the manifest maps; others are ignored. */
export function categoryOfClass(manifest: ModelManifest): Map<number, Category> {
  const map = new Map<number, Category>();
  for (const c of categories) for (const id of manifest.classes[c]) map.set(id, c);
  return map;
}
