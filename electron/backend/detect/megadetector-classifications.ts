import type { Db } from '../library/db.ts';

export interface ClassifiedBox {
  detectionId: number;
  category: string;
  conf: number;
}

export interface Classifier {
  /** The classifications of each box of a picture, best first, as [category id, confidence]. */
  forMedia(mediaPk: number, boxes: readonly ClassifiedBox[]): Map<number, [string, number][]>;
  /** The categories used so far; null when no box has any. */
  categories(): { names: Record<string, string>; descriptions: Record<string, string> | null } | null;
}

/** Whatever a person said of a picture or a box: a species, empty, a false box. */
interface PersonWord {
  detectionId: number | null;
  scientificName: string | null;
  falseDetection: number;
  vernacularName: string | null;
}

interface HumanLabel extends PersonWord {
  scientificName: string;
}

interface MachineRow {
  detectionId: number | null;
  kind: 'prediction' | 'ranked';
  label: string;
  description: string | null;
  conf: number;
}

/**
 * Species for MegaDetector's classifications, most trusted first: a person's label on the box; a
 * person's species on the picture, for its animal boxes at the run's threshold; a classifier's
 * guesses for the box, its final answer first; a classifier's answer for the whole picture
 * (SpeciesNet), for every box, as MegaDetector's own SpeciesNet converter writes it. People's
 * labels count as certain (1.0), and a person's word overrules the machine as the map has it
 * (library/machine-species.ts): nothing of the machine's on a box a person labelled or marked
 * false, nor anywhere in a picture a person labelled or marked empty as a whole, nor its
 * whole-picture answer in a picture a person said anything about.
 */
export function boxClassifications(db: Db, runId: number, threshold: number): Classifier {
  const human = db.prepare(
    `SELECT o.detection_id AS detectionId, o.scientific_name AS scientificName, o.false_detection AS falseDetection, s.vernacular_name AS vernacularName
     FROM observations o LEFT JOIN species s ON s.scientific_name = o.scientific_name
     WHERE o.media_pk = ? AND o.superseded_by IS NULL
     ORDER BY o.scientific_name`,
  );
  const machine = db.prepare(
    `SELECT detection_id AS detectionId, kind, label, description, conf FROM classifications
     WHERE media_pk = ? AND run_id = ? ORDER BY kind = 'prediction' DESC, rank`,
  );
  const ids = new Map<string, { id: string; name: string; description: string | null }>();
  const idOf = (name: string, description: string | null): string => {
    const key = `${name}\u0000${description ?? ''}`;
    let entry = ids.get(key);
    if (!entry) {
      entry = { id: String(ids.size), name, description };
      ids.set(key, entry);
    }
    return entry.id;
  };
  const person = (l: HumanLabel): [string, number] => [idOf(l.vernacularName ?? l.scientificName, l.scientificName), 1];
  const said = (rows: readonly MachineRow[]): [string, number][] => {
    const prediction = rows.find((r) => r.kind === 'prediction');
    const chosen = prediction ? [prediction] : [...rows].sort((a, b) => b.conf - a.conf);
    return chosen.map((r) => [idOf(r.label, r.description), r.conf]);
  };
  /** A box's guesses: the final answer, then the raw top scores it did not already name, each category once. */
  const guesses = (rows: readonly MachineRow[]): [string, number][] => {
    const prediction = rows.find((r) => r.kind === 'prediction');
    const ranked = rows.filter((r) => r.kind !== 'prediction').sort((a, b) => b.conf - a.conf);
    const out: [string, number][] = [];
    for (const r of prediction ? [prediction, ...ranked] : ranked) {
      const id = idOf(r.label, r.description);
      if (!out.some(([seen]) => seen === id)) out.push([id, r.conf]);
    }
    return out;
  };
  return {
    forMedia(mediaPk, boxes) {
      const out = new Map<number, [string, number][]>();
      const words = human.all(mediaPk) as PersonWord[];
      const people = words.filter((w): w is HumanLabel => w.scientificName !== null && w.falseDetection === 0);
      const machines = machine.all(mediaPk, runId) as MachineRow[];
      const onPicture = people.filter((l) => l.detectionId === null);
      const pictureSettled = words.some((w) => w.detectionId === null);
      const wholePicture = words.length > 0 ? [] : machines.filter((r) => r.detectionId === null);
      for (const b of boxes) {
        const onBox = people.filter((l) => l.detectionId === b.detectionId);
        const guessed = pictureSettled || words.some((w) => w.detectionId === b.detectionId) ? [] : machines.filter((r) => r.detectionId === b.detectionId);
        let labels: [string, number][] = [];
        if (onBox.length > 0) labels = onBox.map(person);
        else if (onPicture.length > 0 && b.category === 'animal' && b.conf >= threshold) labels = onPicture.map(person);
        else if (guessed.length > 0) labels = guesses(guessed);
        else if (wholePicture.length > 0) labels = said(wholePicture);
        if (labels.length > 0) out.set(b.detectionId, labels);
      }
      return out;
    },
    categories() {
      if (ids.size === 0) return null;
      const entries = [...ids.values()];
      const names = Object.fromEntries(entries.map((e) => [e.id, e.name]));
      const described = entries.some((e) => e.description !== null);
      return { names, descriptions: described ? Object.fromEntries(entries.map((e) => [e.id, e.description ?? e.name])) : null };
    },
  };
}
