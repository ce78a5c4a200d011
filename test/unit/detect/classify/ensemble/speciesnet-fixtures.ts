// The labels, taxonomy and geofence of SpeciesNet's own tests (speciesnet/*_test.py, Apache-2.0).
import type { Geofence } from '../../../../../electron/backend/detect/classify/ensemble/geofence.ts';
import { taxonomyOf } from '../../../../../electron/backend/detect/classify/ensemble/taxonomy.ts';

export const BLANK = 'f1856211-cfb7-4a5b-9158-c0f72fd09ee6;;;;;;blank';
export const HUMAN = '990ae9dd-7a59-4344-afcb-1b7b21368000;mammalia;primates;hominidae;homo;sapiens;human';
export const VEHICLE = 'e2895ed5-780b-48f6-8a11-9e27cb594511;;;;;;vehicle';
export const UNKNOWN = 'f2efdae9-efb8-48fb-8a91-eccf79ab4ffb;no cv result;no cv result;no cv result;no cv result;no cv result;no cv result';

export const LION = 'ddf59264-185a-4d35-b647-2785792bdf54;mammalia;carnivora;felidae;panthera;leo;lion';
export const PANTHERA_GENUS = 'fbb23d07-6677-43db-b650-f99ac452c50f;mammalia;carnivora;felidae;panthera;;panthera species';
export const FELIDAE_FAMILY = 'df8514b0-10a5-411f-8ed6-0f415e8153a3;mammalia;carnivora;felidae;;;cat family';
export const CARNIVORA_ORDER = 'eeeb5d26-2a47-4d01-a3de-10b33ec0aee4;mammalia;carnivora;;;;carnivorous mammal';
export const MAMMALIA_CLASS = 'f2d233e3-80e3-433d-9687-e29ecc7a467a;mammalia;;;;;mammal';
export const ANIMAL_KINGDOM = '1f689929-883d-4dae-958c-3d57ab5b6c16;;;;;;animal';

export const BROWN_BEAR = '330bb1e9-84d6-4e41-afa9-938aee17ea29;mammalia;carnivora;ursidae;ursus;arctos;brown bear';
export const POLAR_BEAR = 'e7f83bf6-df2c-4ce0-97fc-2f233df23ec4;mammalia;carnivora;ursidae;ursus;maritimus;polar bear';
export const GIANT_PANDA = '85662682-67c1-4ecb-ba05-ba12e2df6b65;mammalia;carnivora;ursidae;ailuropoda;melanoleuca;giant panda';
export const URSUS_GENUS = '5a0f5e3f-c634-4b86-910a-b105cb526a24;mammalia;carnivora;ursidae;ursus;;ursus species';
export const URSIDAE_FAMILY = 'ec1a70f4-41c0-4aba-9150-292fb2b7a324;mammalia;carnivora;ursidae;;;bear family';

export const PUMA = '9c564562-9429-405c-8529-04cff7752282;mammalia;carnivora;felidae;puma;concolor;puma';
export const SAND_CAT = 'e588253d-d61d-4149-a96c-8c245927a80f;mammalia;carnivora;felidae;felis;margarita;sand cat';

/** The label list behind SpeciesNet's test taxonomy_map: puma and sand cat are not in it. */
export const labels: readonly string[] = [
  BLANK,
  HUMAN,
  VEHICLE,
  LION,
  PANTHERA_GENUS,
  FELIDAE_FAMILY,
  CARNIVORA_ORDER,
  MAMMALIA_CLASS,
  ANIMAL_KINGDOM,
  BROWN_BEAR,
  POLAR_BEAR,
  GIANT_PANDA,
  URSUS_GENUS,
  URSIDAE_FAMILY,
];

export const taxonomy = taxonomyOf(labels);

export const geofence: Geofence = {
  'mammalia;carnivora;felidae;panthera;leo': { allow: { KEN: [], TZA: [] } },
  'mammalia;carnivora;felidae;panthera;': { allow: { KEN: [], TZA: [], USA: ['AK', 'CA'] } },
  'mammalia;carnivora;felidae;;': { allow: { FRA: [], KEN: [], TZA: [], USA: [] }, block: { FRA: [], USA: ['NY'] } },
  'mammalia;carnivora;felidae;felis;margarita': { block: { AUS: [] } },
  'mammalia;carnivora;ursidae;;': { block: { GBR: [] } },
};
