import { burnInBars } from '@tradeloom/runtime'
import { describe, expect, it } from 'vitest'
import type { WarmupExpr } from '../../targets/warmup-expr'
import { evaluateWarmup } from '../../targets/warmup-expr'
import { emaBurnIn, sarBurnIn, wilderBurnIn } from './burn-in'

const param = (value: number): WarmupExpr => ({ kind: 'param', ts: 'p', mql5: 'P', value })

describe('indicator burn-ins', () => {
  it('never undercut the runtime burnInBars and exceed it by at most 24 bars', () => {
    for (let n = 1; n <= 1000; n++) {
      const ema = evaluateWarmup(emaBurnIn(param(n))) - burnInBars('ema', n)
      const wilder = evaluateWarmup(wilderBurnIn(param(n))) - burnInBars('wilder', n)
      expect(ema, `EMA(${n})`).toBeGreaterThanOrEqual(0)
      expect(ema, `EMA(${n})`).toBeLessThanOrEqual(24)
      expect(wilder, `Wilder(${n})`).toBeGreaterThanOrEqual(0)
      expect(wilder, `Wilder(${n})`).toBeLessThanOrEqual(24)
    }
  })

  it('scale the SAR burn-in with 1 / step', () => {
    expect(evaluateWarmup(sarBurnIn(param(0.02)))).toBe(300)
    expect(evaluateWarmup(sarBurnIn(param(0.001)))).toBe(6000)
  })
})
