import fs from 'node:fs';
import type { ServerResponse } from 'node:http';
import { pipeline } from 'node:stream';
import { parseByteRange } from './byte-range.ts';

/**
 * Streams a file, or the one range of it asked for (206), as HTTP byte serving says: a PMTiles
 * reader fetches the header and then only the directories and tiles it draws; a video element
 * the part it plays or seeks to. A file gone answers 404; a range past its end 416 with its size,
 * which readers use to ask again.
 */
export function sendRange(file: string, range: string | undefined, headers: Record<string, string>, res: ServerResponse): void {
  fs.stat(file, (err, stat) => {
    if (err || !stat.isFile()) {
      res.writeHead(404).end('Not found');
      return;
    }
    const base = { ...headers, 'Accept-Ranges': 'bytes' };
    if (!range) {
      res.writeHead(200, { ...base, 'Content-Length': String(stat.size) });
      pipeline(fs.createReadStream(file), res, () => undefined);
      return;
    }
    const wanted = parseByteRange(range, stat.size);
    if (wanted === 'invalid' || wanted === 'unsatisfiable') {
      res.writeHead(416, { ...base, 'Content-Range': `bytes */${stat.size}` }).end();
      return;
    }
    res.writeHead(206, { ...base, 'Content-Range': `bytes ${wanted.start}-${wanted.end}/${stat.size}`, 'Content-Length': String(wanted.end - wanted.start + 1) });
    pipeline(fs.createReadStream(file, { start: wanted.start, end: wanted.end }), res, () => undefined);
  });
}
