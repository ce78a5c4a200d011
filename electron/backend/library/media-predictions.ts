import type { MachineSuggestion } from './contract.ts';

/*
 * What a species model said about a picture, for the grid. Only the latest run with predictions
 * for the picture counts: a newer run's answers replace an older one's. These are never people's
 * labels (those are observations), and every lookup goes through classifications_result
 * (media_pk, run_id) or, for the filter, classifications_species (scientific_name, media_pk).
 */

/** A prediction `c` for the whole picture, or for a box its detector kept (at or above the run's threshold), as the map counts them (machine-species.ts). */
export const onKeptBox = `(c.detection_id IS NULL OR EXISTS (SELECT 1 FROM detections k JOIN detection_runs kr ON kr.run_id = k.run_id
  WHERE k.detection_id = c.detection_id AND k.conf >= kr.default_threshold))`;

const latestRun = `(SELECT MAX(l.run_id) FROM classifications l WHERE l.media_pk = media.media_pk AND l.kind = 'prediction')`;

const predictionsOfMedia = `FROM classifications c LEFT JOIN species s ON s.scientific_name = c.scientific_name
  WHERE c.media_pk = media.media_pk AND c.kind = 'prediction' AND c.observation_type != 'unknown' AND c.run_id = ${latestRun} AND ${onKeptBox}`;

/** A column: the picture's predictions as JSON, one per species (its most certain box), most certain first. */
export const suggestionsColumn = `(SELECT json_group_array(json_object('name', p.name, 'scientificName', p.sci, 'observationType', p.type, 'conf', p.conf)) FROM (
    SELECT CASE WHEN c.observation_type = 'animal' THEN COALESCE(MAX(s.vernacular_name), MAX(c.vernacular_name), c.scientific_name) END AS name,
           c.scientific_name AS sci, c.observation_type AS type, MAX(c.conf) AS conf
    ${predictionsOfMedia}
    GROUP BY c.observation_type, c.scientific_name, COALESCE(c.scientific_name, c.vernacular_name, c.label) ORDER BY conf DESC) p) AS suggestions`;

/** Only media whose latest prediction names the species. */
export const predictedFilter = `media.media_pk IN (SELECT c.media_pk FROM classifications c WHERE c.kind = 'prediction' AND c.scientific_name = @predicted
  AND c.run_id = (SELECT MAX(l.run_id) FROM classifications l WHERE l.media_pk = c.media_pk AND l.kind = 'prediction') AND ${onKeptBox})`;

export type MediaSort = 'time' | 'predicted' | 'uncertain';

/**
 * The order of the grid. By species: the name shown for the most certain prediction, then time;
 * by uncertainty: the least certain prediction of the picture first. Media without predictions
 * come last, in time order.
 */
export function orderBy(sort: MediaSort): string {
  const time = 'timestamp_ms, file_path';
  if (sort === 'predicted') {
    return `(SELECT COALESCE(s.vernacular_name, c.vernacular_name, c.scientific_name, c.label) ${predictionsOfMedia} ORDER BY c.conf DESC LIMIT 1) COLLATE NOCASE NULLS LAST, ${time}`;
  }
  if (sort === 'uncertain') return `(SELECT MIN(c.conf) ${predictionsOfMedia}) NULLS LAST, ${time}`;
  return time;
}

export function parseSuggestions(json: string | null): MachineSuggestion[] {
  return json ? (JSON.parse(json) as MachineSuggestion[]) : [];
}
