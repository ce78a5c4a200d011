/**
 * What a model package may hold. MegaDetector's largest ONNX export is about 560 MB; the limits
 * leave room for larger detectors while refusing an archive built to fill the disk.
 */
export const installLimits = {
  manifestBytes: 1024 * 1024,
  fileBytes: 4 * 1024 ** 3,
  totalBytes: 8 * 1024 ** 3,
  archiveEntries: 1000,
  /** Kept free after an install, so the library and the log can still be written. */
  reserveBytes: 64 * 1024 ** 2,
  /** Opening a large model on a slow processor takes a while; a model that hangs is refused. */
  loadSeconds: 180,
} as const;
