import { useCallback, useEffect, useState } from 'react';

/**
 * A form field that shows what the backend holds once its answer arrives, until the person
 * changes it: an answer that comes late never overwrites what they have already typed or chosen.
 */
export function useFieldFrom<T>(loaded: T | undefined, initial: T): [T, (value: T) => void] {
  const [value, setValue] = useState<T>(initial);
  const [edited, setEdited] = useState(false);
  useEffect(() => {
    if (loaded !== undefined && !edited) setValue(loaded);
  }, [loaded]);
  const change = useCallback((next: T) => {
    setEdited(true);
    setValue(next);
  }, []);
  return [value, change];
}
