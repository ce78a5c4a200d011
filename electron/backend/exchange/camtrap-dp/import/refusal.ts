import { packageLimits } from './limits.ts';
import type { MessageKey, MessageValues, Says } from '../../../rpc/messages.ts';
import { englishOfAll } from '../../../rpc/stored-says.ts';

/** A package that cannot be imported as it is, with every problem found: nothing of it is kept. */
export class PackageRefused extends Error {
  constructor(readonly problems: Says[]) {
    super(englishOfAll(problems.slice(0, 3)));
    this.name = 'PackageRefused';
  }
}

export function refused(key: MessageKey, values?: MessageValues): PackageRefused {
  return new PackageRefused([{ key, ...(values ? { values } : {}) }]);
}

/** The import was cancelled: whatever it had copied is gone. */
export class PackageImportCancelled extends Error {
  constructor() {
    super('cancelled');
    this.name = 'PackageImportCancelled';
  }
}

export function throwIfCancelled(signal: AbortSignal): void {
  if (signal.aborted) throw new PackageImportCancelled();
}

/** Problems as they are found, up to a limit: a table of a million bad rows names the first and counts the rest. */
export class Problems {
  private readonly items: Says[] = [];
  private omitted = 0;

  constructor(private readonly limit: number = packageLimits.problems) {}

  push(said: Says): void {
    if (this.items.length < this.limit) this.items.push(said);
    else this.omitted += 1;
  }

  get count(): number {
    return this.items.length + this.omitted;
  }

  list(): Says[] {
    return this.omitted === 0 ? [...this.items] : [...this.items, { key: 'package-more-problems', values: { count: this.omitted } }];
  }

  /** Refuses the package when anything was found. */
  throwIfAny(): void {
    if (this.count > 0) throw new PackageRefused(this.list());
  }
}
