import { type FormEvent, type JSX, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { composeLayers, figureFileName, figureWithCaption, useFigureCaption } from './export-image.ts';
import { taxonLabel } from './taxon-label.ts';
import type { RpcError } from '../../../electron/backend/rpc/envelope.ts';
import { api } from '../../api/client.ts';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { FolderInput } from '../../components/FolderInput.tsx';
import { useCall } from '../../components/use-call.ts';
import { useRemembered } from '../../components/use-remembered.ts';
import { enterSubmits } from '../setup/enter-submits.ts';

interface FigureProps {
  draw: () => HTMLCanvasElement | null;
  caption: string[];
  name: string[];
  testId: string;
}

/** Mounted each time the export opens, so it starts from the folder last chosen for any figure. */
function ExportForm({ draw, caption, name, testId }: FigureProps): JSX.Element {
  const { t } = useTranslation();
  const [folder, setFolder] = useRemembered('figure-folder', '');
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState('');
  const [error, setError] = useState<RpcError | undefined>();
  const ready = !busy && folder !== '';
  const save = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    const figure = draw();
    if (!ready || !figure) return;
    setBusy(true);
    const r = await api.call('analysis.saveImage', { dataUrl: figureWithCaption(figure, caption), folder, name: figureFileName(name) });
    setBusy(false);
    setSaved(r.ok ? r.value.file : '');
    setError(r.ok ? undefined : r.error);
  };
  return (
    <>
      <form onSubmit={(e) => void save(e)} onKeyDown={enterSubmits} aria-label={t('figure.export')} className="row wrap">
        <FolderInput value={folder} onChange={setFolder} testId={`${testId}-folder`} />
        <button type="submit" disabled={!ready} data-testid={`${testId}-save`}>
          {t('figure.savePng')}
        </button>
      </form>
      <ErrorMessage error={error} />
      {saved ? (
        <p role="status" data-testid={`${testId}-saved`}>
          {t('figure.saved', { file: saved })}
        </p>
      ) : null}
    </>
  );
}

/** Saves a figure (a chart or the map) as PNG with its caption into a folder the person chooses. */
export function ExportImageButton(props: FigureProps): JSX.Element {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <details className="export-image" data-testid={props.testId} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>{t('figure.export')}</summary>
      {open ? <ExportForm {...props} /> : null}
    </details>
  );
}

/** The map as it stands (basemap, detail layers and stations, all drawn on canvas) saved as one PNG. */
export function MapExportButton({ map, taxon, from, to }: { map: () => HTMLElement | null; taxon: string; from?: string; to?: string }): JSX.Element {
  const { i18n } = useTranslation();
  const names = useCall('activity.names', { taxa: [taxon], language: i18n.language }).data;
  const caption = useFigureCaption([taxonLabel(taxon, names)], taxon, from, to);
  const draw = (): HTMLCanvasElement | null => {
    const element = map();
    return element ? composeLayers(element) : null;
  };
  return <ExportImageButton draw={draw} caption={caption} name={['map', taxon.replace(/^species:|^class:/, ''), from ?? '', to ?? '']} testId="map-export" />;
}
