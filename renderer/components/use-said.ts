import { useTranslation } from 'react-i18next';
import type { Says } from '../../electron/backend/rpc/envelope.ts';

/**
 * What the backend said, in the user's language: one message or several said one after
 * another, from their keys; its English text only where no keys came with it (older records).
 */
export function useSaid(): (english: string, says: Says | Says[] | undefined) => string {
  const { t } = useTranslation();
  return (english, says) => {
    if (!says) return english;
    return (Array.isArray(says) ? says : [says])
      .map((s) => {
        const values = { ...s.values };
        if (typeof values.field === 'string') values.field = t(`errors:fields.${values.field}`, { defaultValue: values.field });
        return t(`errors:${s.key}`, values);
      })
      .join(' ');
  };
}
