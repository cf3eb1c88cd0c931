import type { Sizing } from '../engine/order-specs'
import { dealValue } from './commission'
import { roundTo } from '../symbols/symbol-spec'
import type { SymbolSpec } from '../symbols/symbol-spec'

/**
 * Rounds a volume DOWN to the symbol's volume step and caps it at the maximum
 * (`floor(lots/step + tiny) · step`, mt5-semantics.md 3.8: flooring is the safe choice for risk
 * sizing). The tiny epsilon keeps 0.3/0.01 = 29.999999999999996 from becoming 29 steps.
 * The result may be below `volumeMin`; {@link sizeEntry} refuses such orders.
 */
export function roundVolumeDown(lots: number, spec: SymbolSpec): number {
  const steps = Math.floor(lots / spec.volumeStep + 1e-9)
  const volume = roundTo(steps * spec.volumeStep, 8)
  return Math.min(volume, spec.volumeMax)
}

/**
 * Money lost per lot if a position entered at `entryPrice` is stopped at `stopLoss`:
 * `|entry − SL| / tickSize · tickValue` (mt5-semantics.md 3.8, risk sizing).
 */
export function riskPerLot(entryPrice: number, stopLoss: number, spec: SymbolSpec): number {
  return (Math.abs(entryPrice - stopLoss) / spec.tickSize) * spec.tickValue
}

/**
 * The volume an entry gets, or the reason it is refused (a string).
 * - fixed: `lots`.
 * - percent-equity: `equity · percent/100 / value of one lot at the entry price`.
 * - risk-percent: `equity · percent/100 / riskPerLot(entry, stopLoss)`; needs a stop loss.
 * Then rounded down to the volume step and capped at the maximum; below the minimum is refused.
 */
export function sizeEntry(
  sizing: Sizing,
  equity: number,
  entryPrice: number,
  stopLoss: number,
  spec: SymbolSpec,
): number | string {
  let raw: number
  switch (sizing.kind) {
    case 'fixed':
      raw = sizing.lots
      break
    case 'percent-equity':
      raw = (equity * sizing.percent) / 100 / dealValue(1, entryPrice, spec)
      break
    case 'risk-percent':
      if (stopLoss !== stopLoss) return 'risk-percent sizing needs a stop loss on the order'
      raw = (equity * sizing.percent) / 100 / riskPerLot(entryPrice, stopLoss, spec)
      break
  }
  if (!(raw > 0)) return `${sizing.kind} sizing gives no volume (equity ${roundTo(equity, 2)})`
  const volume = roundVolumeDown(raw, spec)
  if (volume < spec.volumeMin) {
    return (
      `${sizing.kind} sizing gives ${roundTo(raw, 6)} lots, which rounds down to ${volume}, ` +
      `below the minimum volume ${spec.volumeMin} of ${spec.name}`
    )
  }
  return volume
}
