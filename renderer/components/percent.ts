import { numberFormat } from './intl-formats.ts';
/** A confidence (0..1) as people read it, in their language's format: 0.35 → "35 %" (fr), "35%" (en). */
export function percent(value: number, language: string): string {
  return numberFormat(language, { style: 'percent', maximumFractionDigits: 0 }).format(value);
}
