/**
 * What a package may hold. Packages come from anyone: the limits leave room for a large
 * project (millions of rows, terabytes of pictures) while refusing a file built to fill the
 * disk or the memory.
 */
export const packageLimits = {
  descriptorBytes: 16 * 1024 ** 2,
  tableBytes: 4 * 1024 ** 3,
  zipEntries: 2_000_000,
  zipFileBytes: 16 * 1024 ** 3,
  zipTotalBytes: 4 * 1024 ** 4,
  /** Files looked at in a media folder the user names. */
  mediaFolderFiles: 2_000_000,
  /** Problems listed before the rest are only counted. */
  problems: 100,
  /** Missing files named in a report. */
  namedMissing: 20,
} as const;
