/**
 * SpeciesNet's labels with a meaning of their own (speciesnet/constants.py, Classification).
 * The classifier can give any label of its list; only these change how predictions combine.
 */
export const specialLabels = {
  blank: 'f1856211-cfb7-4a5b-9158-c0f72fd09ee6;;;;;;blank',
  animal: '1f689929-883d-4dae-958c-3d57ab5b6c16;;;;;;animal',
  human: '990ae9dd-7a59-4344-afcb-1b7b21368000;mammalia;primates;hominidae;homo;sapiens;human',
  vehicle: 'e2895ed5-780b-48f6-8a11-9e27cb594511;;;;;;vehicle',
  unknown: 'f2efdae9-efb8-48fb-8a91-eccf79ab4ffb;no cv result;no cv result;no cv result;no cv result;no cv result;no cv result',
} as const;

export type SpecialLabel = keyof typeof specialLabels;

/** `uuid;class;order;family;genus;species;common name`: seven parts, some of them empty. */
export function isSpeciesNetLabel(label: string): boolean {
  return label.split(';').length === 7;
}

/** The parts of a label; like SpeciesNet, a label of another form is a fault of the model package. */
export function labelParts(label: string): string[] {
  const parts = label.split(';');
  if (parts.length !== 7) throw new Error(`Expected a SpeciesNet label of 7 parts, found ${parts.length}: ${label.slice(0, 200)}`);
  return parts;
}

/** `class;order;family;genus;species`, the key of the taxonomy and of the geofence rules. */
export function fullClassOf(label: string): string {
  return labelParts(label).slice(1, 6).join(';');
}
