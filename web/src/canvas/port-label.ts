/**
 * A port or param name as a trader reads it: `stopLoss` → "Stop loss", `a` → "A",
 * `break-even` → "Break even". Names are camelCase identifiers in the compiler; the canvas never
 * shows them raw.
 */
export function humanizeName(name: string): string {
  const words = name
    .replace(/[-_]+/g, ' ')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .trim()
    .toLowerCase()
  if (words === '') return name
  return words.charAt(0).toUpperCase() + words.slice(1)
}
