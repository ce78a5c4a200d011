/**
 * Thumbnails are fetched only as their tiles come near the screen, in the order they come, and a
 * fetch still running when its tile has scrolled away is dropped (removing an image's src cancels
 * it). The browser's own lazy loading starts every image within a screen or two at once, and six
 * connections to the app serve them in page order: the tiles in view then wait behind others.
 */
const margin = '200px 0px';
const waiting = new WeakMap<Element, string>();
let observer: IntersectionObserver | null = null;

function onChange(entries: IntersectionObserverEntry[]): void {
  for (const entry of entries) {
    const img = entry.target as HTMLImageElement;
    const src = waiting.get(img);
    if (src === undefined) continue;
    if (entry.isIntersecting) {
      if (img.getAttribute('src') !== src) img.src = src;
    } else if (!img.complete) img.removeAttribute('src');
  }
}

/** Watches an image until it has loaded; returns the function that stops watching it. */
export function loadWhenNear(img: HTMLImageElement, src: string): () => void {
  observer ??= new IntersectionObserver(onChange, { rootMargin: margin });
  waiting.set(img, src);
  observer.observe(img);
  const done = () => {
    observer?.unobserve(img);
    waiting.delete(img);
  };
  img.addEventListener('load', done, { once: true });
  return () => {
    img.removeEventListener('load', done);
    done();
  };
}
