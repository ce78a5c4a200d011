import type { JSX } from 'react';
import { useTranslation } from 'react-i18next';
import { CsvExportPanel } from './CsvExportPanel.tsx';
import { DeploymentsCsvPanel } from './DeploymentsCsvPanel.tsx';
import { ExportPanel } from './ExportPanel.tsx';
import { PackageImportPanel } from './PackageImportPanel.tsx';
import { ProjectForm } from './ProjectForm.tsx';
import { ResultsImportPanel } from './ResultsImportPanel.tsx';
import { useRemembered } from '../../components/use-remembered.ts';

const sections = ['publish', 'project', 'package', 'results', 'tables', 'deployments'] as const;
type Section = (typeof sections)[number];

/**
 * Data in and out in the field's formats, one task at a time so that a small screen shows it
 * whole: Camtrap DP for GBIF, the project it describes, packages and detector results from
 * other tools, tables for R, deployments from a spreadsheet.
 */
export function ExchangePage(): JSX.Element {
  const { t } = useTranslation();
  const [section, setSection] = useRemembered<Section>('exchange.section', 'publish');
  return (
    <div className="pad exchange">
      <div className="exchange-sections">
        <h2 id="exchange-heading">{t('exchange.heading')}</h2>
        <div className="exchange-sections" role="tablist" aria-labelledby="exchange-heading" aria-orientation="vertical">
          {sections.map((s) => (
            <button key={s} role="tab" aria-selected={section === s} className={section === s ? 'tab active' : 'tab'} onClick={() => setSection(s)} data-testid={`exchange-${s}`}>
              {t(`exchange.section.${s}`)}
            </button>
          ))}
        </div>
      </div>
      <section className="exchange-panel" role="tabpanel" aria-label={t(`exchange.section.${section}`)}>
        {section === 'publish' ? <ExportPanel /> : null}
        {section === 'project' ? <ProjectForm /> : null}
        {section === 'package' ? <PackageImportPanel /> : null}
        {section === 'results' ? <ResultsImportPanel /> : null}
        {section === 'tables' ? <CsvExportPanel /> : null}
        {section === 'deployments' ? <DeploymentsCsvPanel /> : null}
      </section>
    </div>
  );
}
