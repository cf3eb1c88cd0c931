import { barsFromColumns } from '../src/bars'
import type { Bars } from '../src/bars'
import type { Trade } from '../src/engine/result'
import type { BarContext, Strategy } from '../src/engine/strategy'

/** 2024-01-01T00:00:00Z, a Monday. */
export const MONDAY = 1_704_067_200

/** One bar for {@link hourlyBars}: open, high, low, close and optionally the spread in points. */
export type Row = readonly [open: number, high: number, low: number, close: number, spread?: number]

/** Hourly bars from rows, starting on a Monday at 00:00 UTC. */
export function hourlyBars(rows: readonly Row[], start = MONDAY, step = 3600): Bars {
  return barsFromColumns({
    time: rows.map((_, i) => start + i * step),
    open: rows.map((r) => r[0]),
    high: rows.map((r) => r[1]),
    low: rows.map((r) => r[2]),
    close: rows.map((r) => r[3]),
    tickVolume: rows.map(() => 100),
    spread: rows.map((r) => r[4] ?? 0),
  })
}

/** Flat bars at `price`: open = high = low = close. */
export function flatRows(count: number, price: number, spread = 10): Row[] {
  return Array.from({ length: count }, () => [price, price, price, price, spread] as const)
}

/** A strategy that runs `script[i]` on bar i. */
export function scripted(
  script: Record<number, (ctx: BarContext) => void>,
  warmupBars = 0,
): Strategy {
  return {
    warmupBars,
    onBar(ctx) {
      script[ctx.index]?.(ctx)
    },
  }
}

/** A closed trade with only the fields statistics read filled in meaningfully. */
export function trade(profit: number, extra: Partial<Trade> = {}): Trade {
  return {
    id: 1,
    side: 'long',
    volume: 0.1,
    entryIndex: 0,
    entryTime: 0,
    entryPrice: 1,
    exitIndex: 1,
    exitTime: 0,
    exitPrice: 1,
    profit,
    grossProfit: profit,
    commission: 0,
    exitReason: 'signal',
    initialStopLoss: null,
    takeProfit: null,
    initialRisk: null,
    rMultiple: null,
    barsHeld: 1,
    ambiguousExit: false,
    ...extra,
  }
}
