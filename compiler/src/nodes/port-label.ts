/**
 * A port or param name in plain words, for sentences and for the canvas: `plusDi` → "plus DI",
 * `cloudA` → "cloud a", `break-even` → "break even". Lower case, so it reads inside a sentence;
 * the canvas capitalises the first letter.
 */
export function humanizePort(name: string): string {
  return name
    .replace(/[-_]+/g, ' ')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .trim()
    .toLowerCase()
    .replace(/\bdi\b/g, 'DI')
}
