import type { JSX } from 'react';
import { useTranslation } from 'react-i18next';
import { Field } from '../../components/Field.tsx';

export type Hemisphere = 'north' | 'south';

const zones = Array.from({ length: 60 }, (_, i) => i + 1);

/** The UTM zone a table's eastings and northings are in: nothing in the table says, so the user picks it. */
export function UtmZoneChooser({ zone, hemisphere, onZone, onHemisphere }: { zone: number | undefined; hemisphere: Hemisphere; onZone: (zone: number | undefined) => void; onHemisphere: (h: Hemisphere) => void }): JSX.Element {
  const { t } = useTranslation();
  return (
    <fieldset className="row wrap" aria-describedby="utm-zone-help" data-testid="deployments-csv-utm">
      <legend>{t('deploymentsCsv.utmLegend')}</legend>
      <Field label={t('deploymentsCsv.utmZone')}>
        <select value={zone === undefined ? '' : String(zone)} onChange={(e) => onZone(e.target.value ? Number(e.target.value) : undefined)} data-testid="deployments-csv-utm-zone">
          <option value="">{t('deploymentsCsv.chooseOrder')}</option>
          {zones.map((z) => (
            <option key={z} value={z}>
              {z}
            </option>
          ))}
        </select>
      </Field>
      <Field label={t('deploymentsCsv.utmHemisphere')}>
        <select value={hemisphere} onChange={(e) => onHemisphere(e.target.value === 'south' ? 'south' : 'north')} data-testid="deployments-csv-utm-hemisphere">
          <option value="north">{t('deploymentsCsv.north')}</option>
          <option value="south">{t('deploymentsCsv.south')}</option>
        </select>
      </Field>
      <p className="muted" id="utm-zone-help">
        {t('deploymentsCsv.utmHelp')}
      </p>
    </fieldset>
  );
}
