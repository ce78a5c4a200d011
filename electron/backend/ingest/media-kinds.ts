import path from 'node:path';

export interface MediaKind {
  mediaType: 'image' | 'video';
  mime: string;
  /** What a person calls it, for messages. */
  label: string;
}

const kinds: Record<string, MediaKind> = {
  '.jpg': { mediaType: 'image', mime: 'image/jpeg', label: 'JPEG image' },
  '.jpeg': { mediaType: 'image', mime: 'image/jpeg', label: 'JPEG image' },
  '.png': { mediaType: 'image', mime: 'image/png', label: 'PNG image' },
  '.tif': { mediaType: 'image', mime: 'image/tiff', label: 'TIFF image' },
  '.tiff': { mediaType: 'image', mime: 'image/tiff', label: 'TIFF image' },
  '.mp4': { mediaType: 'video', mime: 'video/mp4', label: 'MP4 video' },
  '.mov': { mediaType: 'video', mime: 'video/quicktime', label: 'QuickTime video' },
  '.avi': { mediaType: 'video', mime: 'video/x-msvideo', label: 'AVI video' },
};

export function mediaKindOf(fileName: string): MediaKind | undefined {
  return kinds[path.extname(fileName).toLowerCase()];
}

/**
 * Whether the first bytes match the format the extension promises. A card can hold files
 * whose name lies (a text file called .JPG, a half-erased file of zeros).
 */
export function contentMatches(kind: MediaKind, head: Buffer): boolean {
  const starts = (...bytes: number[]) => bytes.every((b, i) => head[i] === b);
  switch (kind.mime) {
    case 'image/jpeg':
      return starts(0xff, 0xd8, 0xff);
    case 'image/png':
      return starts(0x89, 0x50, 0x4e, 0x47);
    case 'image/tiff':
      return starts(0x49, 0x49, 0x2a, 0x00) || starts(0x4d, 0x4d, 0x00, 0x2a);
    case 'video/mp4':
    case 'video/quicktime':
      return head.subarray(4, 8).toString('latin1') === 'ftyp' || ['moov', 'mdat', 'wide', 'free'].includes(head.subarray(4, 8).toString('latin1'));
    case 'video/x-msvideo':
      return head.subarray(0, 4).toString('latin1') === 'RIFF' && head.subarray(8, 12).toString('latin1') === 'AVI ';
    default:
      return true;
  }
}

/** A JPEG that does not end with its end-of-image marker was cut off (a card pulled while writing, a bad sector). */
export function jpegIsTruncated(tail: Buffer): boolean {
  // Some cameras pad after the marker, so look for it near the end rather than at the last byte.
  return tail.lastIndexOf(Buffer.from([0xff, 0xd9])) === -1;
}
