import type { Bars } from '../bars'
import type { Broker } from '../broker/broker'
import type { BarContext, OrderIntent } from './strategy'

/**
 * @internal The one {@link BarContext} a run reuses for every bar. Bar fields are getters over
 * the typed arrays at the current index, so moving to the next bar is one store and a strategy
 * pays only for the fields it reads; nothing is allocated per bar.
 */
export class EngineContext implements BarContext {
  index = 0
  private readonly length: number
  private readonly times: Float64Array
  private readonly opens: Float64Array
  private readonly highs: Float64Array
  private readonly lows: Float64Array
  private readonly closes: Float64Array
  private readonly volumes: Float64Array
  private readonly spreads: Float64Array

  constructor(
    bars: Bars,
    private readonly broker: Broker,
    private readonly warmupBars: number,
    private readonly series: Map<string, Float64Array> | null,
  ) {
    this.length = bars.length
    this.times = bars.time
    this.opens = bars.open
    this.highs = bars.high
    this.lows = bars.low
    this.closes = bars.close
    this.volumes = bars.tickVolume
    this.spreads = bars.spread
  }

  /** Points the context at closed bar `i`, after the broker processed that bar. */
  moveTo(i: number): void {
    this.index = i
  }

  get time(): number {
    return this.times[this.index]!
  }

  get open(): number {
    return this.opens[this.index]!
  }

  get high(): number {
    return this.highs[this.index]!
  }

  get low(): number {
    return this.lows[this.index]!
  }

  get close(): number {
    return this.closes[this.index]!
  }

  get tickVolume(): number {
    return this.volumes[this.index]!
  }

  get spread(): number {
    return this.spreads[this.index]!
  }

  get isWarmingUp(): boolean {
    return this.index < this.warmupBars
  }

  /** The broker's state does not change while the strategy runs: orders only queue. */
  get positionVolume(): number {
    return this.broker.netVolume
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
      values = new Float64Array(this.length).fill(NaN)
      series.set(key, values)
    }
    values[this.index] = value
  }
}
