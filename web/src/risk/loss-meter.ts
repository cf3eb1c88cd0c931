/** The daily-loss meter's colour: green below half the limit, amber below 80 %, red from there. */
export type MeterTone = 'green' | 'amber' | 'red'

export const AMBER_FROM = 0.5
export const RED_FROM = 0.8

/** Tone for a used fraction of the daily loss limit; a breached day is red whatever the number. */
export function meterTone(usedFraction: number | null | undefined, breached: boolean): MeterTone {
  if (breached) return 'red'
  if (usedFraction === null || usedFraction === undefined || !Number.isFinite(usedFraction)) {
    return 'green'
  }
  if (usedFraction >= RED_FROM) return 'red'
  if (usedFraction >= AMBER_FROM) return 'amber'
  return 'green'
}

/** Width of the meter's bar in percent (0–100). */
export function meterWidth(usedFraction: number | null | undefined, breached: boolean): number {
  if (breached) return 100
  if (usedFraction === null || usedFraction === undefined || !Number.isFinite(usedFraction))
    return 0
  return Math.min(100, Math.max(0, usedFraction * 100))
}

/** "37 % of the daily loss limit used"; what a screen reader hears for the meter. */
export function meterText(usedFraction: number | null | undefined, breached: boolean): string {
  if (breached) return 'Daily loss limit breached'
  if (usedFraction === null || usedFraction === undefined || !Number.isFinite(usedFraction)) {
    return 'Daily loss not known yet (no equity reported today)'
  }
  return `${Math.round(usedFraction * 100)} % of the daily loss limit used`
}
