import type { Agent } from './test-server'
import { waitFor } from './test-server'
import { syntheticCsv } from './csv'
import { smaCrossGraph } from './graphs'

/** Ids of one user's complete set of resources, for isolation and delete tests. */
export interface OwnerData {
  strategyId: string
  versionIds: [string, string]
  datasetId: string
  runId: string
  buildId: string
  shareToken: string
  /** A live trading account (no terminal, no guardrails) holding the deployment below. */
  deploymentAccountId: string
  /** A deployment of the second version; FAILED at preflight, so no EA or job runs for it. */
  deploymentId: string
}

/** Uploads a CSV as a data set and returns the response. */
export function uploadCsv(agent: Agent, csv: string, query = 'symbol=EURUSD&name=Sample') {
  return agent.request(`/api/datasets?${query}`, {
    method: 'POST',
    headers: { 'content-type': 'text/csv' },
    body: csv,
  })
}

/**
 * Creates a strategy with two versions (the second shared), a data set, a completed backtest on
 * it and a finished build task, all through the API.
 */
export async function seedOwnerData(agent: Agent): Promise<OwnerData> {
  const strategy = await agent.call('POST', '/api/strategies', { name: 'Owned', tags: ['mine'] })
  const strategyId = strategy.body.id as string
  const graph = smaCrossGraph()
  const v1 = await agent.call('POST', `/api/strategies/${strategyId}/versions`, { graph })
  graph.nodes[0]!.position = { x: graph.nodes[0]!.position.x + 40, y: 0 }
  const v2 = await agent.call('POST', `/api/strategies/${strategyId}/versions`, { graph })
  const upload = await uploadCsv(agent, syntheticCsv(400))
  const datasetId = ((await upload.json()) as { id: string }).id
  const run = await agent.call(
    'POST',
    `/api/strategies/${strategyId}/versions/${v2.body.id}/backtests`,
    { datasetId },
  )
  const build = await agent.call(
    'POST',
    `/api/strategies/${strategyId}/versions/${v2.body.id}/builds`,
  )
  const share = await agent.call(
    'POST',
    `/api/strategies/${strategyId}/versions/${v2.body.id}/share`,
  )
  const final = ['completed', 'failed', 'cancelled', 'COMPLETE', 'FAILED']
  await waitFor(
    () => agent.call('GET', `/api/backtests/${run.body.id}`),
    (r) => final.includes(r.body.status),
  )
  await waitFor(
    () => agent.call('GET', `/api/builds/${build.body.id}`),
    (r) => final.includes(r.body.status),
  )
  const deploymentAccount = await agent.call('POST', '/api/trading-accounts', {
    name: 'Owned live',
    kind: 'live',
    broker: 'Broker Ltd',
    server: 'Broker-Demo',
    login: '51234567',
    marginMode: 'hedging',
    currency: 'USD',
  })
  const deployment = await agent.call('POST', '/api/deployments', {
    versionId: v2.body.id,
    accountId: deploymentAccount.body.id,
    symbol: 'EURUSD',
    lots: 0.1,
  })
  if (deployment.status !== 201) throw new Error(`deploy: ${JSON.stringify(deployment.body)}`)
  return {
    strategyId,
    versionIds: [v1.body.id, v2.body.id],
    datasetId,
    runId: run.body.id,
    buildId: build.body.id,
    shareToken: share.body.token,
    deploymentAccountId: deploymentAccount.body.id,
    deploymentId: deployment.body.id,
  }
}
