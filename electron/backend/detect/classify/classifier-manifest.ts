import { z } from 'zod';
import { packageFileName } from '../model-manifest.ts';

/**
 * A species classifier package: a folder with this manifest, the ONNX file, its labels in
 * SpeciesNet's form (uuid;class;order;family;genus;species;common name, one per output, in
 * order) and, optionally, SpeciesNet's geofence rules.
 */
export const classifierManifestSchema = z.object({
  kind: z.literal('classifier'),
  id: z.string().max(100).regex(/^[a-z0-9][a-z0-9.-]*$/),
  name: z.string().min(1).max(200),
  version: z.string().min(1).max(100),
  licence: z.string().min(1).max(200),
  file: z.string().regex(/^[\w.-]+\.onnx$/),
  sha256: z.string().regex(/^[0-9a-f]{64}$/).optional(),
  labels: packageFileName,
  geofence: packageFileName.optional(),
  /** Where the model comes from: SpeciesNet publishes Keras weights only, converted to ONNX with tf2onnx. */
  source: z
    .object({
      url: z.string().url().optional(),
      convertFrom: z.object({ url: z.string().url(), how: z.string().max(500) }).optional(),
      devCopyFrom: z.string().optional(),
    })
    .optional(),
  inputSize: z.number().int().min(16).max(2048),
  /**
   * `crop`: each animal box, cropped from the upright picture and stretched to the input size
   * (SpeciesNet's variant "a", always_crop); `full`: the whole picture with its top and bottom
   * trimmed as SpeciesNet's variant "b" does (full_image).
   */
  crop: z.enum(['crop', 'full']),
  /** Values are (byte - mean) / std per channel, in the model's channel order and tensor layout. */
  preprocess: z.object({
    layout: z.enum(['nchw', 'nhwc']),
    channelOrder: z.enum(['rgb', 'bgr']),
    mean: z.tuple([z.number(), z.number(), z.number()]),
    std: z.tuple([z.number().positive(), z.number().positive(), z.number().positive()]),
  }),
  /** SpeciesNet's model gives logits, turned into scores by a softmax; some models give scores already. */
  output: z.object({ activation: z.enum(['softmax', 'none']) }),
  /** Boxes below this detector confidence are not classified; the detection run's threshold when absent. */
  boxThreshold: z.number().min(0).max(1).optional(),
  batchSize: z.number().int().min(1).max(256).default(8),
  files: z
    .array(z.object({ name: packageFileName, size: z.number().int().min(0), sha256: z.string().regex(/^[0-9a-f]{64}$/) }))
    .max(100)
    .optional(),
  /** `development`: a stand-in that is not a species model, and users are told so. */
  purpose: z.enum(['species', 'development']).default('species'),
});

export type ClassifierManifest = z.infer<typeof classifierManifestSchema>;

/** How many top scores a worker returns for each crop, as SpeciesNet keeps. */
export const topScores = 5;
