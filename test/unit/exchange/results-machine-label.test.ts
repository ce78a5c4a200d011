import { describe, expect, it } from 'vitest';
import { megadetectorIdentity, speciesnetIdentity } from '../../../electron/backend/exchange/results/detector-identity.ts';
import { displayName, labelMeaning } from '../../../electron/backend/exchange/results/machine-label.ts';

describe('what a classifier label means for the library', () => {
  it('reads SpeciesNet labels at every rank, and its special classes', () => {
    expect(labelMeaning('07153810-54e6-4a5c-85a4-1968d82def4c;mammalia;carnivora;felidae;panthera;uncia;snow leopard')).toEqual({ observationType: 'animal', scientificName: 'Panthera uncia', vernacularName: 'snow leopard' });
    expect(labelMeaning('x;mammalia;carnivora;canidae;canis;lupus dingo;dingo').scientificName).toBe('Canis lupus dingo');
    expect(labelMeaning('58bbfcec-c72c-4e59-a980-214cd62f9bd5;mammalia;carnivora;phocidae;;;')).toEqual({ observationType: 'animal', scientificName: 'Phocidae', vernacularName: null });
    expect(labelMeaning('4e436540-aacc-409b-ad26-b31658bed1e3;aves;anseriformes;;;;').scientificName).toBe('Anseriformes');
    expect(labelMeaning('f1856211-cfb7-4a5b-9158-c0f72fd09ee6;;;;;;blank').observationType).toBe('blank');
    expect(labelMeaning('1f689929-883d-4dae-958c-3d57ab5b6c16;;;;;;animal')).toEqual({ observationType: 'animal', scientificName: null, vernacularName: null });
    expect(labelMeaning('e2895ed5-780b-48f6-8a11-9e27cb594511;;;;;;vehicle').observationType).toBe('vehicle');
    expect(labelMeaning('990ae9dd-7a59-4344-afcb-1b7b21368000;mammalia;primates;hominidae;homo;sapiens;human').observationType).toBe('human');
    // The ensemble rolls people up to "homo species" now and then: still people.
    expect(labelMeaning('d126f0ec-82dd-46f0-b76a-5985ff6bbc9b;mammalia;primates;hominidae;homo;;').observationType).toBe('human');
    expect(labelMeaning('f2efdae9-efb8-48fb-8a91-eccf79ab4ffb;no cv result;no cv result;no cv result;no cv result;no cv result;no cv result').observationType).toBe('unknown');
  });

  it('reads plain category names as MegaDetector classifiers give them', () => {
    expect(labelMeaning('Meles meles')).toEqual({ observationType: 'animal', scientificName: 'Meles meles', vernacularName: null });
    expect(labelMeaning('fox')).toEqual({ observationType: 'animal', scientificName: null, vernacularName: 'fox' });
    expect(labelMeaning('empty').observationType).toBe('blank');
    expect(labelMeaning('person').observationType).toBe('human');
    expect(labelMeaning('mammalia;carnivora;canidae;vulpes;vulpes').scientificName).toBe('Vulpes vulpes');
  });

  it('names SpeciesNet labels as MegaDetector tools do', () => {
    expect(displayName('07153810-54e6-4a5c-85a4-1968d82def4c;mammalia;carnivora;felidae;panthera;uncia;snow leopard')).toBe('snow leopard');
    expect(displayName('58bbfcec-c72c-4e59-a980-214cd62f9bd5;mammalia;carnivora;phocidae;;;')).toBe('phocidae family');
    expect(displayName('d126f0ec-82dd-46f0-b76a-5985ff6bbc9b;mammalia;primates;hominidae;homo;;')).toBe('homo species');
    expect(displayName('4e436540-aacc-409b-ad26-b31658bed1e3;aves;anseriformes;;;;')).toBe('anseriformes order');
    expect(displayName('fox')).toBe('fox');
  });
});

describe('the detector a results file names', () => {
  it('knows MegaDetector by its file names and versions, with its recommended thresholds', () => {
    expect(megadetectorIdentity({ detector: 'md_v5a.0.0.pt' }, 0.005)).toEqual({ modelID: 'mdv5a', modelName: 'md_v5a.0.0.pt', modelVersion: '5a.0.0', threshold: 0.2, conservativeThreshold: 0.05, keepThreshold: 0.005 });
    expect(megadetectorIdentity({ detector: 'md_v1000.0.0-redwood.pt' }, 0.01)).toMatchObject({ modelID: 'mdv1000-redwood', modelVersion: '1000.0.0-redwood', threshold: 0.3 });
    expect(megadetectorIdentity({ detector: 'MDV5A', detector_metadata: { megadetector_version: 'v5a.0.1', typical_detection_threshold: 0.25 } }, null)).toMatchObject({ modelID: 'mdv5a', modelVersion: '5a.0.1', threshold: 0.25 });
    expect(megadetectorIdentity({}, 0.1)).toMatchObject({ modelID: 'mdv4', modelVersion: '4.1.0', threshold: 0.8, conservativeThreshold: 0.6, keepThreshold: 0.005 });
    expect(megadetectorIdentity({ detector: 'mdv1000-spruce 1000.0.0-spruce' }, 0.02)).toMatchObject({ modelID: 'mdv1000-spruce', modelVersion: '1000.0.0-spruce', threshold: 0.3 });
    expect(megadetectorIdentity({ detector: 'converted_from_predictions_json' }, null)).toMatchObject({ modelID: 'converted-from-predictions-json', threshold: 0.2 });
    expect(speciesnetIdentity('4.0.1a', 0.011)).toEqual({ modelID: 'mdv5a', modelName: 'SpeciesNet 4.0.1a', modelVersion: '4.0.1a', threshold: 0.2, conservativeThreshold: null, keepThreshold: 0.01 });
  });
});
