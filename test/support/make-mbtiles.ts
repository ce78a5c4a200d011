import Database from 'better-sqlite3';
import sharp from 'sharp';

/** Web-Mercator tile numbers of a point at a zoom. */
export function tileOf(lat: number, lon: number, z: number): { x: number; y: number } {
  const n = 2 ** z;
  const x = Math.floor(((lon + 180) / 360) * n);
  const rad = (lat * Math.PI) / 180;
  const y = Math.floor(((1 - Math.log(Math.tan(rad) + 1 / Math.cos(rad)) / Math.PI) / 2) * n);
  return { x, y };
}

/** A small real MBTiles file: 3x3 orange PNG tiles around a point, at one zoom level. */
export async function makeMbtiles(file: string, lat: number, lon: number, z: number): Promise<void> {
  const db = new Database(file);
  db.exec('CREATE TABLE metadata (name TEXT, value TEXT); CREATE TABLE tiles (zoom_level INTEGER, tile_column INTEGER, tile_row INTEGER, tile_data BLOB);');
  const png = await sharp({ create: { width: 256, height: 256, channels: 3, background: '#ff8c1a' } }).png().toBuffer();
  const { x, y } = tileOf(lat, lon, z);
  const insert = db.prepare('INSERT INTO tiles VALUES (?, ?, ?, ?)');
  for (let dx = -1; dx <= 1; dx += 1) for (let dy = -1; dy <= 1; dy += 1) insert.run(z, x + dx, 2 ** z - 1 - (y + dy), png);
  const meta = { name: 'Study area', format: 'png', minzoom: String(z), maxzoom: String(z), bounds: `${lon - 0.3},${lat - 0.2},${lon + 0.3},${lat + 0.2}` };
  for (const [k, v] of Object.entries(meta)) db.prepare('INSERT INTO metadata VALUES (?, ?)').run(k, v);
  db.close();
}
