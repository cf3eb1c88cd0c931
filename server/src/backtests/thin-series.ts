/**
 * Picks at most `maxPoints` evenly spaced values (always the first and the last) so an equity
 * curve of any length can be stored and drawn cheaply. Non-finite values become null in JSON, so
 * they are kept as they are and left to the caller.
 */
export function thinSeries(values: ArrayLike<number>, maxPoints = 500): number[] {
  const length = values.length
  if (length <= maxPoints) return Array.from(values)
  const out: number[] = []
  const step = (length - 1) / (maxPoints - 1)
  for (let i = 0; i < maxPoints; i++) out.push(values[Math.round(i * step)]!)
  return out
}
