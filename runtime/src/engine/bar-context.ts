import type { Bars } from '../bars'
import type { Broker } from '../broker/broker'
import type { BarContext, OrderIntent } from './strategy'

/**
 * @internal The one {@link BarContext} a run reuses for every bar: plain fields rewritten by
 * {@link EngineContext.moveTo}, so the hot loop allocates nothing.
 */
export class EngineContext implements BarContext {
  index = 0
  time = 0
  open = 0
  high = 0
  low = 0
  close = 0
  tickVolume = 0
  spread = 0
  isWarmingUp = true
  positionVolume = 0

  constructor(
    private readonly bars: Bars,
    private readonly broker: Broker,
    private readonly warmupBars: number,
    private readonly series: Map<string, Float64Array> | null,
  ) {}

  /** Points the context at closed bar `i`, after the broker processed that bar. */
  moveTo(i: number): void {
    const b = this.bars
    this.index = i
    this.time = b.time[i]!
    this.open = b.open[i]!
    this.high = b.high[i]!
    this.low = b.low[i]!
    this.close = b.close[i]!
    this.tickVolume = b.tickVolume[i]!
    this.spread = b.spread[i]!
    this.isWarmingUp = i < this.warmupBars
    this.positionVolume = this.broker.netVolume
  }

  enterLong(intent?: OrderIntent): void {
    this.broker.place('enterLong', intent, this.index)
  }

  enterShort(intent?: OrderIntent): void {
    this.broker.place('enterShort', intent, this.index)
  }

  exitLong(intent?: OrderIntent): void {
    this.broker.place('exitLong', intent, this.index)
  }

  exitShort(intent?: OrderIntent): void {
    this.broker.place('exitShort', intent, this.index)
  }

  closeAll(intent?: OrderIntent): void {
    this.broker.place('closeAll', intent, this.index)
  }

  record(key: string, value: number): void {
    const series = this.series
    if (series === null) return
    let values = series.get(key)
    if (values === undefined) {
      values = new Float64Array(this.bars.length).fill(NaN)
      series.set(key, values)
    }
    values[this.index] = value
  }
}
