import type { Filters } from './GridFilters.tsx';

// Filters another page asks the Images page to open with ("Review the animals"); taken once,
// so coming back to the page later shows what the person left there.
let requested: Partial<Filters> | undefined;

export function requestFilters(filters: Partial<Filters>): void {
  requested = filters;
}

export function takeRequestedFilters(): Partial<Filters> | undefined {
  const taken = requested;
  requested = undefined;
  return taken;
}
