/**
 * The SMA(10) / SMA(30) cross as a `Strategy` on the streaming indicators (what a compiled graph
 * does), shared by the batch and live benches so both time the same decisions.
 */
import type { BarContext, Strategy } from '../runtime/src/index.ts'
import * as rt from '../runtime/src/index.ts'

export function smaCross(): Strategy {
  const fast = rt.createSma(10)
  const slow = rt.createSma(30)
  let prevFast = NaN
  let prevSlow = NaN
  return {
    warmupBars: 30,
    onBar(ctx: BarContext) {
      const f = fast.update(ctx.close)
      const s = slow.update(ctx.close)
      if (!ctx.isWarmingUp) {
        if (f > s && prevFast <= prevSlow) ctx.enterLong()
        else if (f < s && prevFast >= prevSlow) ctx.enterShort()
      }
      prevFast = f
      prevSlow = s
    },
  }
}
