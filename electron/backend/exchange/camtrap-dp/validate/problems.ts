import type { MessageKey } from '../../../rpc/messages.ts';

/**
 * One thing wrong with a package, as a message key (locales/en/errors.json) and its values:
 * which file, row and column, what was found and what the standard wants. Rows are counted as a
 * spreadsheet shows them: the header is row 1, the first data row is row 2.
 */
export interface PackageProblem {
  key: MessageKey;
  values: Record<string, string | number>;
}

/**
 * A list that stops growing, so that a million bad rows neither fill the memory nor hide the
 * other problems: a few of each kind per file, and a count of what was left out.
 */
export class ProblemList {
  readonly items: PackageProblem[] = [];
  private omitted = 0;
  private readonly seen = new Map<string, number>();

  constructor(
    private readonly perKind = 20,
    private readonly perFile = 100,
  ) {}

  add(key: MessageKey, values: Record<string, string | number> = {}): void {
    const file = typeof values.file === 'string' ? values.file : '';
    const ofKind = this.bump(`${file}\u0000${key}`);
    const ofFile = this.bump(file);
    if (ofKind > this.perKind || ofFile > this.perFile) this.omitted += 1;
    else this.items.push({ key, values });
  }

  private bump(id: string): number {
    const n = (this.seen.get(id) ?? 0) + 1;
    this.seen.set(id, n);
    return n;
  }

  get count(): number {
    return this.items.length + this.omitted;
  }

  /** The problems, with one more that says how many were left out. */
  list(): PackageProblem[] {
    return this.omitted === 0 ? [...this.items] : [...this.items, { key: 'package-more-problems', values: { count: this.omitted } }];
  }
}
