import fs from 'node:fs';
import path from 'node:path';
import { preferencesSchema, type Preferences } from './contract.ts';

function file(dataDir: string): string {
  return path.join(dataDir, 'preferences.json');
}

export function readPreferences(dataDir: string): Preferences {
  try {
    return preferencesSchema.parse(JSON.parse(fs.readFileSync(file(dataDir), 'utf8')));
  } catch {
    return { language: null };
  }
}

/** Written to a temporary name and renamed, so a crash never leaves a half-written file. */
export function writePreferences(dataDir: string, changes: Partial<Preferences>): Preferences {
  const next = { ...readPreferences(dataDir), ...changes };
  fs.mkdirSync(dataDir, { recursive: true });
  const tmp = `${file(dataDir)}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, JSON.stringify(next, null, 2));
  fs.renameSync(tmp, file(dataDir));
  return next;
}
