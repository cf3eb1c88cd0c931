import {
  createLiveSession,
  generateSyntheticBars,
  getSymbol,
  liveBarAt,
  loadStrategyModule,
} from '@tradeloom/runtime'
import * as runtime from '@tradeloom/runtime'
import type { LiveBar, LiveDeal } from '@tradeloom/runtime'
import { describe, expect, it } from 'vitest'
import { STUCK_STRATEGY } from '../test-support/code-strategies'
import { smaCrossTs } from '../test-support/graphs'
import { PaperSessionError, startSessionThread } from './session-host'
import type { SessionInit } from './session-protocol'

const EURUSD = getSymbol('EURUSD')
const LIMITS = { callTimeoutMs: 2_000, loadTimeoutMs: 20_000, memoryMb: 128 }

function init(tsSource: string): SessionInit {
  return {
    tsSource,
    symbol: EURUSD,
    config: { initialCash: 10_000, lots: 0.1, accountMode: 'netting' },
    capacity: 1_500,
    ticketBase: 5_000,
  }
}

const bars = generateSyntheticBars({ seed: 11, count: 1_500 })
const barAt = (i: number): LiveBar => liveBarAt(bars, i)

describe('paper session thread', () => {
  it('runs a compiled template bar by bar exactly like the same session in this thread', async () => {
    const ts = smaCrossTs()
    const session = await startSessionThread(init(ts), LIMITS)
    const local = createLiveSession({
      symbol: EURUSD,
      config: init(ts).config,
      strategy: loadStrategyModule(ts, runtime).createStrategy(),
      capacity: 1_500,
      ticketBase: 5_000,
    })
    try {
      const remote: LiveDeal[] = []
      const expected: LiveDeal[] = []
      for (let i = 0; i < 1_400; i++) {
        remote.push(...(await session.pushBar(barAt(i))).deals)
        expected.push(...local.pushBar(barAt(i)).deals)
      }
      expect(expected.length).toBeGreaterThan(4)
      expect(remote).toEqual(expected)
      expect(remote[0]!.deal).toBe(5_001)
      const halted = await session.halt()
      expect(halted.halted).toBe(true)
      const closed = await session.closeAll(1_767_225_600_000)
      expect(closed.every((d) => d.timeMsc === 1_767_225_600_000 && d.entry === 'out')).toBe(true)
      expect((await session.snapshot()).positions).toEqual([])
      // A bad bar is the call's error, not the session's end.
      const bad = await session.pushBar({ ...barAt(1_400), high: 0.5 }).catch((e: unknown) => e)
      expect(bad).toBeInstanceOf(PaperSessionError)
      expect(bad).toMatchObject({ fatal: false })
      expect((await session.pushBar(barAt(1_400))).index).toBe(1_400)
    } finally {
      await session.close()
    }
  })

  it('refuses a strategy that does not load, naming the reason', async () => {
    const error = await startSessionThread(init('export const nothing = 1'), LIMITS).catch(
      (e: unknown) => e,
    )
    expect(error).toBeInstanceOf(PaperSessionError)
    expect((error as Error).message).toMatch(/^The strategy does not load: /)
  })

  it('stops a strategy stuck in one bar: the call and every later one fail', async () => {
    const session = await startSessionThread(init(STUCK_STRATEGY), LIMITS)
    const error = await session.pushBar(barAt(0)).catch((e: unknown) => e)
    expect(error).toMatchObject({
      fatal: true,
      message: 'The strategy took longer than 2 s on one bar and was stopped',
    })
    await expect(session.snapshot()).rejects.toThrow('The strategy took longer than 2 s')
    await session.close()
  })
})
