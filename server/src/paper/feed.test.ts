import { generateSyntheticBars } from '@tradeloom/runtime'
import { describe, expect, it } from 'vitest'
import { datasetFeed, SYNTHETIC_FEED_BARS, syntheticFeed } from './feed'

describe('paper feeds', () => {
  const bars = generateSyntheticBars({ seed: 2, count: 10 })

  it('replays a data set at its pace and resumes after the last reported bar', () => {
    const feed = datasetFeed(bars, 4, 0, 'EURUSD H1')
    expect([feed.intervalMs, feed.remaining, feed.description]).toEqual([
      250,
      10,
      'data set "EURUSD H1"',
    ])
    expect(feed.next()).toEqual({
      time: bars.time[0],
      open: bars.open[0],
      high: bars.high[0],
      low: bars.low[0],
      close: bars.close[0],
      tickVolume: bars.tickVolume[0],
      spread: bars.spread[0],
    })
    const resumed = datasetFeed(bars, 4, bars.time[6]!, 'EURUSD H1')
    expect(resumed.remaining).toBe(3)
    expect(resumed.next()!.time).toBe(bars.time[7])
    resumed.next()
    resumed.next()
    expect(resumed.next()).toBeNull()
    expect(() => datasetFeed(bars, 0, 0, 'x')).toThrow('barsPerSecond must be above 0')
  })

  it('gives the same synthetic market to a restarted terminal, continuing after its last bar', () => {
    const options = { seed: 9, barSeconds: 60, timeframeSeconds: 3600, startTime: 1_767_225_600 }
    const first = syntheticFeed({ ...options, afterTime: 0 })
    expect([first.intervalMs, first.remaining]).toEqual([60_000, SYNTHETIC_FEED_BARS])
    const seen = Array.from({ length: 30 }, () => first.next()!)
    const restarted = syntheticFeed({ ...options, afterTime: seen[19]!.time })
    expect(restarted.next()).toEqual(seen[20])
    expect(restarted.remaining).toBeGreaterThanOrEqual(SYNTHETIC_FEED_BARS - 1)
  })
})
