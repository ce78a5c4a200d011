/**
 * A coordinate as people write it on a field sheet or read it off a GPS: decimal with a dot or a
 * comma ("50.699", "50,699", "-4,013"), or degrees, minutes and seconds with a hemisphere
 * ("50°41'56.4\"N", "50 41 56.4 N", "N 50° 41.94'", "4°0'46.8\"W"). Null when it is none of these.
 */
export function parseCoordinate(text: string, axis: 'latitude' | 'longitude'): number | null {
  const raw = text.trim().toUpperCase().replace(/[′’]/g, "'").replace(/[″”]/g, '"');
  if (raw === '') return null;
  const decimal = /^[+-]?\d{1,3}([.,]\d+)?$/;
  if (decimal.test(raw)) return inRange(Number(raw.replace(',', '.')), axis);
  const hemispheres = axis === 'latitude' ? 'NS' : 'EW';
  const hemi = new RegExp(`^([${hemispheres}])\\s*|\\s*([${hemispheres}])$`);
  const found = hemi.exec(raw);
  if (!found) return null;
  const letter = found[1] ?? found[2] ?? '';
  const body = raw.replace(hemi, '').trim();
  const parts = /^(\d{1,3}(?:[.,]\d+)?)\s*[°D]?\s*(?:(\d{1,2}(?:[.,]\d+)?)\s*'?\s*(?:(\d{1,2}(?:[.,]\d+)?)\s*"?)?)?$/.exec(body);
  if (!parts) return null;
  const [deg, min, sec] = [parts[1], parts[2], parts[3]].map((p) => (p === undefined ? 0 : Number(p.replace(',', '.'))));
  if ((min ?? 0) >= 60 || (sec ?? 0) >= 60) return null;
  const value = (deg ?? 0) + (min ?? 0) / 60 + (sec ?? 0) / 3600;
  return inRange(letter === 'S' || letter === 'W' ? -value : value, axis);
}

function inRange(value: number, axis: 'latitude' | 'longitude'): number | null {
  const limit = axis === 'latitude' ? 90 : 180;
  return Number.isFinite(value) && Math.abs(value) <= limit ? Math.round(value * 1e6) / 1e6 : null;
}
