/** The volume limits of a symbol (`SYMBOL_VOLUME_MIN/MAX/STEP`), in lots. */
export interface VolumeLimits {
  volumeMin: number
  volumeMax: number
  volumeStep: number
}

export type LotCheck = { ok: true } | { ok: false; message: string; nearest?: number }

/** Same tolerance as the server's preflight: 0.3 / 0.1 is 2.9999999999999996, not a miss. */
const RELATIVE_TOLERANCE = 1e-9

/** Decimal places of a step (0.01 → 2), so suggested lots print without float noise. */
export function stepDecimals(step: number): number {
  if (!Number.isFinite(step) || step <= 0) return 0
  for (let decimals = 0; decimals <= 10; decimals++) {
    const scaled = step * 10 ** decimals
    if (Math.abs(scaled - Math.round(scaled)) < 1e-9 * Math.max(1, scaled)) return decimals
  }
  return 10
}

/** Formats a lot size rounded to the step's decimals, without trailing zeros (0.30 → "0.3"). */
export function formatLots(lots: number, step: number): string {
  return String(Number(lots.toFixed(stepDecimals(step))))
}

/** "min 0.01 · max 100 · step 0.01 lots": what the lot field accepts. */
export function lotHint(limits: VolumeLimits): string {
  const { volumeMin, volumeMax, volumeStep } = limits
  return `min ${formatLots(volumeMin, volumeStep)} · max ${formatLots(volumeMax, volumeStep)} · step ${formatLots(volumeStep, volumeStep)} lots`
}

/** The valid lot size closest to `lots`: a multiple of the step within min..max. */
export function nearestValidLot(lots: number, limits: VolumeLimits): number {
  const { volumeMin, volumeMax, volumeStep } = limits
  const decimals = stepDecimals(volumeStep)
  const snapped = Math.round(lots / volumeStep) * volumeStep
  // The smallest and largest multiples of the step inside min..max.
  const low = Math.ceil(volumeMin / volumeStep - RELATIVE_TOLERANCE) * volumeStep
  const high = Math.floor(volumeMax / volumeStep + RELATIVE_TOLERANCE) * volumeStep
  return Number(Math.min(Math.max(snapped, low), high).toFixed(decimals))
}

/**
 * Checks a lot size the way preflight does (`lot_min_max`, then `lot_step`), so the dialog can
 * say what is wrong before sending, and suggests the nearest valid size.
 */
export function checkLots(lots: number, limits: VolumeLimits): LotCheck {
  const { volumeMin, volumeMax, volumeStep } = limits
  if (!Number.isFinite(lots) || lots <= 0) {
    return { ok: false, message: 'Enter a lot size above 0.' }
  }
  const text = (value: number) => formatLots(value, volumeStep)
  const nearest = nearestValidLot(lots, limits)
  if (lots < volumeMin * (1 - RELATIVE_TOLERANCE)) {
    return {
      ok: false,
      message: `${lots} lots is below the symbol's minimum of ${text(volumeMin)}.`,
      nearest,
    }
  }
  if (lots > volumeMax * (1 + RELATIVE_TOLERANCE)) {
    return {
      ok: false,
      message: `${lots} lots is above the symbol's maximum of ${text(volumeMax)}.`,
      nearest,
    }
  }
  const ratio = lots / volumeStep
  if (Math.abs(ratio - Math.round(ratio)) > RELATIVE_TOLERANCE * Math.max(1, Math.abs(ratio))) {
    return {
      ok: false,
      message: `${lots} lots is not a multiple of the step ${text(volumeStep)}; the nearest valid size is ${text(nearest)}.`,
      nearest,
    }
  }
  return { ok: true }
}
