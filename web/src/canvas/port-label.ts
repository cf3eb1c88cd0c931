import { humanizePort } from '@tradeloom/compiler'

/**
 * A port or param name as a trader reads it on the canvas: `stopLoss` → "Stop loss", `a` → "A",
 * `break-even` → "Break even". The words come from the compiler's `humanizePort`, which also
 * writes the sentences, so both say the same thing.
 */
export function humanizeName(name: string): string {
  const words = humanizePort(name)
  if (words === '') return name
  return words.charAt(0).toUpperCase() + words.slice(1)
}
