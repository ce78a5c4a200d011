import type { JSX } from 'react';
import { useTranslation } from 'react-i18next';
import { Notes } from './ImportSummaryView.tsx';
import type { SortedImported, SortedPreview } from '../../../electron/backend/ingest/contract.ts';
import { useSaid } from '../../components/use-said.ts';

/** What the import of a sorted card did: per deployment, the files labelled from folder names, and what was left out and why. */
export function SortedSummaryView({ result, preview, onShowImages }: { result: SortedImported; preview: SortedPreview; onShowImages: () => void }): JSX.Element {
  const { t } = useTranslation();
  const said = useSaid();
  // The backend imports the placeable station folders in the preview's order, one summary each.
  const ready = preview.groups.filter((g) => g.deploymentID !== null);
  const stopped = result.imports.find((i) => i.state !== 'done');
  const notRun = ready.length - result.imports.length;
  return (
    <section className="card sorted-panel" data-testid="sorted-summary" role="status">
      <h3>{t('import.summary')}</h3>
      <p data-testid="sorted-state">
        {stopped ? t(`import.state.${stopped.state}`) : t('import.sorted.allDone', { count: result.imports.length })}
        {stopped?.message ? ` ${said(stopped.message, stopped.says)}` : null}
        {notRun > 0 ? ` ${t('import.sorted.notRun', { count: notRun })}` : null}
      </p>
      <table className="table sorted-table" data-testid="sorted-imports">
        <thead>
          <tr>
            <th scope="col">{t('import.sorted.folder')}</th>
            <th scope="col">{t('import.deployment')}</th>
            <th scope="col">{t('import.imported')}</th>
            <th scope="col">{t('import.duplicates')}</th>
            <th scope="col">{t('import.failed')}</th>
          </tr>
        </thead>
        <tbody>
          {result.imports.map((i, n) => (
            <tr key={i.importId} data-testid="sorted-import" data-deployment={i.deploymentID}>
              <th scope="row">{ready[n]?.folder ?? i.source}</th>
              <td>{i.deploymentID}</td>
              <td data-testid="sorted-imported">{i.imported}</td>
              <td data-testid="sorted-duplicates">{i.duplicates}</td>
              <td data-testid="sorted-failed">{i.failed.length}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p data-testid="sorted-labelled">{t('import.sorted.labelled', { count: result.labelled })}</p>
      <Notes title={t('import.failed')} notes={result.imports.flatMap((i) => i.failed)} testId="sorted-failed-list" />
      <Notes title={t('import.notImported')} notes={result.imports.flatMap((i) => i.notImported)} testId="sorted-not-imported" />
      <Notes title={t('import.warnings')} notes={result.imports.flatMap((i) => i.warnings)} testId="sorted-warnings" />
      {result.skipped.length > 0 || preview.looseFiles > 0 ? (
        <section data-testid="sorted-left-out">
          <h4>{t('import.sorted.leftOut')}</h4>
          <ul>
            {result.skipped.map((s) => (
              <li key={s.folder}>
                <strong>{s.folder}</strong>: {said('', s.says)}
              </li>
            ))}
            {preview.looseFiles > 0 ? <li>{t('import.sorted.looseFiles', { count: preview.looseFiles })}</li> : null}
          </ul>
        </section>
      ) : null}
      <div className="row">
        <button className="primary" onClick={onShowImages} data-testid="see-images">
          {t('import.seeImages')}
        </button>
      </div>
    </section>
  );
}
