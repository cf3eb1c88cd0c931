import { rsi } from '@tradeloom/runtime'
import { mql5Sources } from '@tradeloom/mql5-templates'
import { beforeAll, describe, expect, it } from 'vitest'
import type { Mql5Library } from './load-mql5-library'
import { loadMql5Library } from './load-mql5-library'
import { EMPTY_VALUE } from './mql5-runtime'
import type { ParityBars } from './parity-bars'
import {
  holeyParityBars,
  REAL_DATA_PATH,
  realParityBars,
  syntheticParityBars,
  withHoles,
} from './parity-bars'
import type { ParityCase } from './parity-cases'
import { PARITY_CASES } from './parity-cases'

/**
 * Parity by construction, checked: every runtime indicator and its MQL5 include file (translated
 * to JS by ./translate-mql5.ts, formula for formula) are fed the same bars and must give
 * bit-identical lines on every bar (Object.is; NaN on the TS side is TL_NO_VALUE in MQL5).
 * Inputs include missing values after the start (NaN holes), which both sides skip.
 */
interface Mismatch {
  readonly bar: number
  readonly line: string
  readonly ts: unknown
  readonly mql5: unknown
}

const toMql5 = (x: number) => (Number.isNaN(x) ? EMPTY_VALUE : x)
const fromMql5 = (x: unknown) => (x === EMPTY_VALUE ? NaN : x)

/** Runs both sides over `bars` (and `values` for value inputs); the first mismatches and counts. */
function compare(c: ParityCase, lib: Mql5Library, bars: ParityBars, values: Float64Array) {
  const ts = c.create() as unknown as Record<string, unknown> & { update(...a: number[]): number }
  const state = lib.structs[c.struct]!()
  lib.functions[`${c.struct}Init`]!(state, ...c.init)
  const update = lib.functions[`${c.struct}Update`]!
  const lines = ['update', ...c.fields]
  const mismatches: Mismatch[] = []
  const valid = new Map(lines.map((l) => [l, 0]))
  for (let i = 0; i < bars.close.length; i++) {
    const inputs =
      c.input === 'value'
        ? [values[i]!]
        : c.input === 'high-low'
          ? [bars.high[i]!, bars.low[i]!]
          : [bars.high[i]!, bars.low[i]!, bars.close[i]!]
    const tsLines = [ts.update(...inputs), ...c.fields.map((f) => ts[f])]
    const mqlLines = [update(state, ...inputs.map(toMql5)), ...c.fields.map((f) => state[f])].map(
      fromMql5,
    )
    lines.forEach((line, k) => {
      if (!Object.is(tsLines[k], mqlLines[k])) {
        if (mismatches.length < 3)
          mismatches.push({ bar: i, line, ts: tsLines[k], mql5: mqlLines[k] })
      } else if (typeof tsLines[k] !== 'number' || !Number.isNaN(tsLines[k])) {
        valid.set(line, valid.get(line)! + 1)
      }
    })
  }
  return { mismatches, valid }
}

async function libraryFor(c: ParityCase, sources = mql5Sources): Promise<Mql5Library> {
  return loadMql5Library([`Include/Tradeloom/Indicators/${c.file}.mqh`], sources)
}

const datasets: ParityBars[] = [syntheticParityBars()]
const real = realParityBars()
if (real) datasets.push(real)
else console.warn(`indicator parity: ${REAL_DATA_PATH} is missing; running on synthetic bars only`)

describe.each(datasets)('MQL5 include library vs runtime on $name', (bars) => {
  // Value inputs: the close, and an RSI(14) of it, whose leading NaNs test MT5's `begin`; then
  // both with NaN holes after the start. Bar indicators get the bars, then the bars with holes.
  const holey = holeyParityBars(bars)
  const inputs = [
    { name: 'close', values: bars.close, bars },
    { name: 'RSI(14) of close', values: rsi(bars.close, 14), bars },
    { name: 'close with NaN holes', values: holey.close, bars: holey },
    { name: 'RSI(14) of close with NaN holes', values: withHoles(rsi(bars.close, 14), 3), bars },
  ]
  const barInputs = [
    { name: '', values: bars.close, bars },
    { name: ' with NaN holes in high, low and close', values: holey.close, bars: holey },
  ]

  describe.each(PARITY_CASES)('$name', (c) => {
    let lib: Mql5Library
    beforeAll(async () => {
      lib = await libraryFor(c)
    })

    for (const input of c.input === 'value' ? inputs : barInputs) {
      it(`is bit-identical${c.input === 'value' ? ` on ${input.name}` : input.name}`, () => {
        const { mismatches, valid } = compare(c, lib, input.bars, input.values)
        expect(mismatches).toEqual([])
        // Not a vacuous pass: every line had values on most bars.
        for (const [line, count] of valid)
          expect(count, line).toBeGreaterThan(bars.close.length / 2)
      })
    }
  })
})

describe('the parity check', () => {
  const bars = syntheticParityBars()
  const ema = PARITY_CASES.find((c) => c.name === 'EMA(20)')!
  const rsi14 = PARITY_CASES.find((c) => c.name === 'RSI(14)')!

  /** The include library with one line of one file replaced. */
  function edited(file: string, from: string, to: string): Record<string, string> {
    const path = `Include/Tradeloom/Indicators/${file}.mqh`
    const text = mql5Sources[path]!
    expect(text).toContain(from)
    return { ...mql5Sources, [path]: text.replace(from, to) }
  }

  it('notices the same formula rounded differently', async () => {
    // a*x + (1-a)*E and E + a*(x-E) are equal in exact arithmetic, not in binary64.
    const sources = edited(
      'Ema',
      's.value = x * s.a + s.value * s.b;',
      's.value = s.value + (x - s.value) * s.a;',
    )
    const { mismatches } = compare(ema, await libraryFor(ema, sources), bars, bars.close)
    expect(mismatches.length).toBeGreaterThan(0)
  })

  it('notices a bar input that is not skipped when missing', async () => {
    const atr = PARITY_CASES.find((c) => c.name === 'ATR(14)')!
    const guard = '   if(!TlIsValid(high) || !TlIsValid(low) || !TlIsValid(close))\n'
    const sources = edited('Atr', guard, '   if(!TlIsValid(high) || !TlIsValid(low))\n')
    const holey = holeyParityBars(bars)
    const { mismatches } = compare(atr, await libraryFor(atr, sources), holey, holey.close)
    expect(mismatches.length).toBeGreaterThan(0)
    // The unedited library agrees on the same bars.
    expect(compare(atr, await libraryFor(atr), holey, holey.close).mismatches).toEqual([])
  })

  it('notices a warm-up one bar off', async () => {
    const sources = edited('Rsi', 'if(c == n)', 'if(c == n - 1)')
    const { mismatches } = compare(rsi14, await libraryFor(rsi14, sources), bars, bars.close)
    expect(mismatches[0]?.bar).toBe(13)
  })
})
