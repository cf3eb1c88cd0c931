import { createBars } from '@tradeloom/runtime'
import { describe, expect, it } from 'vitest'
import { hiddenTicks } from './ticks'

function bars(rows: readonly (readonly [number, number, number, number])[]) {
  const b = createBars(rows.length)
  rows.forEach(([o, h, l, c], i) => {
    b.open[i] = o
    b.high[i] = h
    b.low[i] = l
    b.close[i] = c
  })
  return b
}

describe('the hidden ticks of "Open prices only"', () => {
  it('dips first in a rising bar and rallies first in a falling one', () => {
    const b = bars([
      [10, 12, 9, 11],
      [11, 13, 8, 10],
    ])
    expect(hiddenTicks(b, 0)).toEqual([9, 12, 11])
    expect(hiddenTicks(b, 1)).toEqual([13, 8, 10])
  })

  it('turns a doji against the bar before it, alternating over a run of dojis', () => {
    const b = bars([
      [10, 12, 9, 11], // rising
      [11, 12, 10, 11], // doji: falling
      [11, 12, 10, 11], // doji: rising
      [11, 13, 9, 10], // falling
      [10, 11, 9, 10], // doji: rising
    ])
    expect([1, 2, 4].map((i) => hiddenTicks(b, i))).toEqual([
      [12, 10, 11],
      [10, 12, 11],
      [9, 11, 10],
    ])
  })
})
