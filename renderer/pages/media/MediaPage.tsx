import { type JSX, useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { pageParams, pageSize } from './first-page.ts';
import { GridFilters, noFilters, pageFilter, type Filters } from './GridFilters.tsx';
import { blockItems, groupSequences, packSingles } from './group-sequences.ts';
import { takeRequestedFilters } from './requested-filters.ts';
import { TilePicture } from './TilePicture.tsx';
import { useFirstScreen } from './use-first-screen.ts';
import { useMediaCount } from './use-media-count.ts';
import { useMediaPages } from './use-media-pages.ts';
import { Viewer } from './Viewer.tsx';
import type { MediaItem } from '../../../electron/backend/library/contract.ts';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { formatCameraTime } from '../../components/locale-format.ts';
import { percent } from '../../components/percent.ts';
import { useRemembered } from '../../components/use-remembered.ts';
import { AcceptButton, acceptKeyOn, GridAcceptHelp, groupTarget, offersSuggestion, sequenceOf } from '../review/GridAccept.tsx';
import { SuggestionTag } from '../review/MachineSuggestion.tsx';
import { SelectionBar } from '../review/SelectionBar.tsx';
import { SequenceLabel } from '../review/SequenceLabel.tsx';
import { UndoRedo } from '../review/UndoRedo.tsx';
import { useAccept } from '../review/use-accept.ts';

const noItems: MediaItem[] = [];

export function MediaPage(): JSX.Element {
  const { t, i18n } = useTranslation();
  const mediaCount = useMediaCount();
  const groupCount = (items: MediaItem[]) => {
    const videos = items.filter((m) => m.mediaType === 'video').length;
    return mediaCount(items.length - videos, videos);
  };
  const [filters, setFilters] = useRemembered<Filters>('media.filters', noFilters);
  useEffect(() => {
    // Opened from another page with filters of its own ("Review the animals"): those, and no others.
    const asked = takeRequestedFilters();
    if (asked) setFilters({ ...noFilters, ...asked });
  }, []);
  const [open, setOpen] = useState<number | null>(null);
  const [labelled, setLabelled] = useState(0);
  const [selected, setSelected] = useRemembered<string[]>('media.selected', []);
  const [pageIndex, setPageIndex] = useRemembered('media.pageIndex', 0);
  const filter = pageFilter(filters);
  // One page of tiles in the page at a time: the grid stays as quick at 100,000 pictures as at 100.
  const page = useMediaPages(pageParams(filters, pageIndex), String(labelled));
  const filterKey = JSON.stringify(filter);
  // Back on the page with the same filters, it stays on the page it was on; new filters start at the first.
  const [shownKey, setShownKey] = useRemembered('media.filterKey', filterKey);
  useEffect(() => {
    if (filterKey === shownKey) return;
    setShownKey(filterKey);
    setPageIndex(0);
  }, [filterKey]);
  const items = page.data?.items ?? noItems;
  const drawn = useFirstScreen(items);
  const pages = Math.max(1, Math.ceil((page.data?.total ?? 0) / pageSize));
  const opened = open === null ? undefined : items[open];
  const move = useCallback((step: number) => setOpen((i) => (i === null ? null : Math.min(Math.max(0, i + step), items.length - 1))), [items.length]);
  const close = useCallback(() => setOpen(null), []);
  const changed = useCallback(() => setLabelled((n) => n + 1), []);
  const { accept, error: acceptError } = useAccept(changed);
  const top = useRef<HTMLDivElement>(null);
  // A new page starts at its first tile, not where the pager was at the bottom of the last one.
  const turnTo = (index: number) => {
    setPageIndex(index);
    top.current?.scrollIntoView({ block: 'start' });
  };
  const toggle = (id: string) => setSelected((s) => (s.includes(id) ? s.filter((x) => x !== id) : [...s, id]));

  return (
    <div className="pad" ref={top}>
      <div className="row">
        <h2>{t('media.heading')}</h2>
        <UndoRedo version={String(labelled)} onChanged={changed} />
        {page.data ? (
          <span className="muted" data-testid="media-count">
            {t('media.count', { total: page.data.total, media: mediaCount(page.data.total - page.data.videos, page.data.videos), count: page.data.sequences })}
          </span>
        ) : null}
      </div>
      <GridFilters value={filters} onChange={setFilters} />
      <SelectionBar
        mediaIDs={selected}
        onDone={() => {
          setSelected([]);
          changed();
        }}
      />
      <ErrorMessage error={page.error} />
      <ErrorMessage error={acceptError} />
      {items.some(offersSuggestion) ? <GridAcceptHelp /> : null}
      {page.data?.total === 0 ? <p className="muted">{t('media.empty')}</p> : null}
      <div className="sequences" data-testid="media-grid">
        {packSingles(groupSequences([...drawn])).map((b) => (
          <section key={b.key} className={b.kind === 'sequence' ? 'sequence' : 'sequence singles'} data-testid={b.kind === 'sequence' ? 'sequence' : 'singles'}>
            {b.kind === 'sequence' ? (
              <div className="row sequence-head">
                <h3 className="sequence-title">
                  {t('media.sequence', { n: b.group.sequenceNo })} · {b.group.deploymentID} ·{' '}
                  <span className="muted">{t('media.sequenceInfo', { count: b.group.items.length, media: groupCount(b.group.items), from: formatCameraTime(b.group.items[0]?.timestamp, i18n.language), to: formatCameraTime(b.group.items[b.group.items.length - 1]?.timestamp, i18n.language) })}</span>
                </h3>
                {b.group.items.some(offersSuggestion) ? <AcceptButton onAccept={() => void accept(groupTarget(b.group))} /> : null}
                {b.group.sequenceNo !== null ? <SequenceLabel deploymentID={b.group.deploymentID} sequenceNo={b.group.sequenceNo} onLabelled={changed} /> : null}
              </div>
            ) : (
              <h3 className="sequence-title muted">{t('media.singles', { count: b.groups.length })}</h3>
            )}
            <ul className="grid">
              {blockItems(b).map((m) => (
                <li key={m.mediaID} className="tile" data-testid="tile" onKeyDown={offersSuggestion(m) ? acceptKeyOn(m, accept) : undefined}>
                  <button className="tile-open" onClick={() => setOpen(items.indexOf(m))}>
                    <TilePicture item={m} />
                    {m.maxConf !== null && m.maxConf >= filters.threshold ? <span className="tile-badge" data-testid="tile-badge" title={t('review.badgeHelp', { percent: percent(m.maxConf, i18n.language) })}>{percent(m.maxConf, i18n.language)}</span> : null}
                  </button>
                  <input type="checkbox" className="tile-select" checked={selected.includes(m.mediaID)} onChange={() => toggle(m.mediaID)} aria-label={t('review.select', { name: m.fileName })} data-testid="tile-select" />
                  {m.reviewed ? (
                    <span className="tile-label" data-testid="tile-label" title={t('review.reviewedMark')}>
                      {m.labels.length > 0 ? m.labels.join(', ') : `✓ ${t('review.reviewed')}`}
                    </span>
                  ) : null}
                  {offersSuggestion(m) ? (
                    <span className="row tile-suggestion-row">
                      <SuggestionTag suggestions={m.suggestions} />
                      {b.kind === 'singles' ? <AcceptButton compact onAccept={() => void accept(sequenceOf(m))} /> : null}
                    </span>
                  ) : null}
                  <span className="tile-caption" data-testid="tile-time" title={m.timeFromFile ? t('media.noExifTime') : m.cameraSerial ?? ''}>
                    {formatCameraTime(m.timestamp, i18n.language, 'short')}
                    {m.timeFromFile ? ' *' : ''}
                  </span>
                </li>
              ))}
            </ul>
          </section>
        ))}
      </div>
      {opened ? <Viewer item={opened} threshold={filters.threshold} version={String(labelled)} onMove={move} onClose={close} onChanged={changed} /> : null}
      {pages > 1 ? (
        <nav className="row pager" aria-label={t('media.pages')}>
          <button disabled={pageIndex === 0} onClick={() => turnTo(pageIndex - 1)}>
            {t('media.previous')}
          </button>
          <span data-testid="page-of">{t('media.pageOf', { page: pageIndex + 1, pages })}</span>
          <button disabled={pageIndex + 1 >= pages} onClick={() => turnTo(pageIndex + 1)} data-testid="media-more">
            {t('media.next')}
          </button>
        </nav>
      ) : null}
    </div>
  );
}
