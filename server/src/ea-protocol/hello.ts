import { eq } from 'drizzle-orm'
import { deployments, tradingAccounts } from '@tradeloom/drizzle'
import type { Db, DeploymentRow, TradingAccountRow } from '@tradeloom/drizzle'
import { mergePhaseDetails } from '../deployments/phases'
import { ForbiddenError, ValidationError } from '../errors'
import type { HelloMessage } from './schemas'

/** The account a deployment trades on (it always exists: deleting it deletes the deployment). */
export async function accountOf(db: Db, deployment: DeploymentRow): Promise<TradingAccountRow> {
  const [account] = await db
    .select()
    .from(tradingAccounts)
    .where(eq(tradingAccounts.id, deployment.accountId))
  if (account === undefined) throw new Error(`Deployment ${deployment.id} has no trading account`)
  return account
}

/**
 * `hello`: the EA names its account, symbol and code. Any of them differing from the deployment
 * is a 403 the EA halts on (`account_mismatch`, `symbol_mismatch`, `code_mismatch`); while the
 * deployment waits for its EA, the refusal is kept as its status reason so the trader sees it.
 * An accepted hello marks the account's terminal as seen and clears that reason.
 */
export async function acceptHello(
  db: Db,
  deployment: DeploymentRow,
  hello: HelloMessage,
  now: Date,
): Promise<{ heartbeatSeconds: number }> {
  if (hello.deploymentId !== deployment.id) {
    throw new ValidationError(
      `hello names deployment ${hello.deploymentId}, not ${deployment.id}`,
      [{ path: 'deploymentId', message: 'must be the deployment id of the URL' }],
    )
  }
  const account = await accountOf(db, deployment)
  const refusal = mismatch(deployment, account, hello)
  if (refusal !== null) {
    if (deployment.status === 'AWAITING_EA') {
      await db
        .update(deployments)
        .set({ statusReason: refusal.message, updatedAt: now })
        .where(eq(deployments.id, deployment.id))
    }
    throw refusal
  }
  await db.transaction(async (tx) => {
    await tx
      .update(deployments)
      .set({
        helloAt: now,
        hello: { ...hello },
        ...(deployment.status === 'AWAITING_EA' && { statusReason: null }),
        updatedAt: now,
      })
      .where(eq(deployments.id, deployment.id))
    await tx
      .update(tradingAccounts)
      .set({
        terminalSeenAt: now,
        terminalInfo: {
          via: 'deployment',
          deploymentId: deployment.id,
          login: hello.login,
          server: hello.server,
          company: hello.company,
          currency: hello.currency,
          accountType: hello.accountType,
          marginMode: hello.marginMode,
          terminalBuild: hello.terminalBuild,
          tradeAllowed: hello.tradeAllowed,
          timeGmt: hello.timeGmt,
          serverTime: hello.serverTime,
        },
      })
      .where(eq(tradingAccounts.id, account.id))
    await mergePhaseDetails(tx, deployment.id, 'confirmation', {
      helloAt: now.toISOString(),
      terminalBuild: hello.terminalBuild,
      server: hello.server,
      accountType: hello.accountType,
      tradeAllowed: hello.tradeAllowed,
      // The broker's clock offset, which the trader may want to compare with the account's day.
      serverTimeOffsetSeconds: Math.round(hello.serverTime - hello.timeGmt),
    })
  })
  return { heartbeatSeconds: deployment.heartbeatSeconds }
}

function mismatch(
  deployment: DeploymentRow,
  account: TradingAccountRow,
  hello: HelloMessage,
): ForbiddenError | null {
  if (hello.login !== account.login) {
    return new ForbiddenError(
      'account_mismatch',
      `The EA runs on login ${hello.login}, but this deployment is for "${account.name}" (login ${account.login}): attach it in a terminal logged in to ${account.login}`,
    )
  }
  if (hello.symbol !== deployment.symbol) {
    return new ForbiddenError(
      'symbol_mismatch',
      `The EA is attached to a ${hello.symbol} chart, but this deployment trades ${deployment.symbol}: attach it to a ${deployment.symbol} chart`,
    )
  }
  if (hello.codeHash !== deployment.codeHash) {
    return new ForbiddenError(
      'code_mismatch',
      `The EA's code hash ${hello.codeHash.slice(0, 12)}… differs from the hand-off receipt ${deployment.codeHash?.slice(0, 12) ?? '(none)'}…: it is an older download or was edited; use the file from this deployment's latest download`,
    )
  }
  return null
}
