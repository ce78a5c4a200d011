import { describe, expect, it } from 'vitest';
import * as sn from './speciesnet-fixtures.ts';
import { fullClassOf } from '../../../../../electron/backend/detect/classify/ensemble/labels.ts';
import { ancestorAt, type TaxonomyLevel } from '../../../../../electron/backend/detect/classify/ensemble/taxonomy.ts';

const levels: TaxonomyLevel[] = ['species', 'genus', 'family', 'order', 'class', 'kingdom'];
const unseen = 'uuid;class;order;family;genus;species;common_name';

// taxonomy_utils_test.py, test_get_ancestor_at_level: the ancestors at species, genus, family, order, class, kingdom.
const ancestors: [string, string, (string | null)[]][] = [
  ['lion', sn.LION, [sn.LION, sn.PANTHERA_GENUS, sn.FELIDAE_FAMILY, sn.CARNIVORA_ORDER, sn.MAMMALIA_CLASS, sn.ANIMAL_KINGDOM]],
  ['panthera genus', sn.PANTHERA_GENUS, [null, sn.PANTHERA_GENUS, sn.FELIDAE_FAMILY, sn.CARNIVORA_ORDER, sn.MAMMALIA_CLASS, sn.ANIMAL_KINGDOM]],
  ['felidae family', sn.FELIDAE_FAMILY, [null, null, sn.FELIDAE_FAMILY, sn.CARNIVORA_ORDER, sn.MAMMALIA_CLASS, sn.ANIMAL_KINGDOM]],
  ['carnivora order', sn.CARNIVORA_ORDER, [null, null, null, sn.CARNIVORA_ORDER, sn.MAMMALIA_CLASS, sn.ANIMAL_KINGDOM]],
  ['mammalia class', sn.MAMMALIA_CLASS, [null, null, null, null, sn.MAMMALIA_CLASS, sn.ANIMAL_KINGDOM]],
  ['animal kingdom', sn.ANIMAL_KINGDOM, [null, null, null, null, null, sn.ANIMAL_KINGDOM]],
  ['blank', sn.BLANK, [null, null, null, null, null, null]],
  ['human, whose genus, family and order are not in the taxonomy', sn.HUMAN, [sn.HUMAN, null, null, null, sn.MAMMALIA_CLASS, sn.ANIMAL_KINGDOM]],
  ['vehicle', sn.VEHICLE, [null, null, null, null, null, null]],
  ['an unseen species', unseen, [null, null, null, null, null, sn.ANIMAL_KINGDOM]],
];

describe("SpeciesNet's taxonomy", () => {
  it.each(ancestors)('finds the ancestors of %s', (_name, label, expected) => {
    expect(levels.map((level) => ancestorAt(label, level, sn.taxonomy))).toEqual(expected);
  });

  it('refuses labels of other than seven parts', () => {
    expect(() => ancestorAt('uuid;class;order;family;genus;species', 'kingdom', sn.taxonomy)).toThrow(/7 parts/);
    expect(() => ancestorAt('uuid;class;order;family;genus;species;common_name;extra', 'kingdom', sn.taxonomy)).toThrow(/7 parts/);
    expect(() => fullClassOf('uuid;class;order;family;genus;species')).toThrow(/7 parts/);
    expect(() => fullClassOf('uuid;class;order;family;genus;species;common_name;extra')).toThrow(/7 parts/);
  });

  it('keys labels by their full class string', () => {
    expect([sn.BLANK, sn.HUMAN, sn.VEHICLE, sn.LION, sn.PANTHERA_GENUS, sn.FELIDAE_FAMILY, sn.CARNIVORA_ORDER, sn.MAMMALIA_CLASS, sn.ANIMAL_KINGDOM].map(fullClassOf)).toEqual([
      ';;;;',
      'mammalia;primates;hominidae;homo;sapiens',
      ';;;;',
      'mammalia;carnivora;felidae;panthera;leo',
      'mammalia;carnivora;felidae;panthera;',
      'mammalia;carnivora;felidae;;',
      'mammalia;carnivora;;;',
      'mammalia;;;;',
      ';;;;',
    ]);
  });

  it('maps the empty taxa to "animal", never to blank or vehicle, as SpeciesNet loads it', () => {
    expect(sn.taxonomy.get(';;;;')).toBe(sn.ANIMAL_KINGDOM);
    expect(sn.taxonomy.get('mammalia;primates;hominidae;homo;sapiens')).toBe(sn.HUMAN);
    expect(sn.taxonomy.size).toBe(12);
  });
});
