import { type JSX, type KeyboardEvent, useEffect, useRef } from 'react';
import type { FolderListing } from '../../electron/backend/browse/contract.ts';

type Entry = FolderListing['entries'][number];

/**
 * The folders and files of one folder, for the keyboard as in a system dialog: the first is
 * focused when the person opens a folder (not the one shown first, which must not take the
 * focus from under their fingers), arrows move, typing a name's first letters jumps to it,
 * Backspace goes up.
 */
export function PickerEntries({ listing, focusFirst, onOpen, onUp }: { listing: FolderListing; focusFirst: boolean; onOpen: (entry: Entry) => void; onUp: () => void }): JSX.Element {
  const list = useRef<HTMLUListElement>(null);
  const typed = useRef({ text: '', at: 0 });
  const buttons = () => [...(list.current?.querySelectorAll<HTMLButtonElement>('button') ?? [])];

  useEffect(() => {
    if (focusFirst) buttons()[0]?.focus();
  }, [listing.path]);

  const onKeyDown = (e: KeyboardEvent<HTMLUListElement>) => {
    const all = buttons();
    const at = all.indexOf(document.activeElement as HTMLButtonElement);
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      all[Math.min(Math.max(0, at + (e.key === 'ArrowDown' ? 1 : -1)), all.length - 1)]?.focus();
    } else if (e.key === 'Home' || e.key === 'End') {
      all[e.key === 'Home' ? 0 : all.length - 1]?.focus();
    } else if (e.key === 'Backspace') {
      onUp();
    } else if (e.key.length === 1 && !e.ctrlKey && !e.metaKey && !e.altKey) {
      const now = Date.now();
      typed.current = { text: (now - typed.current.at < 1000 ? typed.current.text : '') + e.key.toLowerCase(), at: now };
      const match = listing.entries.findIndex((entry) => entry.name.toLowerCase().startsWith(typed.current.text));
      if (match === -1) return;
      all[match]?.focus();
    } else return;
    e.preventDefault();
  };

  return (
    <ul className="plain picker-entries" data-testid="picker-entries" ref={list} onKeyDown={onKeyDown}>
      {listing.entries.map((entry) => (
        <li key={entry.path}>
          <button type="button" className={`link picker-${entry.kind}`} onClick={() => onOpen(entry)} data-testid="picker-entry">
            {entry.name}
          </button>
        </li>
      ))}
    </ul>
  );
}
