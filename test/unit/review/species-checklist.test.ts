import { describe, expect, it } from 'vitest';
import { bundledChecklist, Checklist, nameIn } from '../../../electron/backend/review/checklist.ts';
import { foldText } from '../../../electron/backend/review/fold-text.ts';
import { nameScore, foldName, parseQuery } from '../../../electron/backend/review/name-match.ts';

const names = (hits: ReturnType<Checklist['search']>) => hits.map((h) => h.taxon.scientificName);

describe('the checklist that ships with the app', () => {
  const checklist = bundledChecklist();

  it('has several hundred camera-trap taxa, each with a valid rank, a class and an English name', () => {
    expect(checklist.taxa.length).toBeGreaterThanOrEqual(300);
    expect(new Set(checklist.taxa.map((t) => t.scientificName)).size).toBe(checklist.taxa.length);
    for (const t of checklist.taxa) {
      const words = t.scientificName.split(' ').length;
      expect(words, t.scientificName).toBe(t.taxonRank === 'species' ? 2 : t.taxonRank === 'subspecies' ? 3 : 1);
      expect(t.scientificName, 'a scientific name starts with a capital').toMatch(/^[A-Z][a-z]+( [a-z]+){0,2}$/);
      expect(['Mammalia', 'Aves', 'Reptilia']).toContain(t.class);
    }
    const byClass = (c: string) => checklist.taxa.filter((t) => t.class === c).length;
    expect(byClass('Mammalia')).toBeGreaterThan(300);
    expect(byClass('Aves')).toBeGreaterThan(100);
  });

  it('gives common names in the app’s languages, and English where a language has none', () => {
    const leopard = checklist.get('Panthera pardus');
    if (!leopard) throw new Error('no leopard');
    expect(nameIn(leopard, 'fr')).toBe('Léopard');
    expect(nameIn(leopard, 'id')).toBe('Macan tutul');
    expect(nameIn(leopard, 'zh-CN')).toBe('豹');
    expect(nameIn(leopard, 'sw')).toBe('Leopard');
    for (const lang of ['zh-CN', 'es', 'fr', 'pt-BR']) expect(checklist.taxa.filter((t) => t.vernacularNames[lang]).length, lang).toBeGreaterThan(400);
  });

  it('finds by scientific or common name in any language, whatever the case and accents, best match first', () => {
    expect(names(checklist.search('leopard')).slice(0, 2)).toEqual(['Panthera pardus', 'Prionailurus bengalensis']);
    expect(names(checklist.search('pardus'))).toContain('Panthera pardus');
    expect(names(checklist.search('PANTHERA PAR'))).toEqual(['Panthera pardus']);
    expect(names(checklist.search('oedicneme'))).toEqual(['Burhinus oedicnemus', 'Burhinus capensis']);
    expect(names(checklist.search('Œdicnème criard'))).toEqual(['Burhinus oedicnemus']);
    expect(names(checklist.search('jabali'))).toEqual(['Sus scrofa']);
    expect(names(checklist.search('onca pintada'))).toEqual(['Panthera onca']);
    expect(names(checklist.search('雪豹'))).toEqual(['Panthera uncia']);
    expect(names(checklist.search('豹'))).toEqual(expect.arrayContaining(['Panthera pardus', 'Panthera uncia', 'Neofelis nebulosa']));
    expect(names(checklist.search('kancil'))).toEqual(['Tragulus kanchil']);
    expect(checklist.search('zzzz')).toEqual([]);
    expect(checklist.search('  ')).toEqual([]);
  });

  it('searches the whole list fast, through its index', () => {
    const started = performance.now();
    const queries = ['a', 'le', 'leopard', 'red', 'zorro', 'deer', 'ма', '鹿', 'panthera pardus', 'x'];
    for (let i = 0; i < 100; i += 1) for (const q of queries) checklist.search(q);
    const perSearch = (performance.now() - started) / (100 * queries.length);
    console.log(`checklist of ${checklist.taxa.length} taxa: ${perSearch.toFixed(3)} ms per search`);
    expect(perSearch).toBeLessThan(50);
  });
});

describe('matching a name', () => {
  const score = (name: string, query: string) => nameScore(foldName(name), parseQuery(query));

  it('ranks the whole name, then whole words, then its start, then the starts of words, shorter names first', () => {
    const order = ['Leopard', 'Leopard cat', 'Snow leopard', 'Leopardus pardalis'].map((n) => score(n, 'leopard'));
    expect(order[0]).toBe(0);
    expect([...order].sort((a, b) => (a ?? 0) - (b ?? 0))).toEqual(order);
    expect(score('Leopardus pardalis', 'leopard') ?? 0).toBeLessThan(score('Panthera pardus', 'pard') ?? 0);
    expect(score('Red fox', 'fox') ?? 0).toBeLessThan(score('Fox squirrel', 'fox') ?? 0);
    expect(score('Panthera pardus', 'tiger')).toBeNull();
    expect(score('Gato-do-mato-pequeno', 'mato peq')).not.toBeNull();
    expect(score('雪豹', '豹')).not.toBeNull();
  });

  it('folds case, accents and ligatures', () => {
    expect(foldText('  Œdicnème  CRIARD ')).toBe('oedicneme criard');
    expect(foldText('Ñandú')).toBe('nandu');
  });

  it('works on any list of taxa, not only the bundled one', () => {
    const small = new Checklist([{ scientificName: 'Ardea cinerea', taxonRank: 'species', class: 'Aves', vernacularNames: { en: 'Grey heron', fr: 'Héron cendré' } }]);
    expect(names(small.search('heron'))).toEqual(['Ardea cinerea']);
    expect(small.rankOf('Ardea cinerea')).toBe('species');
    expect(small.rankOf('Ardea')).toBeNull();
  });
});
