import { useEffect, useState } from 'react';
import { api } from '../../api/client.ts';

/**
 * The common names, in the user's language, of the species folders were matched to: from the
 * library's list or the checklist. A name without one stays out of the map.
 */
export function useCommonNames(scientificNames: string[], language: string): Map<string, string> {
  const [names, setNames] = useState(new Map<string, string>());
  const key = [...new Set(scientificNames)].sort().join('\n');
  useEffect(() => {
    let live = true;
    const wanted = key ? key.split('\n') : [];
    void Promise.all(
      wanted.map(async (name) => {
        const r = await api.call('species.list', { query: name, limit: 5, language });
        const found = r.ok ? r.value.find((s) => s.scientificName === name) : undefined;
        return [name, found?.vernacularName ?? null] as const;
      }),
    ).then((pairs) => {
      if (live) setNames(new Map(pairs.flatMap(([name, common]) => (common ? [[name, common] as const] : []))));
    });
    return () => {
      live = false;
    };
  }, [key, language]);
  return names;
}
