import type { JSX } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportFileNote, ImportSummary } from '../../../electron/backend/ingest/contract.ts';
import { useSaid } from '../../components/use-said.ts';

export function Notes({ title, notes, testId }: { title: string; notes: ImportFileNote[]; testId: string }): JSX.Element | null {
  const said = useSaid();
  if (notes.length === 0) return null;
  return (
    <details open={notes.length <= 20} data-testid={testId}>
      <summary>
        {title}: {notes.length}
      </summary>
      <ul>
        {notes.map((n) => (
          <li key={n.path}>
            <code>{n.path}</code>: {said(n.reason, n.says)}
          </li>
        ))}
      </ul>
    </details>
  );
}

export function ImportSummaryView({ summary, onShowImages, onDetect }: { summary: ImportSummary; onShowImages: () => void; onDetect: () => void }): JSX.Element {
  const { t } = useTranslation();
  const said = useSaid();
  return (
    <section className="card" data-testid="import-summary" role="status">
      <h3>{t('import.summary')}</h3>
      <p data-testid="import-state">{t(`import.state.${summary.state}`)}</p>
      {summary.message ? <p>{said(summary.message, summary.says)}</p> : null}
      <dl className="facts">
        <dt>{t('import.imported')}</dt>
        <dd data-testid="summary-imported">{summary.imported}</dd>
        <dt>{t('import.duplicates')}</dt>
        <dd data-testid="summary-duplicates">{summary.duplicates}</dd>
        <dt>{t('import.failed')}</dt>
        <dd data-testid="summary-failed">{summary.failed.length}</dd>
      </dl>
      <Notes title={t('import.failed')} notes={summary.failed} testId="summary-failed-list" />
      <Notes title={t('import.notImported')} notes={summary.notImported} testId="summary-not-imported" />
      <Notes title={t('import.warnings')} notes={summary.warnings} testId="summary-warnings" />
      <div className="row">
        {summary.imported > 0 ? (
          <button className="primary" onClick={onDetect} data-testid="next-detect">
            {t('import.nextDetect')}
          </button>
        ) : null}
        <button onClick={onShowImages} data-testid="see-images">
          {t('import.seeImages')}
        </button>
      </div>
    </section>
  );
}
