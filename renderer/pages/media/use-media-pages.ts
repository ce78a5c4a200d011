import { useEffect, useState } from 'react';
import { earlyPageIfIn, takeEarlyPage, warmThumbnails } from './first-page.ts';
import type { ParamsOf, ResultOf } from '../../../electron/backend/api/contract.ts';
import type { RpcError } from '../../../electron/backend/rpc/envelope.ts';
import { api } from '../../api/client.ts';

type PageParams = ParamsOf<'media.page'>;
type Page = ResultOf<'media.page'>;

/**
 * A page of the grid, and the next one fetched while the user looks at this one (its rows and
 * its first thumbnails, once this page's are in): "next page" then shows at once. The kept page
 * is dropped when anything changes (filters, labels), so it is never stale.
 */
export function useMediaPages(params: PageParams, version: string): { data: Page | undefined; error: RpcError | undefined } {
  const [data, setData] = useState<Page | undefined>(() => earlyPageIfIn(params));
  const [error, setError] = useState<RpcError | undefined>(undefined);
  const [ahead, setAhead] = useState<{ key: string; page: Page } | null>(null);
  const key = `${version}|${JSON.stringify(params)}`;
  const nextParams: PageParams = { ...params, offset: (params.offset ?? 0) + (params.limit ?? 0) };
  const nextKey = `${version}|${JSON.stringify(nextParams)}`;

  useEffect(() => {
    let live = true;
    if (ahead?.key === key) {
      setData(ahead.page);
      setError(undefined);
    } else {
      const ask = () => api.call('media.page', params);
      void (takeEarlyPage(params)?.then((r) => (r.ok ? r : ask())) ?? ask()).then((r) => {
        if (!live) return;
        if (r.ok) {
          setData(r.value);
          setError(undefined);
        } else setError(r.error);
      });
    }
    return () => {
      live = false;
    };
  }, [key]);

  useEffect(() => {
    if (!data || (params.offset ?? 0) + (params.limit ?? 0) >= data.total || ahead?.key === nextKey) return;
    let live = true;
    // After this page's own requests: the grid's thumbnails go first.
    const timer = setTimeout(() => {
      void api.call('media.page', nextParams).then((r) => {
        if (!live || !r.ok) return;
        setAhead({ key: nextKey, page: r.value });
        warmThumbnails(r.value);
      });
    }, 300);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [data, nextKey]);

  return { data, error };
}
