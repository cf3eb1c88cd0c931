import { roundTo } from '../symbols/symbol-spec'
import type { SymbolSpec } from '../symbols/symbol-spec'

/**
 * Commission charged on every deal (entry and exit are separate deals), as the Strategy Tester's
 * custom commission settings allow (mt5-semantics.md 6.2 and 6.4 step 4).
 * - `per-lot`: `amount` money per lot per side.
 * - `per-deal`: `amount` money per deal, whatever its volume.
 * - `percent`: `percent` % of the deal's value (`lots · price / tickSize · tickValue`).
 */
export type Commission =
  | { readonly kind: 'per-lot'; readonly amount: number }
  | { readonly kind: 'per-deal'; readonly amount: number }
  | { readonly kind: 'percent'; readonly percent: number }

/**
 * Money value of `volume` lots at `price` in the account currency. Through tick value, so it
 * works for any quote currency the spec's tick value already converts.
 */
export function dealValue(volume: number, price: number, spec: SymbolSpec): number {
  return (volume * price * spec.tickValue) / spec.tickSize
}

/** Commission of one deal, rounded to cents (MT5 books `DEAL_COMMISSION` in account currency). */
export function dealCommission(
  commission: Commission | null,
  volume: number,
  price: number,
  spec: SymbolSpec,
): number {
  if (commission === null) return 0
  switch (commission.kind) {
    case 'per-lot':
      return roundTo(commission.amount * volume, 2)
    case 'per-deal':
      return commission.amount
    case 'percent':
      return roundTo((dealValue(volume, price, spec) * commission.percent) / 100, 2)
  }
}

/** Throws a RangeError unless the commission's amount or percent is a finite number >= 0. */
export function checkCommission(commission: Commission | null): void {
  if (commission === null) return
  const value = commission.kind === 'percent' ? commission.percent : commission.amount
  if (!['per-lot', 'per-deal', 'percent'].includes(commission.kind)) {
    throw new RangeError(`config.commission.kind must be per-lot, per-deal or percent`)
  }
  if (!Number.isFinite(value) || value < 0) {
    throw new RangeError(`config.commission (${commission.kind}) needs a number >= 0, got ${value}`)
  }
}
