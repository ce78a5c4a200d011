import { type JSX, Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from './api/client.ts';
import { ConnectionBanner } from './components/ConnectionBanner.tsx';
import { DevModelBanner } from './components/DevModelBanner.tsx';
import { LanguagePicker } from './components/LanguagePicker.tsx';
import { RunningTasks } from './components/RunningTasks.tsx';
import { useCall } from './components/use-call.ts';
import { forgetRemembered } from './components/use-remembered.ts';
import { useSavedLanguage } from './components/use-saved-language.ts';
import { ExchangePage, ImportPage, JobsPage, MapPage, prefetchLaterPages, SettingsPage, SetupPage } from './later-pages.ts';
import { LibraryPage } from './pages/library/LibraryPage.tsx';
import { OpenImagesContext } from './pages/map/open-images.ts';
import { askFirstPageEarly } from './pages/media/first-page.ts';
import { MediaPage } from './pages/media/MediaPage.tsx';
import { requestFilters } from './pages/media/requested-filters.ts';
import type { LibraryInfo } from '../electron/backend/library/contract.ts';

type Page = 'media' | 'import' | 'detect' | 'map' | 'deployments' | 'exchange' | 'settings';
const pages: Page[] = ['media', 'import', 'detect', 'map', 'deployments', 'exchange', 'settings'];

export function App(): JSX.Element {
  const { t } = useTranslation();
  const current = useCall('library.current', {});
  const [opened, setOpened] = useState<LibraryInfo | null | undefined>(undefined);
  const [page, setPage] = useState<Page>('media');
  const library = opened === undefined ? current.data : opened;
  const languageReady = useSavedLanguage();
  // After the two calls above, so the backend answers them first: they decide what is shown at all.
  useEffect(askFirstPageEarly, []);
  const shown = Boolean(library) && languageReady;
  useEffect(() => {
    if (shown) prefetchLaterPages();
  }, [shown]);

  if (library === undefined || !languageReady) return <p className="muted pad">{t('common.loading')}</p>;
  if (library === null) return <LibraryPage onOpened={(info) => setOpened(info)} />;

  return (
    <div className="shell">
      <header className="topbar">
        <h1 className="brand">{t('app.title')}</h1>
        <span className="muted library-name" title={library.root}>
          {library.name}
        </span>
        <nav className="tabs" role="tablist">
          {pages.map((p) => (
            <button key={p} role="tab" aria-selected={page === p} className={page === p ? 'tab active' : 'tab'} onClick={() => setPage(p)} data-testid={`nav-${p}`}>
              {t(`app.nav.${p}`)}
            </button>
          ))}
        </nav>
        <RunningTasks onOpen={(task) => setPage(task.kind === 'import' ? 'import' : task.kind === 'detection' ? 'detect' : 'settings')} />
        <LanguagePicker />
        <button
          className="link"
          onClick={() => {
            void api.call('library.close', {}).then(() => {
              forgetRemembered();
              setOpened(null);
            });
          }}
        >
          {t('app.closeLibrary')}
        </button>
      </header>
      <ConnectionBanner />
      <DevModelBanner onAddModel={() => setPage('settings')} />
      <main className="content">
        <Suspense fallback={<p className="muted pad">{t('common.loading')}</p>}>
        {page === 'media' ? <MediaPage /> : null}
        {page === 'import' ? <ImportPage onShowImages={() => setPage('media')} onDetect={() => setPage('detect')} /> : null}
        {page === 'detect' ? <JobsPage onReview={() => setPage('media')} /> : null}
        {page === 'map' ? (
          <OpenImagesContext.Provider
            value={(filters) => {
              requestFilters(filters);
              setPage('media');
            }}
          >
            <MapPage />
          </OpenImagesContext.Provider>
        ) : null}
        {page === 'deployments' ? <SetupPage /> : null}
        {page === 'exchange' ? <ExchangePage /> : null}
        {page === 'settings' ? <SettingsPage /> : null}
        </Suspense>
      </main>
    </div>
  );
}
