/**
 * Per-bar directional movement and true range, shared by ADX and ADX Wilder (MetaQuotes' `ADX.mq5`
 * and `ADXW.mq5`; mt5-semantics.md 1.9).
 *
 *   up = high - prevHigh, dn = prevLow - low, each clipped at 0
 *   up > dn -> dn = 0;  up < dn -> up = 0;  up == dn -> both 0
 *   TR = max(max(|high - low|, |high - prevClose|), |low - prevClose|)
 * @internal
 */

/** @internal Result slots of `directionalMovement`, reused to avoid per-bar allocation. */
export interface DmOut {
  up: number
  dn: number
  tr: number
}

/** @internal Fills `out` with +DM, -DM and TR for one bar. */
export function directionalMovement(
  high: number,
  low: number,
  prevHigh: number,
  prevLow: number,
  prevClose: number,
  out: DmOut,
): void {
  let up = high - prevHigh
  let dn = prevLow - low
  if (up < 0.0) up = 0.0
  if (dn < 0.0) dn = 0.0
  if (up > dn) dn = 0.0
  else if (up < dn) up = 0.0
  else {
    up = 0.0
    dn = 0.0
  }
  out.up = up
  out.dn = dn
  out.tr = Math.max(
    Math.max(Math.abs(high - low), Math.abs(high - prevClose)),
    Math.abs(low - prevClose),
  )
}
