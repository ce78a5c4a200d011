export interface EnsembleDetection {
  category: 'animal' | 'person' | 'vehicle';
  conf: number;
}

export interface Classifications {
  /** Labels in SpeciesNet's form `uuid;class;order;family;genus;species;common name`, best first. */
  classes: string[];
  scores: number[];
}

/** Where a picture was taken, as SpeciesNet's geofence names places. */
export interface Region {
  /** ISO 3166-1 alpha-3, e.g. 'USA'. */
  country: string | null;
  /** A first-level division; SpeciesNet uses US state codes such as 'CA'. */
  admin1: string | null;
}

export interface EnsembleInput extends Region {
  /** The classifier's top five, best first. */
  classifications: Classifications;
  /** Best first. */
  detections: EnsembleDetection[];
}

export interface EnsemblePrediction {
  label: string;
  score: number;
  /** As SpeciesNet reports it: 'detector', 'classifier', 'classifier+rollup_to_genus', 'classifier+geofence+rollup_to_family'... */
  source: string;
}
