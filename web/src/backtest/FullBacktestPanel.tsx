import { useMemo } from 'react'
import { humanizeName } from '../canvas/port-label'
import { EquityChart } from '../chart/EquityChart'
import { StatsPanel } from '../chart/StatsPanel'
import { useDataStore } from '../datasets/useDataStore'
import { useGraphStore } from '../canvas/useGraphStore'
import { useCodeStore } from '../code/useCodeStore'
import { useStrategySession } from '../versions/useStrategySession'
import type { BacktestRun } from '../api/backtests'
import { MonthlyHeatmap } from './MonthlyHeatmap'
import { RegimeTable } from './RegimeTable'
import { useFullBacktest } from './useFullBacktest'
import './backtest.css'

/**
 * A full backtest on the server: runs the saved version on the chosen data, shows the worker's
 * real progress, then the statistics, regime table, risk score, equity and monthly returns.
 */
export function FullBacktestPanel() {
  const strategyId = useStrategySession((state) => state.strategyId)
  const versionId = useStrategySession((state) => state.currentVersionId)
  const version = useStrategySession((state) =>
    state.versions.find((v) => v.id === state.currentVersionId),
  )
  const graphDirty = useGraphStore((state) => state.dirty)
  const codeDirty = useCodeStore((state) => state.dirty)
  const unsaved = graphDirty || codeDirty
  const data = useDataStore((state) => state.selection)
  const { status, progress, run, error, log, start, cancel } = useFullBacktest()
  const busy = status === 'queued' || status === 'running'

  function onStart() {
    if (!strategyId || !versionId) return
    void start(
      strategyId,
      versionId,
      data.kind === 'dataset'
        ? {
            datasetId: data.datasetId,
            ...(data.from !== undefined ? { from: new Date(data.from * 1000).toISOString() } : {}),
            ...(data.to !== undefined ? { to: new Date(data.to * 1000).toISOString() } : {}),
            config: { symbol: data.symbol },
          }
        : { seed: data.seed, barCount: data.bars },
    )
  }

  return (
    <section className="full-backtest" aria-label="Full backtest" data-testid="full-backtest">
      <header className="full-backtest__bar">
        <button
          type="button"
          className="button button--primary"
          data-testid="run-full-backtest"
          disabled={!versionId || busy}
          onClick={onStart}
        >
          {busy ? 'Running…' : 'Run full backtest'}
        </button>
        <span className="muted">
          {!versionId
            ? 'Save a version first: full backtests run a saved version on the server.'
            : `v${version?.version ?? '?'} on ${data.kind === 'dataset' ? data.name : `synthetic data (${data.bars.toLocaleString()} bars)`}${unsaved ? ' · unsaved changes are not included' : ''}`}
        </span>
        {status && (
          <div className="progress" data-testid="backtest-progress-wrap">
            <progress
              max={100}
              value={progress}
              aria-label="Backtest progress"
              data-testid="backtest-progress"
              data-status={status}
            />
            {busy && (
              <button type="button" className="button button--ghost" onClick={() => void cancel()}>
                Cancel
              </button>
            )}
            <span data-testid="backtest-status">
              {status} · {Math.round(progress)} %
            </span>
          </div>
        )}
      </header>
      {error && (
        <p className="error-box" role="alert" data-testid="backtest-error">
          {error}
        </p>
      )}
      {run?.status === 'completed' && run.stats ? (
        <Results run={run} />
      ) : busy ? (
        <pre className="full-backtest__log" aria-live="polite" data-testid="backtest-log">
          {log.length > 0 ? log.join('\n') : 'Waiting for a worker…'}
        </pre>
      ) : (
        !error && (
          <p className="empty-state">
            The preview runs while you edit; a full backtest runs the saved version on the server
            and keeps the result.
          </p>
        )
      )}
    </section>
  )
}

function Results({ run }: { run: BacktestRun }) {
  const curve = useMemo(
    () =>
      run.equity
        ? {
            time: Float64Array.from(run.equity.time),
            equity: Float64Array.from(run.equity.equity),
            drawdown: Float64Array.from(run.equity.drawdown),
          }
        : undefined,
    [run.equity],
  )
  const monthly = run.stats?.monthlyReturns ?? []
  return (
    <div className="full-backtest__results" data-testid="backtest-results">
      <div className="full-backtest__col">
        <h3>Statistics</h3>
        <StatsPanel stats={run.stats!} full />
      </div>
      <div className="full-backtest__col">
        {run.riskScore && (
          <div className="risk-score" data-testid="risk-score">
            <h3>Risk score</h3>
            <p
              className={`risk-score__value risk--${run.riskScore.score >= 60 ? 'high' : run.riskScore.score >= 35 ? 'medium' : 'low'}`}
            >
              {run.riskScore.score}
              <span>/100</span>
            </p>
            <ul>
              {Object.entries(run.riskScore.components).map(([name, value]) => (
                <li key={name}>
                  <span>{humanizeName(name)}</span>
                  <meter min={0} max={100} value={value} aria-label={`${name} risk`} />
                  <span>{Math.round(value)}</span>
                </li>
              ))}
            </ul>
          </div>
        )}
        {run.regimes && <RegimeTable regimes={run.regimes} />}
      </div>
      <div className="full-backtest__col full-backtest__col--wide">
        {curve && (
          <div className="full-backtest__equity">
            <EquityChart curve={curve} testId="full-equity-chart" />
          </div>
        )}
        <MonthlyHeatmap months={monthly} />
      </div>
    </div>
  )
}
