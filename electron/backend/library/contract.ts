import { z } from 'zod';
import { method } from '../rpc/define.ts';
import { chosenPath } from '../rpc/paths.ts';
import { saying } from '../rpc/saying.ts';

const isoShape = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(?:Z|[+-](\d{2}):(\d{2}))$/;

/** Camtrap DP times keep their UTC offset (2021-03-27T21:38:18+01:00) and name a day that exists. */
function isRealIsoWithOffset(text: string): boolean {
  const parts = isoShape.exec(text);
  if (!parts) return false;
  const [year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0, offsetHours = 0, offsetMinutes = 0] = parts.slice(1).map((p) => Number(p ?? 0));
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day && hour < 24 && minute < 60 && second < 60 && offsetHours <= 14 && offsetMinutes < 60;
}

const isoWithOffset = (field: string) => z.string().refine(isRealIsoWithOffset, saying('date-time-unreadable', { field }));
const camtrapId = (field: string) =>
  z
    .string()
    .trim()
    .min(1)
    .max(64)
    .refine((id) => /^[\w.:-]+$/.test(id), saying('id-bad-characters', { field }));
const locationName = z
  .string()
  .trim()
  .max(200)
  .refine((name) => name.length > 0, saying('location-name-missing'));
const latitude = z.number().refine((v) => v >= -90 && v <= 90, saying('latitude-off-map'));
const longitude = z.number().refine((v) => v >= -180 && v <= 180, saying('longitude-off-map'));

export const newLocationSchema = z.object({
  locationID: camtrapId('locationID').optional(),
  locationName,
  latitude,
  longitude,
});
export type NewLocation = z.infer<typeof newLocationSchema>;

/** What is left out stays as it is; the ID never changes, since deployments refer to it. */
export const locationChangesSchema = z.object({
  locationID: camtrapId('locationID'),
  locationName: locationName.optional(),
  latitude: latitude.optional(),
  longitude: longitude.optional(),
});
export type LocationChanges = z.infer<typeof locationChangesSchema>;

export interface Location {
  locationID: string;
  locationName: string;
  latitude: number;
  longitude: number;
  /** IANA name of the zone at the coordinates (Europe/Brussels): station times are local to it. */
  timeZone: string;
}

const deploymentDetails = {
  cameraID: z.string().trim().max(100).nullish(),
  cameraModel: z.string().trim().max(100).nullish(),
  cameraHeight: z.number().min(0).max(100).nullish(),
  baitUse: z.boolean().nullish(),
  deploymentComments: z.string().max(5000).nullish(),
  /** Setup and retrieval entered as days without times: effort counts those days half, as camtrapR does. */
  datesOnly: z.boolean().optional(),
};

export const newDeploymentSchema = z.object({
  deploymentID: camtrapId('deploymentID').optional(),
  locationID: camtrapId('locationID'),
  deploymentStart: isoWithOffset('deploymentStart'),
  deploymentEnd: isoWithOffset('deploymentEnd'),
  ...deploymentDetails,
});
export type NewDeployment = z.infer<typeof newDeploymentSchema>;

/** What is left out stays as it is and null clears a detail; the ID never changes, since media refer to it. */
export const deploymentChangesSchema = z.object({
  deploymentID: camtrapId('deploymentID'),
  locationID: camtrapId('locationID').optional(),
  deploymentStart: isoWithOffset('deploymentStart').optional(),
  deploymentEnd: isoWithOffset('deploymentEnd').optional(),
  ...deploymentDetails,
});
export type DeploymentChanges = z.infer<typeof deploymentChangesSchema>;

