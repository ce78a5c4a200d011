import type { Db } from './db.ts';

/** Library settings with their defaults; stored only when changed. */
export const settingDefaults = {
  sequenceGapSeconds: 60,
  independenceMinutes: 30,
  /** 0: a record is compared with the record before it (camtrapR's deltaTimeComparedTo "lastRecord"); 1: with the last independent one. */
  independenceComparedToLastIndependent: 0,
  /** Limits of a detection container: memory (MiB) and processes, so a runaway worker cannot take the machine. */
  containerMemoryMiB: 8192,
  containerPids: 512,
  /** 1: the map and analyses count the machine's species on pictures and boxes no person has labelled; 0: people's labels only. */
  machineSpecies: 0,
  /** The probability (0–1) a machine prediction needs to count while machineSpecies is on. */
  machineSpeciesThreshold: 0.8,
  /** Frames of a video looked at per second of it, as AddaxAI and Biowatch sample by default. */
  videoFramesPerSecond: 1,
} as const;

export type SettingKey = keyof typeof settingDefaults;

export function getNumberSetting(db: Db, key: SettingKey): number {
  const row = db.prepare('SELECT value FROM settings WHERE key = ?').get(key) as { value: string } | undefined;
  return row ? Number(row.value) : settingDefaults[key];
}

export function setSetting(db: Db, key: SettingKey, value: number): void {
  db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(key, String(value));
}

/** camtrapR's deltaTimeComparedTo: what a record's time is compared with to decide whether it is independent. */
export type IndependenceComparedTo = 'lastRecord' | 'lastIndependentRecord';

export function independenceComparedTo(db: Db): IndependenceComparedTo {
  return getNumberSetting(db, 'independenceComparedToLastIndependent') === 1 ? 'lastIndependentRecord' : 'lastRecord';
}
