import { describe, expect, it } from 'vitest'
import type { WarmupExpr } from './warmup-expr'
import {
  evaluateWarmup,
  renderWarmupMql5,
  renderWarmupTs,
  warmCeil,
  warmConst,
  warmMax,
  warmSum,
} from './warmup-expr'

const period: WarmupExpr = {
  kind: 'param',
  ts: 'params.rsiPeriod',
  mql5: 'InpRsiPeriod',
  value: 14,
}
const step: WarmupExpr = { kind: 'param', ts: 'params.sarStep', mql5: 'InpSarStep', value: 0.02 }

describe('warm-up expressions', () => {
  it('render a ceiling of a product with the sum in parentheses in both targets', () => {
    const expr = warmCeil(11.513, '*', warmSum(period, warmConst(1)))
    expect(renderWarmupTs(expr)).toBe('Math.ceil(11.513 * (params.rsiPeriod + 1))')
    expect(renderWarmupMql5(expr)).toBe('MathCeil(11.513 * (InpRsiPeriod + 1))')
    expect(evaluateWarmup(expr)).toBe(Math.ceil(11.513 * 15))
  })

  it('write an integral factor as a double in MQL5, so a division never truncates', () => {
    const expr = warmCeil(6, '/', step)
    expect(renderWarmupTs(expr)).toBe('Math.ceil(6 / params.sarStep)')
    expect(renderWarmupMql5(expr)).toBe('MathCeil(6.0 / InpSarStep)')
    expect(evaluateWarmup(expr)).toBe(300)
  })

  it('fold a ceiling of a constant and combine with sums and maxima', () => {
    expect(warmCeil(2.5, '*', warmConst(3))).toEqual(warmConst(8))
    const total = warmSum(period, warmCeil(23.026, '*', period))
    expect(renderWarmupTs(warmMax([total, warmConst(5)]))).toBe(
      'Math.max(params.rsiPeriod + Math.ceil(23.026 * params.rsiPeriod), 5)',
    )
    expect(evaluateWarmup(total)).toBe(14 + Math.ceil(23.026 * 14))
  })
})
