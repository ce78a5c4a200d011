import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import yazl from 'yazl';
import type { testBackend } from '../../support/backend.ts';
import { sharedPath } from '../../support/shared.ts';
import { snapshotTree } from '../../support/snapshot-tree.ts';
import { tempDir } from '../../support/temp-dir.ts';

export const examplePackage = (): string => sharedPath('fixtures', 'camtrap-dp-example');

/** A copy of the example package to change, without its pictures unless asked for. */
export function copyOfExample(withMedia = true): string {
  const dir = path.join(tempDir('package-'), 'package');
  fs.cpSync(examplePackage(), dir, { recursive: true, filter: (src) => withMedia || path.relative(examplePackage(), src).split(path.sep)[0] !== 'media' });
  return dir;
}

/** The rows of a CSV as cells (no quoted commas in the cells these tests change). */
export function editCsv(file: string, change: (rows: string[][]) => string[][]): void {
  const text = fs.readFileSync(file, 'utf8');
  const lines = text.trimEnd().split('\n');
  const rows = lines.map((l) => l.split(','));
  fs.writeFileSync(file, `${change(rows).map((r) => r.join(',')).join('\n')}\n`);
}

/** Parsed CSV records of the example (quoted cells included), header first. */
export function csvRecords(file: string): string[][] {
  const out: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const text = fs.readFileSync(file, 'utf8');
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i] as string;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\n') {
      row.push(cell);
      out.push(row);
      row = [];
      cell = '';
    } else if (c !== '\r') cell += c;
  }
  if (cell !== '' || row.length > 0) out.push([...row, cell]);
  return out;
}

/** Every row of every table, in a stable order: equal dumps mean the database holds the same. */
export function dumpDatabase(root: string): Record<string, unknown[]> {
  const db = new Database(path.join(root, 'library.sqlite'), { readonly: true });
  try {
    const tables = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all() as string[];
    return Object.fromEntries(
      tables.map((t) => {
        const columns = (db.prepare(`PRAGMA table_info("${t}")`).all() as unknown[]).length;
        const order = Array.from({ length: columns }, (_, i) => i + 1).join(', ');
        return [t, db.prepare(`SELECT * FROM "${t}" ORDER BY ${order}`).all()];
      }),
    );
  } finally {
    db.close();
  }
}

/** What a refused import must leave as it was: every table, and every file under media/ and .partial/. */
export function libraryState(root: string) {
  return { tables: dumpDatabase(root), media: snapshotTree(path.join(root, 'media')), partial: fs.readdirSync(path.join(root, '.partial')) };
}

/** A zip of a folder's files, with extra raw entries (a hostile name, a link) when given. */
export async function zipFolder(folder: string, extra: (zip: yazl.ZipFile) => void = () => undefined): Promise<string> {
  const file = path.join(tempDir('zip-'), 'package.zip');
  const zip = new yazl.ZipFile();
  for (const entry of fs.readdirSync(folder, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const abs = path.join(entry.parentPath, entry.name);
    zip.addFile(abs, path.relative(folder, abs).split(path.sep).join('/'));
  }
  extra(zip);
  zip.end();
  await new Promise<void>((resolve, reject) => {
    zip.outputStream.pipe(fs.createWriteStream(file)).on('close', resolve).on('error', reject);
  });
  return file;
}

/** A new, empty library in a backend of its own. */
export async function newLibrary(t: ReturnType<typeof testBackend>): Promise<string> {
  const root = path.join(tempDir('library-'), 'library');
  await t.must('library.create', { path: root });
  return root;
}
