import { useEffect, useId, useMemo, useState } from 'react'
import type { FormEvent } from 'react'
import { listAccounts } from '../api/accounts'
import type { TradingAccount } from '../api/accounts'
import { listDatasets } from '../api/datasets'
import type { Dataset } from '../api/datasets'
import { createDeployment } from '../api/deployments'
import type { CreateDeployment } from '../api/deployments'
import { AppLink } from '../app/nav'
import { useGraphStore } from '../canvas/useGraphStore'
import { useCodeStore } from '../code/useCodeStore'
import { useDataStore } from '../datasets/useDataStore'
import { useKillSwitch } from '../risk/useKillSwitch'
import { useStrategySession } from '../versions/useStrategySession'
import { rememberIssuedEa, saveEa } from './issued-ea'
import { checkLots, formatLots, lotHint } from './lots'
import { feedFromDraft } from './paper-feed'
import type { FeedDraft } from './paper-feed'
import { PaperFeedFields } from './PaperFeedFields'
import { messageOf } from '../app/message-of'
import { ErrorBox, Modal } from './ui'
import './deployments.css'

type Loaded<T> =
  { state: 'loading' } | { state: 'ready'; value: T } | { state: 'error'; message: string }

/**
 * Deploys the open strategy's newest saved version to a trading account. The server runs
 * preflight synchronously: a failed check still creates the deployment (FAILED, with the reason),
 * so either way the page moves on to the new deployment.
 */
export function DeployDialog({
  onClose,
  onDeployed,
}: {
  onClose(): void
  onDeployed(id: string): void
}) {
  const strategyId = useStrategySession((state) => state.strategyId)
  const latest = useStrategySession((state) => state.versions[0])
  const graphDirty = useGraphStore((state) => state.dirty)
  const codeDirty = useCodeStore((state) => state.dirty)
  const strategySymbol = useGraphStore((state) => state.meta.symbol)
  const strategyName = useGraphStore((state) => state.meta.name)

  return (
    <Modal title="Deploy" onClose={onClose} className="deploy-dialog" testId="deploy-dialog">
      {strategyId === undefined || latest === undefined ? (
        <p className="modal__body">
          A deployment runs a saved version. Save this strategy first (Save in the top bar), then
          deploy it.
        </p>
      ) : (
        <DeployForm
          versionId={latest.id}
          versionLabel={`${strategyName} v${latest.version}`}
          dirty={graphDirty || codeDirty}
          defaultSymbol={strategySymbol}
          onClose={onClose}
          onDeployed={onDeployed}
        />
      )}
    </Modal>
  )
}

