import { useCallback, useState } from 'react';

// What a page remembers while the app is open: leaving a page and coming back keeps its filters,
// page and ticks. It is forgotten when the library closes.
const memory = new Map<string, unknown>();

export function useRemembered<T>(key: string, initial: T): [T, (value: T | ((old: T) => T)) => void] {
  const [value, setValue] = useState<T>(() => (memory.has(key) ? (memory.get(key) as T) : initial));
  const set = useCallback(
    (next: T | ((old: T) => T)) =>
      setValue((old) => {
        const v = typeof next === 'function' ? (next as (old: T) => T)(old) : next;
        memory.set(key, v);
        return v;
      }),
    [key],
  );
  return [value, set];
}

export function forgetRemembered(): void {
  memory.clear();
}
