import { describe, expect, it } from 'vitest'
import { SYMBOLS } from '../symbols/catalogue'
import { blankPosition } from './position'
import type { Position } from './position'
import { moveToBreakEven, trailStop } from './trailing'

const EURUSD = SYMBOLS.EURUSD!

function short(extra: Partial<Position>): Position {
  return Object.assign(blankPosition(), { side: -1, volume: 0.1, entryPrice: 1.1, ...extra })
}

describe('trailStop', () => {
  it('follows a short from above at the Ask and never loosens', () => {
    const p = short({ trailDistance: 0.0002 })
    trailStop(p, 1.0995, EURUSD)
    expect([p.stopLoss, p.stopKind]).toEqual([1.0997, 'trailing-stop'])
    trailStop(p, 1.0999, EURUSD) // price moved against: stop stays
    expect(p.stopLoss).toBe(1.0997)
    trailStop(p, 1.099, EURUSD)
    expect(p.stopLoss).toBe(1.0992)
  })

  it('does nothing before the activation profit or without trailing', () => {
    const p = short({ trailDistance: 0.0002, trailActivation: 0.001 })
    trailStop(p, 1.0995, EURUSD)
    expect(p.stopLoss).toBeNaN()
    const none = short({})
    trailStop(none, 1.09, EURUSD)
    expect(none.stopLoss).toBeNaN()
  })
})

describe('moveToBreakEven', () => {
  it('moves a short stop to entry minus offset once, then forgets the trigger', () => {
    const p = short({ stopLoss: 1.102, breakEvenTrigger: 0.001, breakEvenOffset: 0.0001 })
    moveToBreakEven(p, 1.0995, EURUSD) // 5 pips in profit: not yet
    expect(p.stopLoss).toBe(1.102)
    moveToBreakEven(p, 1.099, EURUSD)
    expect([p.stopLoss, p.stopKind, p.breakEvenTrigger]).toEqual([1.0999, 'break-even', NaN])
  })

  it('never loosens a tighter stop', () => {
    const p = short({ stopLoss: 1.0995, breakEvenTrigger: 0.001, breakEvenOffset: 0 })
    moveToBreakEven(p, 1.098, EURUSD)
    expect([p.stopLoss, p.stopKind]).toEqual([1.0995, 'stop-loss'])
  })
})
