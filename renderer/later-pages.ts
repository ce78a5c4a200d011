import { type ComponentType, createElement, type JSX, lazy, useState } from 'react';

/**
 * The pages the app does not open on: each its own chunk, so the first screen does not wait for
 * the map library, the charts or the forms to be read. Once the first screen is drawn they are
 * fetched one after the other, so moving to one is as quick as if it had been there all along.
 */
interface LaterPage<P extends object> {
  Page: (props: P) => JSX.Element;
  fetch: () => Promise<unknown>;
}

function laterPage<M, P extends object>(load: () => Promise<M>, pick: (m: M) => ComponentType<P>): LaterPage<P> {
  let ready: ComponentType<P> | null = null;
  const fetch = () =>
    load().then((m) => {
      ready = pick(m);
      return { default: ready };
    });
  const Lazy = lazy(fetch);
  // A page already read renders at once: going through lazy() would suspend, and React holds a
  // suspended screen back for a few hundred milliseconds even when the code is there. The choice
  // is kept for the page's life, so it is never mounted again (losing what was typed) midway.
  const Page = (props: P): JSX.Element => {
    const [type] = useState<ComponentType<P>>(() => ready ?? Lazy);
    return createElement(type, props);
  };
  return { Page, fetch };
}

const map = laterPage(() => import('./pages/map/MapPage.tsx'), (m) => m.MapPage);
const importing = laterPage(() => import('./pages/import/ImportPage.tsx'), (m) => m.ImportPage);
const setup = laterPage(() => import('./pages/setup/SetupPage.tsx'), (m) => m.SetupPage);
const detect = laterPage(() => import('./pages/detect/JobsPage.tsx'), (m) => m.JobsPage);
const exchange = laterPage(() => import('./pages/exchange/ExchangePage.tsx'), (m) => m.ExchangePage);
const settings = laterPage(() => import('./pages/settings/SettingsPage.tsx'), (m) => m.SettingsPage);

export const MapPage = map.Page;
export const ImportPage = importing.Page;
export const SetupPage = setup.Page;
export const JobsPage = detect.Page;
export const ExchangePage = exchange.Page;
export const SettingsPage = settings.Page;

/** Reads the other pages' code, the map's first, one after the other once the first screen is done and idle. */
export function prefetchLaterPages(): void {
  const queue = [map, importing, setup, detect, exchange, settings];
  const next = (): void => {
    const page = queue.shift();
    if (page) void page.fetch().finally(next);
  };
  // Not while the first screen is still fetching its pictures: those come first.
  setTimeout(() => (typeof requestIdleCallback === 'function' ? requestIdleCallback(next, { timeout: 1000 }) : next()), 1500);
}
