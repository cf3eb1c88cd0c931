import { generateSyntheticBars } from '@tradeloom/runtime'

/** A small MT5-export CSV (tab-separated, `<DATE>` header) of seeded synthetic H1 bars. */
export function syntheticCsv(count: number, seed = 3): string {
  const bars = generateSyntheticBars({
    seed,
    count,
    timeframeSeconds: 3600,
    startTime: 1_704_672_000,
  })
  const lines = ['<DATE>\t<TIME>\t<OPEN>\t<HIGH>\t<LOW>\t<CLOSE>\t<TICKVOL>\t<VOL>\t<SPREAD>']
  for (let i = 0; i < bars.length; i++) {
    const iso = new Date(bars.time[i]! * 1000).toISOString()
    const date = iso.slice(0, 10).replaceAll('-', '.')
    const price = (v: number) => v.toFixed(5)
    lines.push(
      [
        date,
        iso.slice(11, 19),
        price(bars.open[i]!),
        price(bars.high[i]!),
        price(bars.low[i]!),
        price(bars.close[i]!),
        bars.tickVolume[i],
        0,
        bars.spread[i],
      ].join('\t'),
    )
  }
  return lines.join('\n') + '\n'
}
