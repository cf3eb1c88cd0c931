import * as runtime from '@tradeloom/runtime'
import { burnInBars } from '@tradeloom/runtime'
import { describe, expect, it } from 'vitest'
import { realParityBars, syntheticParityBars } from '../../../test/mql5-parity/parity-bars'
import type { WarmupExpr } from '../../targets/warmup-expr'
import { evaluateWarmup, warmConst } from '../../targets/warmup-expr'
import type { NodeDefinition } from '../define-node'
import { emaBurnIn, sarBurnIn, wilderBurnIn } from './burn-in'
import { indicatorNodes } from './index'

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

/** A recursive node at its defaults and the runtime indicator it compiles to. */
const RECURSIVE: readonly {
  kind: string
  input: 'value' | 'bar'
  lines: readonly string[]
  create: () => Record<string, unknown> & { update(...x: number[]): number }
}[] = [
  { kind: 'ema', input: 'value', lines: [], create: () => runtime.createEma(20) as never },
  { kind: 'smma', input: 'value', lines: [], create: () => runtime.createSmma(20) as never },
  { kind: 'rsi', input: 'value', lines: [], create: () => runtime.createRsi(14) as never },
  {
    kind: 'macd',
    input: 'value',
    lines: ['signal'],
    create: () => runtime.createMacd(12, 26, 9) as never,
  },
  {
    kind: 'adx',
    input: 'bar',
    lines: ['plusDi', 'minusDi'],
    create: () => runtime.createAdx(14) as never,
  },
  {
    kind: 'adx-wilder',
    input: 'bar',
    lines: ['plusDi'],
    create: () => runtime.createAdxWilder(14) as never,
  },
  {
    kind: 'parabolic-sar',
    input: 'bar',
    lines: ['isLong'],
    create: () => runtime.createParabolicSar() as never,
  },
  // The warm-up of these two assumes the slowest method (SMMA), so test that one.
  {
    kind: 'std-dev',
    input: 'value',
    lines: [],
    create: () => runtime.createStdDev(20, 'smma') as never,
  },
  {
    kind: 'envelopes',
    input: 'value',
    lines: ['lower'],
    create: () => runtime.createEnvelopes(14, 0.1, 'smma') as never,
  },
]

/** The node's warm-up at its default params, fed by a price (warm-up 0). */
function defaultWarmup(def: NodeDefinition): number {
  const params = Object.fromEntries(
    Object.entries(def.params).map(([name, spec]) => [
      name,
      spec.type === 'enum' ? warmConst(0) : param(spec.default),
    ]),
  )
  return evaluateWarmup(def.warmup(params, [warmConst(0)]))
}

/** Largest difference, scaled by max(|value|, 1), between a run from bar 0 and one from `start`. */
function lateStartError(
  c: (typeof RECURSIVE)[number],
  bars: ReturnType<typeof syntheticParityBars>,
  start: number,
  after: number,
): number {
  const full = c.create()
  const late = c.create()
  let worst = 0
  for (let i = 0; i < bars.close.length; i++) {
    const x = c.input === 'value' ? [bars.close[i]!] : [bars.high[i]!, bars.low[i]!, bars.close[i]!]
    const a = [full.update(...x), ...c.lines.map((l) => Number(full[l]))]
    if (i < start) continue
    const b = [late.update(...x), ...c.lines.map((l) => Number(late[l]))]
    if (i - start < after) continue
    a.forEach((v, k) => {
      const error = Math.abs(v - b[k]!) / Math.max(Math.abs(v), 1)
      worst = Number.isNaN(error) ? Infinity : Math.max(worst, error)
    })
  }
  return worst
}

describe.each([syntheticParityBars(), realParityBars()].filter((b) => b !== undefined))(
  'the warm-up of recursive nodes on $name',
  (bars) => {
    it.each(RECURSIVE)('lets a $kind started later agree within 1e-8 after it', (c) => {
      const warmup = defaultWarmup(
        indicatorNodes[c.kind as keyof typeof indicatorNodes] as NodeDefinition,
      )
      for (const start of [1, 333, 700])
        expect(lateStartError(c, bars, start, warmup)).toBeLessThan(1e-8)
      // The check has teeth: a late start is visibly off soon after its first value (SAR resyncs
      // at its first reversals, so look at it earlier).
      expect(lateStartError(c, bars, 333, c.kind === 'parabolic-sar' ? 3 : 30)).toBeGreaterThan(
        1e-8,
      )
    })
  },
)