function DeployForm({
  versionId,
  versionLabel,
  dirty,
  defaultSymbol,
  onClose,
  onDeployed,
}: {
  versionId: string
  versionLabel: string
  dirty: boolean
  defaultSymbol: string
  onClose(): void
  onDeployed(id: string): void
}) {
  const killSwitch = useKillSwitch((state) => state.status?.state)
  const selection = useDataStore((state) => state.selection)
  const [accounts, setAccounts] = useState<Loaded<TradingAccount[]>>({ state: 'loading' })
  const [datasets, setDatasets] = useState<Loaded<Dataset[]>>({ state: 'loading' })
  const [accountId, setAccountId] = useState('')
  const [symbol, setSymbol] = useState('')
  const [lotsText, setLotsText] = useState('0.1')
  const [heartbeat, setHeartbeat] = useState('15')
  // The IDE's data choice is the natural feed: the same dataset, or the same synthetic seed.
  const [feedDraft, setFeedDraft] = useState<FeedDraft>(() => ({
    kind: selection.kind,
    datasetId: selection.kind === 'dataset' ? selection.datasetId : '',
    barsPerSecond: '10',
    seed: String(selection.kind === 'synthetic' ? selection.seed : 42),
    barSeconds: '5',
  }))
  const [offlinePolicy, setOfflinePolicy] =
    useState<NonNullable<CreateDeployment['offlinePolicy']>>('stop_entries')
  const [offlineMinutes, setOfflineMinutes] = useState('15')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string>()
  const ids = {
    account: useId(),
    symbol: useId(),
    lots: useId(),
    lotsHint: useId(),
    heartbeat: useId(),
    offline: useId(),
    offlineMinutes: useId(),
  }

  useEffect(() => {
    listAccounts()
      .then((list) => {
        setAccounts({ state: 'ready', value: list })
        const first = list.find((account) => account.kind === 'paper') ?? list[0]
        if (first) setAccountId((current) => current || first.id)
      })
      .catch((caught: unknown) => setAccounts({ state: 'error', message: messageOf(caught) }))
    listDatasets()
      .then((list) => setDatasets({ state: 'ready', value: list }))
      .catch((caught: unknown) => setDatasets({ state: 'error', message: messageOf(caught) }))
  }, [])

  const account =
    accounts.state === 'ready' ? accounts.value.find((a) => a.id === accountId) : undefined
  // The strategy's own symbol when the account lists it, else the account's first symbol.
  useEffect(() => {
    if (!account) return
    setSymbol((current) => {
      if (account.symbols.some((s) => s.name === current)) return current
      return (
        account.symbols.find((s) => s.name === defaultSymbol)?.name ??
        account.symbols[0]?.name ??
        ''
      )
    })
  }, [account, defaultSymbol])

  const spec = account?.symbols.find((s) => s.name === symbol)
  const lots = Number(lotsText)
  const lotCheck = useMemo(() => (spec ? checkLots(lots, spec) : undefined), [lots, spec])
  const heartbeatSeconds = Number(heartbeat)
  const heartbeatOk =
    Number.isInteger(heartbeatSeconds) && heartbeatSeconds >= 5 && heartbeatSeconds <= 300
  const paper = account?.kind === 'paper'
  const feedResult = paper ? feedFromDraft(feedDraft) : undefined
  const feedProblem = feedResult && !feedResult.ok ? feedResult.message : undefined
  const canSubmit =
    !busy && account !== undefined && spec !== undefined && lotCheck?.ok === true && heartbeatOk
  const blocked = killSwitch === 'TRIGGERED'

  async function onSubmit(event: FormEvent) {
    event.preventDefault()
    if (!canSubmit || feedProblem || !account) return
    setBusy(true)
    setError(undefined)
    try {
      const created = await createDeployment({
        versionId,
        accountId: account.id,
        symbol,
        lots,
        heartbeatSeconds,
        ...(feedResult?.ok
          ? { paperFeed: feedResult.feed }
          : { offlinePolicy, offlineMinutes: Number(offlineMinutes) }),
      })
      if (created.ea) {
        // The EA holds the deployment's token and is handed over once: save it now.
        rememberIssuedEa(created.id, created.ea)
        saveEa(created.ea)
      }
      onClose()
      onDeployed(created.id)
    } catch (caught) {
      setError(messageOf(caught))
      setBusy(false)
    }
  }

  return (
    <form className="modal__form deploy-form" onSubmit={(event) => void onSubmit(event)}>
      <p className="muted">
        Deploys <strong>{versionLabel}</strong> as saved.
        {dirty && ' Unsaved changes on the canvas are not included: save first to deploy them.'}
      </p>
      {blocked && (
        <ErrorBox message="The kill switch is on: preflight will refuse any deployment until you resolve it." />
      )}

      <label htmlFor={ids.account}>Account</label>
      {accounts.state === 'loading' ? (
        <p className="muted" role="status">
          Loading accounts…
        </p>
      ) : accounts.state === 'error' ? (
        <ErrorBox message={`Could not list your trading accounts: ${accounts.message}`} />
      ) : accounts.value.length === 0 ? (
        <p className="muted">
          No trading accounts yet: create a paper or live account on the{' '}
          <AppLink href="/accounts">Accounts</AppLink> page first.
        </p>
      ) : (
        <select
          id={ids.account}
          value={accountId}
          onChange={(event) => setAccountId(event.target.value)}
        >
          {accounts.value.map((a) => (
            <option key={a.id} value={a.id}>
              {a.name} ({a.kind} · {a.login} · {a.currency})
            </option>
          ))}
        </select>
      )}
      {account && !account.terminalLive && (
        <p className="tone-warn field-note">
          No terminal of this account reached the server in the last 30 minutes: run the connector
          script (Accounts page) or preflight will refuse.
        </p>
      )}

      {account && (
        <>
          <label htmlFor={ids.symbol}>Symbol</label>
          {account.symbols.length === 0 ? (
            <p className="tone-warn field-note">
              This account's symbol catalogue is empty: add or import symbols on the Accounts page.
            </p>
          ) : (
            <select id={ids.symbol} value={symbol} onChange={(e) => setSymbol(e.target.value)}>
              {account.symbols.map((s) => (
                <option key={s.name} value={s.name}>
                  {s.name}
                  {s.description && s.description !== s.name ? ` — ${s.description}` : ''}
                </option>
              ))}
            </select>
          )}

          <label htmlFor={ids.lots}>Lots</label>
          <div className="inline-row">
            <input
              id={ids.lots}
              type="number"
              inputMode="decimal"
              min={spec?.volumeMin}
              max={spec?.volumeMax}
              step="any"
              value={lotsText}
              aria-describedby={ids.lotsHint}
              aria-invalid={lotCheck?.ok === false}
              onChange={(event) => setLotsText(event.target.value)}
            />
            {lotCheck && !lotCheck.ok && lotCheck.nearest !== undefined && spec && (
              <button
                type="button"
                className="button button--ghost"
                onClick={() => setLotsText(formatLots(lotCheck.nearest!, spec.volumeStep))}
              >
                Use {formatLots(lotCheck.nearest, spec.volumeStep)}
              </button>
            )}
          </div>
          <p id={ids.lotsHint} className="field-note" data-testid="lots-hint">
            {spec ? lotHint(spec) : 'Choose a symbol to see its lot limits.'}
            {lotCheck && !lotCheck.ok && (
              <span className="tone-down" role="alert">
                {' '}
                {lotCheck.message}
              </span>
            )}
          </p>

          <label htmlFor={ids.heartbeat}>Heartbeat (seconds)</label>
          <input
            id={ids.heartbeat}
            type="number"
            min={5}
            max={300}
            step={1}
            value={heartbeat}
            aria-invalid={!heartbeatOk}
            onChange={(event) => setHeartbeat(event.target.value)}
          />
          <p className="field-note">
            How often the EA reports; it is marked stale after max(60 s, 4 × this) without one.
            {!heartbeatOk && (
              <span className="tone-down"> Enter a whole number from 5 to 300.</span>
            )}
          </p>

          {paper ? (
            <PaperFeedFields
              draft={feedDraft}
              onChange={setFeedDraft}
              datasets={datasets}
              problem={feedProblem}
            />
          ) : (
            <fieldset className="fieldset">
              <legend>When the server cannot be reached</legend>
              <label htmlFor={ids.offline}>After the offline time</label>
              <select
                id={ids.offline}
                value={offlinePolicy}
                onChange={(event) => setOfflinePolicy(event.target.value as typeof offlinePolicy)}
              >
                <option value="stop_entries">Stop new entries</option>
                <option value="keep_trading">Keep trading under the local guardrails</option>
              </select>
              <label htmlFor={ids.offlineMinutes}>Offline minutes</label>
              <input
                id={ids.offlineMinutes}
                type="number"
                min={1}
                step={1}
                value={offlineMinutes}
                onChange={(event) => setOfflineMinutes(event.target.value)}
              />
            </fieldset>
          )}
        </>
      )}

      {error && <ErrorBox message={error} />}
      <div className="modal__actions">
        <button type="button" className="button" onClick={onClose}>
          Cancel
        </button>
        <button
          type="submit"
          className="button button--primary"
          disabled={!canSubmit || feedProblem !== undefined}
        >
          {busy ? 'Deploying…' : 'Deploy'}
        </button>
      </div>
    </form>
  )
}
