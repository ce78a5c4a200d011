import type { Moment } from './cells.ts';

export interface DeploymentRow {
  file: string;
  row: number;
  deploymentID: string;
  locationID: string | null;
  locationName: string | null;
  latitude: number;
  longitude: number;
  deploymentStart: Moment;
  deploymentEnd: Moment;
  cameraID: string | null;
  cameraModel: string | null;
  cameraHeight: number | null;
  baitUse: boolean | null;
  deploymentComments: string | null;
  /** The package's other columns with a value (setupBy, habitat, featureType, ...). */
  rest: Record<string, string>;
}

export const observationTypes = ['animal', 'human', 'vehicle', 'blank', 'unknown', 'unclassified'] as const;
export type ObservationType = (typeof observationTypes)[number];

export interface MediaRow {
  file: string;
  row: number;
  mediaID: string;
  deploymentID: string;
  captureMethod: 'activityDetection' | 'timeLapse' | null;
  timestamp: Moment;
  filePath: string;
  filePublic: boolean;
  fileName: string | null;
  fileMediatype: string;
  exifData: string | null;
  favorite: boolean | null;
  mediaComments: string | null;
}

export interface ObservationRow {
  file: string;
  row: number;
  observationID: string;
  deploymentID: string;
  mediaID: string | null;
  eventID: string | null;
  eventStart: Moment;
  eventEnd: Moment;
  observationLevel: 'media' | 'event';
  observationType: ObservationType;
  scientificName: string | null;
  count: number | null;
  /** Top-left corner, width and height, relative to the picture. */
  bbox: [number, number, number, number] | null;
  classificationMethod: 'human' | 'machine' | null;
  classifiedBy: string | null;
  classificationTimestamp: Moment | null;
  classificationProbability: number | null;
  rest: Record<string, string>;
}

export interface PackageRows {
  deployments: DeploymentRow[];
  media: MediaRow[];
  observations: ObservationRow[];
}
