/**
 * Leaflet inserts a string tooltip as HTML; names come from the data (a location name, a file
 * name) and may hold markup, so they go in as an element whose text is set, never parsed.
 */
export function asText(text: string): HTMLElement {
  const element = document.createElement('span');
  element.textContent = text;
  return element;
}
