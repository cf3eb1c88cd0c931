import { useEffect, useId, useState } from 'react'
import { useReplayStore } from './useReplayStore'

const PLAY_MS = 400

/**
 * Steps through the preview backtest bar by bar: the canvas shows every block's value on the
 * bar, the chart follows, and `explanation` says why an entry fired or what blocked it.
 */
export function ReplayBar({
  barCount,
  tradeBars,
  explanation,
}: {
  barCount: number
  /** Decision bars of the trades (entry index − 1), for "next trade". */
  tradeBars: readonly number[]
  explanation: string
}) {
  const bar = useReplayStore((state) => state.bar)
  const setBar = useReplayStore((state) => state.setBar)
  const [playing, setPlaying] = useState(false)
  const sliderId = useId()
  const last = barCount - 1
  const current = Math.min(bar ?? last, last)

  useEffect(() => {
    if (!playing) return
    const timer = setInterval(() => {
      const now = useReplayStore.getState().bar ?? last
      if (now >= last) setPlaying(false)
      else setBar(now + 1)
    }, PLAY_MS)
    return () => clearInterval(timer)
  }, [playing, last, setBar])

  const step = (delta: number) => setBar(Math.max(0, Math.min(last, current + delta)))
  const nextTrade = tradeBars.find((b) => b > current)
  const previousTrade = [...tradeBars].reverse().find((b) => b < current)

  return (
    <div className="replay" role="group" aria-label="Replay" data-testid="replay">
      <div className="replay__controls">
        <button
          type="button"
          className="button button--ghost"
          aria-label="Previous trade"
          data-testid="replay-prev-trade"
          disabled={previousTrade === undefined}
          onClick={() => previousTrade !== undefined && setBar(previousTrade)}
        >
          « Trade
        </button>
        <button
          type="button"
          className="button button--ghost"
          data-testid="replay-back"
          aria-label="Step one bar back"
          onClick={() => step(-1)}
        >
          ◀
        </button>
        <button
          type="button"
          className="button button--ghost"
          data-testid="replay-play"
          aria-label={playing ? 'Pause' : 'Play'}
          onClick={() => setPlaying(!playing)}
        >
          {playing ? 'Pause' : 'Play'}
        </button>
        <button
          type="button"
          className="button button--ghost"
          data-testid="replay-forward"
          aria-label="Step one bar forward"
          onClick={() => step(1)}
        >
          ▶
        </button>
        <button
          type="button"
          className="button button--ghost"
          data-testid="replay-next-trade"
          aria-label="Next trade"
          disabled={nextTrade === undefined}
          onClick={() => nextTrade !== undefined && setBar(nextTrade)}
        >
          Trade »
        </button>
        <label className="sr-only" htmlFor={sliderId}>
          Bar
        </label>
        <input
          id={sliderId}
          type="range"
          min={0}
          max={last}
          value={current}
          data-testid="replay-slider"
          onChange={(event) => setBar(Number(event.target.value))}
        />
        <span className="replay__bar" data-testid="replay-bar">
          bar {current.toLocaleString()} / {last.toLocaleString()}
        </span>
      </div>
      <p className="replay__why" data-testid="replay-explanation" aria-live="polite">
        {explanation}
      </p>
    </div>
  )
}
