import { parseMoment } from './cells.ts';
import { offsetText } from './station-time.ts';
import type { Db } from '../../../library/db.ts';

/** A row of a Camtrap DP table by column name, as the export writes it. */
export type CamtrapRow = Record<string, string | number | boolean | null>;

/** A time as the package gave it, written as Camtrap DP wants: whole seconds, its own offset (Z for UTC). */
function camtrapTime(text: string | null): string | null {
  if (text === null) return null;
  const m = parseMoment(text);
  if (!m) return text;
  const wall = new Date(Math.floor((m.ms + (m.offsetMinutes ?? 0) * 60_000) / 1000) * 1000).toISOString().slice(0, 19);
  return `${wall}${m.offsetMinutes === null ? 'Z' : offsetText(m.offsetMinutes)}`;
}

const bool = (v: number | null): boolean | null => (v === null ? null : v === 1);

function fields(json: string | null): Record<string, string> {
  if (!json) return {};
  try {
    const value: unknown = JSON.parse(json);
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, string>) : {};
  } catch {
    return {};
  }
}

interface MediaRecord {
  mediaID: string;
  deploymentID: string;
  captureMethod: string | null;
  timestamp: string;
  wallMs: number;
  filePath: string;
  filePublic: number;
  fileName: string | null;
  fileMediatype: string;
  exifData: string | null;
  favorite: number | null;
  mediaComments: string | null;
}

interface ObservationRecord {
  observationID: string;
  deploymentID: string;
  mediaID: string | null;
  eventID: string | null;
  eventStart: string;
  eventEnd: string;
  observationLevel: string;
  observationType: string;
  scientificName: string | null;
  count: number | null;
  bboxX: number | null;
  bboxY: number | null;
  bboxWidth: number | null;
  bboxHeight: number | null;
  classificationMethod: string | null;
  classifiedBy: string | null;
  classificationTimestamp: string | null;
  classificationProbability: number | null;
  fieldsJson: string;
}

const observationColumns = `observation_id AS observationID, deployment_id AS deploymentID, media_id AS mediaID, event_id AS eventID, event_start AS eventStart,
  event_end AS eventEnd, observation_level AS observationLevel, observation_type AS observationType, scientific_name AS scientificName, count,
  bbox_x AS bboxX, bbox_y AS bboxY, bbox_width AS bboxWidth, bbox_height AS bboxHeight, classification_method AS classificationMethod,
  classified_by AS classifiedBy, classification_timestamp AS classificationTimestamp, classification_probability AS classificationProbability, fields_json AS fieldsJson`;

function observationRow({ fieldsJson, eventStart, eventEnd, classificationTimestamp, ...o }: ObservationRecord): CamtrapRow {
  return { ...fields(fieldsJson), ...o, eventStart: camtrapTime(eventStart), eventEnd: camtrapTime(eventEnd), classificationTimestamp: camtrapTime(classificationTimestamp) };
}

/**
 * For the export: what packages imported from other tools brought that the library's own
 * tables cannot say, as Camtrap DP rows. With them, a package imported and exported again keeps
 * its remote media, its event-level rows and its rows on remote media.
 */
export interface KeptRows {
  /** The package's deployment columns the library has no column for (setupBy, habitat, featureType, ...); empty for a deployment made here. */
  deploymentFields(deploymentID: string): Record<string, string>;
  /** Media rows kept as references (a URL, or a file that was not there), in time order, wall clock in [fromMs, toMs); wallMs for the export's own time format. */
  remoteMedia(deploymentID: string, fromMs: number, toMs: number): { row: CamtrapRow; wallMs: number }[];
  /** The package's observation rows held nowhere else: event-level rows, rows on remote media, machine labels without a box, unclassified. */
  keptObservations(deploymentID: string): CamtrapRow[];
  /** The package row a person's label came from (its other columns: lifeStage, sex, behavior, ...), if it came from one. */
  labelSource(observationPk: number): CamtrapRow | undefined;
  /** The package row a box came from (its scientificName, classifiedBy and other columns), if it came from one. */
  boxSource(detectionId: number): CamtrapRow | undefined;
}

export function keptRows(db: Db): KeptRows {
  const deployment = db.prepare('SELECT fields_json FROM package_deployments WHERE deployment_id = ?').pluck();
  const media = db.prepare(
    `SELECT media_id AS mediaID, deployment_id AS deploymentID, capture_method AS captureMethod, timestamp, timestamp_ms AS wallMs, file_path AS filePath,
            file_public AS filePublic, file_name AS fileName, file_mediatype AS fileMediatype, exif_data AS exifData, favorite, media_comments AS mediaComments
     FROM package_media WHERE deployment_id = ? AND media_pk IS NULL AND timestamp_ms >= ? AND timestamp_ms < ? ORDER BY timestamp_ms, media_id`,
  );
  const kept = db.prepare(`SELECT ${observationColumns} FROM package_observations WHERE deployment_id = ? AND placed = 'kept' ORDER BY package_observation_pk`);
  const byLabel = db.prepare(`SELECT ${observationColumns} FROM package_observations WHERE observation_pk = ?`);
  const byBox = db.prepare(`SELECT ${observationColumns} FROM package_observations WHERE detection_id = ?`);
  return {
    deploymentFields: (deploymentID) => fields((deployment.get(deploymentID) as string | undefined) ?? null),
    remoteMedia: (deploymentID, fromMs, toMs) =>
      (media.all(deploymentID, fromMs, toMs) as MediaRecord[]).map(({ wallMs, timestamp, filePublic, favorite, ...m }) => ({
        row: { ...m, timestamp: camtrapTime(timestamp), filePublic: filePublic === 1, favorite: bool(favorite) },
        wallMs,
      })),
    keptObservations: (deploymentID) => (kept.all(deploymentID) as ObservationRecord[]).map(observationRow),
    labelSource: (observationPk) => {
      const row = byLabel.get(observationPk) as ObservationRecord | undefined;
      return row ? observationRow(row) : undefined;
    },
    boxSource: (detectionId) => {
      const row = byBox.get(detectionId) as ObservationRecord | undefined;
      return row ? observationRow(row) : undefined;
    },
  };
}
