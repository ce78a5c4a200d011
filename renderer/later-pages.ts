import { type ComponentType, createElement, type JSX, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

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
  let loading: Promise<ComponentType<P>> | null = null;
  const fetch = (): Promise<ComponentType<P>> => {
    loading ??= load().then(
      (m) => (ready = pick(m)),
      (error: unknown) => {
        // Asked again the next time the page is opened.
        loading = null;
        throw error;
      },
    );
    return loading;
  };
  // Not React's lazy(): a suspended screen is held back for some 300 ms even once its code is in,
  // so a page opened before its code was fetched took half a second to appear. The page is shown
  // the moment its code has run. The choice is kept for the page's life, so it is never mounted
  // again (losing what was typed) midway.
  const Page = (props: P): JSX.Element => {
    const [type, setType] = useState<ComponentType<P> | null>(() => ready);
    const [failed, setFailed] = useState(false);
    useEffect(() => {
      if (type) return;
      let live = true;
      fetch().then(
        (t) => live && setType(() => t),
        () => live && setFailed(true),
      );
      return () => {
        live = false;
      };
    }, [type]);
    return type ? createElement(type, props) : createElement(NotYet, { failed });
  };
  return { Page, fetch };
}

/** While the page's code is read; if it cannot be (a damaged install: the app reads it from its own files), what to do. */
function NotYet({ failed }: { failed: boolean }): JSX.Element {
  const { t } = useTranslation();
  return failed ? createElement('p', { className: 'error pad', role: 'alert', 'data-testid': 'page-not-loaded' }, t('app.pageNotLoaded')) : createElement('p', { className: 'muted pad' }, t('common.loading'));
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
