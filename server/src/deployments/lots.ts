import type { AccountSymbol, PhaseCheck } from '@tradeloom/drizzle'

/** How far from a whole number of steps a lot may be and still count (float noise, 0.1 = 0.1000…01). */
const STEP_TOLERANCE = 1e-9

/** Decimals that show every step of `step` (0.01 → 2, 0.5 → 1, 1 → 0). */
export function stepDecimals(step: number): number {
  for (let d = 0; d <= 8; d++) {
    const scaled = step * 10 ** d
    if (Math.abs(scaled - Math.round(scaled)) <= STEP_TOLERANCE * Math.max(1, scaled)) return d
  }
  return 8
}

/** Prints a lot size without float noise, at the step's precision. */
export function formatLots(lots: number, step: number): string {
  return String(Number(lots.toFixed(Math.max(stepDecimals(step), 2))))
}

/** Whether `lots` is a whole number of `step`s, within a 1e-9 relative tolerance. */
export function isMultipleOfStep(lots: number, step: number): boolean {
  const steps = lots / step
  return Math.abs(steps - Math.round(steps)) <= STEP_TOLERANCE * Math.max(1, Math.abs(steps))
}

/** The valid lot nearest to `lots`: a whole number of steps within the symbol's min and max. */
export function nearestValidLot(lots: number, spec: AccountSymbol): number {
  const { volumeMin, volumeMax, volumeStep } = spec
  const snapped = Math.round(lots / volumeStep) * volumeStep
  const low = Math.ceil(volumeMin / volumeStep - STEP_TOLERANCE) * volumeStep
  const high = Math.floor(volumeMax / volumeStep + STEP_TOLERANCE) * volumeStep
  const clamped = Math.min(Math.max(snapped, low), high)
  return Number(clamped.toFixed(stepDecimals(volumeStep)))
}

/** `lot_min_max`: the lot lies within the symbol's volumeMin..volumeMax. */
export function lotRangeCheck(lots: number, spec: AccountSymbol | undefined): PhaseCheck {
  const check = 'lot_min_max'
  if (spec === undefined) {
    return {
      check,
      ok: false,
      message: 'Cannot check the lot size: the symbol is not in the account catalogue',
    }
  }
  const step = spec.volumeStep
  // As asked (rounding it to the step could show 0.001 as 0).
  const shown = String(Number(lots.toPrecision(12)))
  const min = formatLots(spec.volumeMin, step)
  const max = formatLots(spec.volumeMax, step)
  // The same relative tolerance as the step check, so 0.1 + 0.2 is not "above" 0.3.
  const slack = STEP_TOLERANCE * Math.max(1, lots)
  if (lots < spec.volumeMin - slack) {
    return {
      check,
      ok: false,
      message: `${shown} lots is below the minimum of ${min} lots for ${spec.name}: use at least ${min}`,
    }
  }
  if (lots > spec.volumeMax + slack) {
    return {
      check,
      ok: false,
      message: `${shown} lots is above the maximum of ${max} lots for ${spec.name}: use at most ${max}`,
    }
  }
  return { check, ok: true, message: `${shown} lots is within ${min}–${max} for ${spec.name}` }
}

/** `lot_step`: the lot is a whole number of the symbol's volume steps. */
export function lotStepCheck(lots: number, spec: AccountSymbol | undefined): PhaseCheck {
  const check = 'lot_step'
  if (spec === undefined) {
    return {
      check,
      ok: false,
      message: 'Cannot check the lot step: the symbol is not in the account catalogue',
    }
  }
  const step = formatLots(spec.volumeStep, spec.volumeStep)
  if (!isMultipleOfStep(lots, spec.volumeStep)) {
    const nearest = formatLots(nearestValidLot(lots, spec), spec.volumeStep)
    return {
      check,
      ok: false,
      message: `${lots} lots is not a multiple of the volume step ${step} of ${spec.name}: use ${nearest} (the nearest valid lot)`,
    }
  }
  return {
    check,
    ok: true,
    message: `${formatLots(lots, spec.volumeStep)} lots is a multiple of the volume step ${step}`,
  }
}
