import type { JSX } from 'react';
import { useTranslation } from 'react-i18next';
import type { BoxInfo } from '../../../electron/backend/detect/contract.ts';
import { percent } from '../../components/percent.ts';

export const boxColours = { animal: '#f0b429', person: '#e5484d', vehicle: '#3e9bff' } as const;

/** The detector's boxes drawn over a picture or a video frame, each with its class and confidence. */
export function BoxOverlay({ boxes }: { boxes: readonly BoxInfo[] }): JSX.Element {
  const { t, i18n } = useTranslation();
  return (
    <>
      <svg className="viewer-boxes" viewBox="0 0 1 1" preserveAspectRatio="none" aria-hidden="true">
        {boxes.map((d) => (
          <rect key={d.detectionId} x={d.bbox[0]} y={d.bbox[1]} width={d.bbox[2]} height={d.bbox[3]} fill="none" stroke={boxColours[d.category]} strokeWidth={2} vectorEffect="non-scaling-stroke" data-testid="box" />
        ))}
      </svg>
      {boxes.map((d) => (
        <span key={d.detectionId} className="box-label" style={{ left: `${d.bbox[0] * 100}%`, top: `${d.bbox[1] * 100}%`, background: boxColours[d.category] }} data-testid="box-label">
          {t('detect.boxLabel', { category: t(`detect.category.${d.category}`), conf: percent(d.conf, i18n.language) })}
        </span>
      ))}
    </>
  );
}
