import { z } from 'zod';
import { method } from '../rpc/define.ts';
import { chosenPath } from '../rpc/paths.ts';

const isoWithOffset = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/, 'Use a date and time with its UTC offset, for example 2021-03-27T21:38:18+01:00');
const camtrapId = z.string().trim().min(1).max(64).regex(/^[\w.:-]+$/, 'Use letters, digits, dot, colon, dash or underscore');

export const newLocationSchema = z.object({
  locationID: camtrapId.optional(),
  locationName: z.string().trim().min(1, 'Give the location a name').max(200),
  latitude: z.number().min(-90).max(90),
  longitude: z.number().min(-180).max(180),
});
export type NewLocation = z.infer<typeof newLocationSchema>;

export interface Location {
  locationID: string;
  locationName: string;
  latitude: number;
  longitude: number;
}

export const newDeploymentSchema = z.object({
  deploymentID: camtrapId.optional(),
  locationID: camtrapId,
  deploymentStart: isoWithOffset,
  deploymentEnd: isoWithOffset,
  cameraID: z.string().trim().max(100).nullish(),
  cameraModel: z.string().trim().max(100).nullish(),
  cameraHeight: z.number().min(0).max(100).nullish(),
  baitUse: z.boolean().nullish(),
  deploymentComments: z.string().max(5000).nullish(),
});
export type NewDeployment = z.infer<typeof newDeploymentSchema>;

export interface Deployment {
  deploymentID: string;
  locationID: string;
  locationName: string;
  latitude: number;
  longitude: number;
  deploymentStart: string;
  deploymentEnd: string;
  cameraID: string | null;
  cameraModel: string | null;
  cameraHeight: number | null;
  baitUse: boolean | null;
  deploymentComments: string | null;
  clockOffsetSeconds: number;
  mediaCount: number;
}

export interface LibraryInfo {
  root: string;
  name: string;
  mediaCount: number;
  deploymentCount: number;
  locationCount: number;
  sequenceGapSeconds: number;
}

export interface RecentLibrary {
  root: string;
  openedAt: string;
  exists: boolean;
}

export interface MediaItem {
  mediaID: string;
  deploymentID: string;
  fileName: string;
  filePath: string;
  mediaType: 'image' | 'video';
  /** Local camera time after the clock offset, as YYYY-MM-DD HH:MM:SS(.sss). */
  timestamp: string;
  timestampOriginal: string;
  timeFromFile: boolean;
  cameraMake: string | null;
  cameraModel: string | null;
  cameraSerial: string | null;
  width: number | null;
  height: number | null;
  sequenceNo: number | null;
  sha256: string;
  /** The highest confidence of the latest detection result, null before detection. */
  maxConf: number | null;
  processed: boolean;
  /** What a person said is in it (common names where the species list has them). */
  labels: string[];
  /** A person labelled it, marked it empty or marked a box false. */
  reviewed: boolean;
}

export interface MediaPage {
  total: number;
  sequences: number;
  items: MediaItem[];
}

const libraryPath = chosenPath('Choose a folder for the library');
const none = z.object({});

const mediaPageInput = z.object({
  deploymentID: camtrapId.optional(),
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(500).default(100),
  /** Hide processed images whose boxes all fall below this confidence. */
  hideEmptyBelow: z.number().min(0).max(1).optional(),
  from: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Use YYYY-MM-DD').optional(),
  to: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Use YYYY-MM-DD').optional(),
  /** Only media with a box of this class at or above the threshold (or its run's default). */
  category: z.enum(['animal', 'person', 'vehicle']).optional(),
  threshold: z.number().min(0).max(1).optional(),
  /** Only media a person labelled with this species. */
  scientificName: z.string().min(2).optional(),
  reviewed: z.boolean().optional(),
});

export const libraryMethods = {
  'library.create': method<LibraryInfo>()(z.object({ path: libraryPath })),
  'library.open': method<LibraryInfo>()(z.object({ path: libraryPath })),
  'library.current': method<LibraryInfo | null>()(none),
  'library.close': method<null>()(none),
  'library.setSequenceGap': method<LibraryInfo>()(z.object({ seconds: z.number().int().min(1).max(3600) })),
  'location.list': method<Location[]>()(none),
  'location.add': method<Location>()(newLocationSchema),
  'deployment.list': method<Deployment[]>()(none),
  'deployment.add': method<Deployment>()(newDeploymentSchema),
  'deployment.setClockOffset': method<Deployment>()(
    z.object({ deploymentID: camtrapId, offsetSeconds: z.number().int().min(-10 * 365 * 86400).max(10 * 365 * 86400) }),
  ),
  'media.page': method<MediaPage>()(mediaPageInput),
} as const;
