import type { Distance, PriceLevel } from '../engine/order-specs'
import { normalizePrice } from '../symbols/symbol-spec'
import type { SymbolSpec } from '../symbols/symbol-spec'

/**
 * Converts a {@link Distance} to price units, measured from `entryPrice`. `atrFallback` is the
 * engine's `config.atr(barIndex)` value for ATR distances without their own. Returns NaN when an
 * ATR distance has no usable ATR (the caller refuses the order and says why).
 */
export function distanceInPrice(
  distance: Distance,
  entryPrice: number,
  spec: SymbolSpec,
  atrFallback: number,
): number {
  switch (distance.kind) {
    case 'points':
      return distance.points * spec.point
    case 'pips':
      return distance.pips * spec.pipSize
    case 'atr': {
      const atr = distance.atr ?? atrFallback
      return atr > 0 ? distance.multiple * atr : NaN
    }
    case 'percent':
      return (entryPrice * distance.percent) / 100
  }
}

/**
 * Resolves a stop-loss (`role` 'stop') or take-profit ('target') level for a position on `side`
 * (1 long, −1 short) entered at `entryPrice`: a stop sits against the position, a target with it.
 * The price is rounded to the tick size and digits, as an EA's `NormalizeDouble` does
 * (mt5-semantics.md 3.8). NaN when an ATR distance has no ATR.
 */
export function resolveLevel(
  level: PriceLevel,
  side: number,
  role: 'stop' | 'target',
  entryPrice: number,
  spec: SymbolSpec,
  atrFallback: number,
): number {
  if (level.kind === 'price') return normalizePrice(level.price, spec)
  const d = distanceInPrice(level, entryPrice, spec, atrFallback)
  if (d !== d) return NaN
  const direction = role === 'stop' ? -side : side
  return normalizePrice(entryPrice + direction * d, spec)
}

/**
 * Checks a new position's stops as the trade server would (mt5-semantics.md 3.8): levels are
 * measured against the closing-side price (a long closes at Bid, a short at Ask), must sit on
 * the right side of it and at least `stopsLevel` points away. Returns the reason or null.
 */
export function checkStopLevels(
  side: number,
  closePrice: number,
  stopLoss: number,
  takeProfit: number,
  spec: SymbolSpec,
): string | null {
  const minDistance = spec.stopsLevel * spec.point
  const closeSide = side > 0 ? 'Bid' : 'Ask'
  const tolerance = spec.point * 1e-6
  if (stopLoss === stopLoss) {
    const distance = side * (closePrice - stopLoss)
    if (distance <= 0) {
      return `stop loss ${stopLoss} is not ${side > 0 ? 'below' : 'above'} the ${closeSide} ${closePrice}`
    }
    if (distance + tolerance < minDistance) {
      return `stop loss ${stopLoss} is closer than the stops level (${spec.stopsLevel} points) to the ${closeSide} ${closePrice}`
    }
  }
  if (takeProfit === takeProfit) {
    const distance = side * (takeProfit - closePrice)
    if (distance <= 0) {
      return `take profit ${takeProfit} is not ${side > 0 ? 'above' : 'below'} the ${closeSide} ${closePrice}`
    }
    if (distance + tolerance < minDistance) {
      return `take profit ${takeProfit} is closer than the stops level (${spec.stopsLevel} points) to the ${closeSide} ${closePrice}`
    }
  }
  return null
}
