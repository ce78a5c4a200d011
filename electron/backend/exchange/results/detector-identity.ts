import type { DetectorIdentity } from './results-file.ts';

/** MegaDetector's recommended thresholds by major version, where the file does not give them. */
function typicalThreshold(major: number | null): { threshold: number; conservative: number | null } {
  if (major === 4) return { threshold: 0.8, conservative: 0.6 };
  if (major === 1000) return { threshold: 0.3, conservative: null };
  return { threshold: 0.2, conservative: major === 5 ? 0.05 : null };
}

interface MegadetectorInfo {
  detector?: string | null;
  detector_metadata?: { megadetector_version?: string | null; typical_detection_threshold?: number | null; conservative_detection_threshold?: number | null } | null;
}

/**
 * The detector a MegaDetector file names: "md_v5a.0.0.pt", "MDV5A" with megadetector_version
 * "v5a.0.1", "md_v1000.0.0-redwood.pt", or this app's own "mdv5a 5a.0.0". A file without a
 * detector comes from MegaDetector v4, as MegaDetector's documentation says.
 */
export function megadetectorIdentity(info: MegadetectorInfo, lowestConf: number | null): DetectorIdentity {
  const detector = info.detector?.trim() || 'md_v4.1.0.pb';
  const metaVersion = info.detector_metadata?.megadetector_version?.trim().replace(/^v/i, '') || null;
  const own = /^([a-z0-9][a-z0-9.-]*) (\S+)$/.exec(detector);
  const md = /(?:md|megadetector)_?v(\d+)([a-z])?((?:\.\d+)*)(?:-([a-z]+))?/i.exec(detector);
  let modelID: string;
  let modelVersion: string;
  let major: number | null = null;
  if (own?.[1] && own[2]) {
    modelID = own[1];
    modelVersion = own[2];
    major = md ? Number(md[1]) : null;
  } else if (md) {
    major = Number(md[1]);
    const letter = (md[2] ?? '').toLowerCase();
    const suffix = md[4] ? `-${md[4].toLowerCase()}` : '';
    modelID = `mdv${major}${letter}${suffix}`;
    modelVersion = metaVersion ?? `${major}${letter}${md[3] ?? ''}${suffix}`;
  } else {
    modelID = detector.toLowerCase().replace(/\.(pt|pb|onnx)$/, '').replace(/[^a-z0-9.-]+/g, '-').replace(/^-+|-+$/g, '') || 'imported';
    modelVersion = metaVersion ?? detector;
  }
  const typical = typicalThreshold(major);
  const threshold = info.detector_metadata?.typical_detection_threshold ?? typical.threshold;
  return {
    modelID,
    modelName: detector,
    modelVersion,
    threshold,
    conservativeThreshold: info.detector_metadata?.conservative_detection_threshold ?? typical.conservative,
    keepThreshold: Math.min(lowestConf ?? 0.005, 0.005, threshold),
  };
}

/** SpeciesNet's ensemble finds boxes with MegaDetector v5a and counts an animal above 0.2 (its combiner's cut). */
export function speciesnetIdentity(modelVersion: string | null, lowestConf: number | null): DetectorIdentity {
  return {
    modelID: 'mdv5a',
    modelName: `SpeciesNet ${modelVersion ?? ''}`.trim(),
    modelVersion: modelVersion ?? 'unknown',
    threshold: 0.2,
    conservativeThreshold: null,
    keepThreshold: Math.min(lowestConf ?? 0.01, 0.01),
  };
}
