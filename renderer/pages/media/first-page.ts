import { noFilters, pageFilter, type Filters } from './GridFilters.tsx';
import { firstScreenTiles } from './use-first-screen.ts';
import type { ParamsOf, ResultOf } from '../../../electron/backend/api/contract.ts';
import type { Envelope } from '../../../electron/backend/rpc/envelope.ts';
import { api } from '../../api/client.ts';

type PageParams = ParamsOf<'media.page'>;
type Page = ResultOf<'media.page'>;

export const pageSize = 200;

export function pageParams(filters: Filters, pageIndex: number): PageParams {
  return { ...pageFilter(filters), offset: pageIndex * pageSize, limit: pageSize };
}

/** Starts loading the first screen's thumbnails, in grid order, before their tiles are drawn. */
export function warmThumbnails(page: Page): void {
  for (const m of page.items.slice(0, firstScreenTiles)) new Image().src = api.mediaUrl('thumb', m.mediaID);
}

let early: { key: string; answer: Promise<Envelope<Page>>; page?: Page } | null = null;

/**
 * The grid is the first screen: its first page is asked for as the app starts, beside the
 * library's name and the saved language, instead of after them, and its thumbnails as soon as
 * the page is in. Without an open library the answer is an error, and is not used.
 */
export function askFirstPageEarly(): void {
  const params = pageParams(noFilters, 0);
  const key = JSON.stringify(params);
  early = {
    key,
    answer: api.call('media.page', params).then((r) => {
      if (r.ok) {
        warmThumbnails(r.value);
        if (early?.key === key) early.page = r.value;
      }
      return r;
    }),
  };
}

/** The early page if it is already in: the grid then draws its tiles in the same pass as the rest of the screen. */
export function earlyPageIfIn(params: PageParams): Page | undefined {
  return early?.key === JSON.stringify(params) ? early.page : undefined;
}

/** The early answer, if it is for these params (the caller asks again if it was an error); once only, so it is never stale. */
export function takeEarlyPage(params: PageParams): Promise<Envelope<Page>> | null {
  const found = early?.key === JSON.stringify(params) ? early.answer : null;
  early = null;
  return found;
}
