import { createLibrary, openLibrary, type Library } from './open-library.ts';
import { StationError } from '../rpc/envelope.ts';

/** What most services need of the session: the library that is open now. */
export interface LibraryAccess {
  current(): Library | null;
  /** The open library, or a plain-words error when there is none. */
  require(): Library;
}

/**
 * What the rest of the backend does around a switch; the composition root wires these, so the
 * session knows nothing of imports, jobs or the recent list.
 */
export interface SessionHooks {
  /** Throws when the switch must wait (an import running). */
  assertCanSwitch(): void;
  /** The library in use is about to close: stop what runs in it. */
  beforeClose(library: Library): void;
  afterOpen(library: Library, created: boolean): void;
}

/** Which library is open. One at a time; opening another closes the first. */
export class LibrarySession implements LibraryAccess {
  private opened: Library | null = null;

  constructor(private readonly hooks: SessionHooks) {}

  current(): Library | null {
    return this.opened;
  }

  require(): Library {
    if (!this.opened) throw new StationError('no-library', 'no-library-open');
    return this.opened;
  }

  open(root: string, create: boolean): Library {
    this.hooks.assertCanSwitch();
    const library = create ? createLibrary(root) : openLibrary(root);
    if (this.opened) this.hooks.beforeClose(this.opened);
    this.opened?.close();
    this.opened = library;
    this.hooks.afterOpen(library, create);
    return library;
  }

  close(): void {
    if (!this.opened) return;
    this.hooks.beforeClose(this.opened);
    this.opened.close();
    this.opened = null;
  }
}