export interface Deployment {
  deploymentID: string;
  locationID: string;
  locationName: string;
  latitude: number;
  longitude: number;
  /** The zone of its location, in which its start and end are shown. */
  timeZone: string;
  deploymentStart: string;
  deploymentEnd: string;
  cameraID: string | null;
  cameraModel: string | null;
  cameraHeight: number | null;
  baitUse: boolean | null;
  deploymentComments: string | null;
  clockOffsetSeconds: number;
  /** Setup and retrieval are days without times: effort counts those days half (camtrapR's rule). */
  datesOnly: boolean;
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
  /** A video's length in seconds, frames per second, frame count and codec, as ffprobe read them at import; null for pictures and unreadable videos. */
  durationS: number | null;
  frameRate: number | null;
  frameCount: number | null;
  videoCodec: string | null;
  sequenceNo: number | null;
  sha256: string;
  /** The highest confidence of the latest detection result, null before detection. */
  maxConf: number | null;
  processed: boolean;
  /** What a person said is in it (common names where the species list has them). */
  labels: string[];
  /** A person labelled it, marked it empty or marked a box false. */
  reviewed: boolean;
  /** Taken while its camera was in a problem period (it should not have been working): worth a look at its date. */
  cameraProblem: boolean;
  /** What the species model said, from its latest run on this picture, most certain first; never a person's label. */
  suggestions: MachineSuggestion[];
}

/** One species (or empty, person, vehicle) a classifier predicted for a picture or its boxes. */
export interface MachineSuggestion {
  /** The common name (the library's own first), else the scientific name; null for empty, people and vehicles. */
  name: string | null;
  scientificName: string | null;
  observationType: 'animal' | 'human' | 'vehicle' | 'blank' | 'unknown';
  /** The model's probability, 0..1. */
  conf: number;
}

export interface MediaPage {
  total: number;
  /** How many of the total are videos; the rest are pictures. */
  videos: number;
  sequences: number;
  items: MediaItem[];
}

const libraryPath = chosenPath('choose-library-folder');
const none = z.object({});

const mediaPageInput = z.object({
  deploymentID: camtrapId('deploymentID').optional(),
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(500).default(100),
  /** Hide processed images whose boxes all fall below this confidence. */
  hideEmptyBelow: z.number().min(0).max(1).optional(),
  from: z.string().refine((d) => /^\d{4}-\d{2}-\d{2}$/.test(d), saying('day-not-valid')).optional(),
  to: z.string().refine((d) => /^\d{4}-\d{2}-\d{2}$/.test(d), saying('day-not-valid')).optional(),
  /** Only media with a box of this class at or above the threshold (or its run's default). */
  category: z.enum(['animal', 'person', 'vehicle']).optional(),
  threshold: z.number().min(0).max(1).optional(),
  /** Only media a person labelled with this species. */
  scientificName: z.string().min(2).optional(),
  reviewed: z.boolean().optional(),
  /** Only media whose latest species prediction names this species. */
  predicted: z.string().trim().min(2).max(200).optional(),
  /** Time order, by the predicted species' name, or the least certain prediction first. */
  sort: z.enum(['time', 'predicted', 'uncertain']).default('time'),
});

export const libraryMethods = {
  'library.create': method<LibraryInfo>()(z.object({ path: libraryPath })),
  'library.open': method<LibraryInfo>()(z.object({ path: libraryPath })),
  'library.current': method<LibraryInfo | null>()(none),
  'library.close': method<null>()(none),
  'library.setSequenceGap': method<LibraryInfo>()(z.object({ seconds: z.number().int().min(1).max(3600) })),
  'location.list': method<Location[]>()(none),
  'location.add': method<Location>()(newLocationSchema),
  'location.update': method<Location>()(locationChangesSchema),
  'location.delete': method<null>()(z.object({ locationID: camtrapId('locationID') })),
  'deployment.list': method<Deployment[]>()(none),
  'deployment.add': method<Deployment>()(newDeploymentSchema),
  'deployment.update': method<Deployment>()(deploymentChangesSchema),
  'deployment.delete': method<null>()(z.object({ deploymentID: camtrapId('deploymentID') })),
  'deployment.setClockOffset': method<Deployment>()(
    z.object({ deploymentID: camtrapId('deploymentID'), offsetSeconds: z.number().int().min(-10 * 365 * 86400).max(10 * 365 * 86400) }),
  ),
  'media.page': method<MediaPage>()(mediaPageInput),
} as const;
