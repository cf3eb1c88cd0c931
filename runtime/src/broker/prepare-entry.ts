import type { Sizing } from '../engine/order-specs'
import type { OrderIntent } from '../engine/strategy'
import { checkStopLevels, distanceInPrice, resolveLevel } from './levels'
import { riskPerLot, sizeEntry } from './sizing'
import type { SymbolSpec } from '../symbols/symbol-spec'

/**
 * @internal An entry's resolved levels (prices; NaN when absent) and volume. The broker reuses
 * one instance for every order, so nothing is allocated per order.
 */
export interface PreparedEntry {
  volume: number
  stopLoss: number
  takeProfit: number
  trailDistance: number
  trailActivation: number
  breakEvenTrigger: number
  breakEvenOffset: number
  /** Money lost at the initial stop, NaN without one. */
  initialRisk: number
}

/** @internal A blank {@link PreparedEntry} to reuse. */
export function blankEntry(): PreparedEntry {
  return {
    volume: 0,
    stopLoss: NaN,
    takeProfit: NaN,
    trailDistance: NaN,
    trailActivation: -Infinity,
    breakEvenTrigger: NaN,
    breakEvenOffset: 0,
    initialRisk: NaN,
  }
}

/** @internal What {@link prepareEntry} needs to know about the fill (reused by the broker). */
export interface EntryFill {
  intent: OrderIntent | undefined
  /** 1 long, −1 short. */
  side: number
  /** The entry's fill price (long: Ask, short: Bid, slippage included). */
  price: number
  /** The price the position would close at right now (long: Bid, short: Ask). */
  closePrice: number
  /** Equity at the fill, for percent sizing. */
  equity: number
  /** `config.atr(decisionBar)`, NaN without one. */
  atr: number
  /** The run's default sizing; the intent's own wins. */
  sizing: Sizing
  spec: SymbolSpec
}

/** @internal A blank {@link EntryFill} to reuse. */
export function blankFill(sizing: Sizing, spec: SymbolSpec): EntryFill {
  return { intent: undefined, side: 0, price: 0, closePrice: 0, equity: 0, atr: NaN, sizing, spec }
}

/**
 * @internal Resolves an entry's stops from the fill price, checks them against the trade
 * server's rules (`checkStopLevels`) and sizes it (`sizeEntry`), writing into `out`. Returns
 * null, or the reason in words when the order has to be refused.
 */
export function prepareEntry(f: EntryFill, out: PreparedEntry): string | null {
  const { intent, side, price, spec, atr } = f
  let stopLoss = NaN
  let takeProfit = NaN
  if (intent?.stopLoss !== undefined) {
    stopLoss = resolveLevel(intent.stopLoss, side, 'stop', price, spec, atr)
    if (!(stopLoss > 0)) return unusableDistance('stop loss', intent.stopLoss.kind)
  }
  if (intent?.takeProfit !== undefined) {
    takeProfit = resolveLevel(intent.takeProfit, side, 'target', price, spec, atr)
    if (!(takeProfit > 0)) return unusableDistance('take profit', intent.takeProfit.kind)
  }
  const bad = checkStopLevels(side, f.closePrice, stopLoss, takeProfit, spec)
  if (bad !== null) return bad

  let trailDistance = NaN
  let trailActivation = -Infinity // without an activation distance the stop trails from the start
  const trail = intent?.trailingStop
  if (trail !== undefined) {
    trailDistance = distanceInPrice(trail.distance, price, spec, atr)
    if (!(trailDistance > 0)) return unusableDistance('trailing stop', trail.distance.kind)
    if (trail.activation !== undefined) {
      trailActivation = distanceInPrice(trail.activation, price, spec, atr)
      if (!(trailActivation >= 0))
        return unusableDistance('trailing activation', trail.activation.kind)
    }
  }

  let breakEvenTrigger = NaN
  let breakEvenOffset = 0
  const be = intent?.breakEven
  if (be !== undefined) {
    breakEvenTrigger = distanceInPrice(be.trigger, price, spec, atr)
    if (!(breakEvenTrigger > 0)) return unusableDistance('break-even trigger', be.trigger.kind)
    if (be.offset !== undefined) {
      breakEvenOffset = distanceInPrice(be.offset, price, spec, atr)
      if (!(breakEvenOffset >= 0)) return unusableDistance('break-even offset', be.offset.kind)
    }
  }

  const sizing = intent?.sizing ?? f.sizing
  const amount = sizing.kind === 'fixed' ? sizing.lots : sizing.percent
  if (!(amount > 0)) return `${sizing.kind} sizing needs a positive number, got ${amount}`
  const volume = sizeEntry(sizing, f.equity, price, stopLoss, spec)
  if (typeof volume === 'string') return volume
  out.volume = volume
  out.stopLoss = stopLoss
  out.takeProfit = takeProfit
  out.trailDistance = trailDistance
  out.trailActivation = trailActivation
  out.breakEvenTrigger = breakEvenTrigger
  out.breakEvenOffset = breakEvenOffset
  out.initialRisk = stopLoss === stopLoss ? riskPerLot(price, stopLoss, spec) * volume : NaN
  return null
}

function unusableDistance(what: string, kind: string): string {
  if (kind === 'atr') {
    return (
      `${what}: an ATR distance needs a positive ATR (pass \`atr\` in the distance or set ` +
      'config.atr; NaN means the ATR is still warming up)'
    )
  }
  return `${what}: the ${kind} distance must give a positive price`
}
