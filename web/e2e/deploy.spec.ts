import { expect, test } from '@playwright/test'
import { ARTIFACTS, openIde, save, watchForeignRequests } from './helpers'

// The paper terminal is a pg-boss job that starts after the deploy call, then says hello, ready
// and a first heartbeat: ACTIVE takes a few seconds plus the queue's polling.
const ACTIVE_TIMEOUT = 90_000
// Heartbeats come every 5 s here; a command rides the next one and its ack follows at once.
const ONE_HEARTBEAT = 20_000

test('deploy a template to a paper account, watch it go ACTIVE, pull the kill switch, resolve', async ({
  page,
}) => {
  test.setTimeout(300_000)
  const foreign = watchForeignRequests(page)
  await openIde(page)
  await save(page, 'Deploy me')

  // A paper account with guardrails.
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Accounts' })
    .click()
  await expect(page).toHaveURL(/\/accounts/)
  await page.getByRole('button', { name: 'New account' }).click()
  const create = page.getByRole('dialog', { name: 'New trading account' })
  await create.getByLabel('Account name').fill('Paper E2E')
  await create.getByLabel('Starting balance').fill('10000')
  await create.getByRole('button', { name: 'Create account' }).click()
  await expect(create).toBeHidden()
  const account = page.getByTestId('account-detail')
  await expect(account.getByRole('heading', { name: 'Paper E2E' })).toBeVisible()
  await expect(account.getByTestId('guardrails-missing')).toBeVisible()
  // Paper accounts start with the runtime's symbols.
  await expect(
    account.getByRole('table', { name: 'Symbol catalogue' }).getByRole('rowheader', {
      name: 'EURUSD',
      exact: true,
    }),
  ).toBeVisible()
  const guardrails = account.getByTestId('guardrails')
  await guardrails.getByLabel('Daily loss limit in').selectOption('percent')
  await guardrails.getByLabel('Maximum daily loss').fill('5')
  await guardrails.getByLabel('Maximum positions').fill('3')
  await guardrails.getByLabel('Maximum correlation (0–1)').fill('0.9')
  await guardrails.getByRole('button', { name: 'Save guardrails' }).click()
  await expect(guardrails.getByTestId('guardrails-missing')).toBeHidden()
  await expect(guardrails.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible()
  await page.screenshot({ path: `${ARTIFACTS}deploy-paper-account.png` })

  // Back in the IDE, deploy the saved template to it: heartbeat 5 s, ten synthetic bars a second.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'IDE' }).click()
  await expect(page.getByTestId('canvas')).toBeVisible()
  await page.getByRole('button', { name: 'Deploy…' }).click()
  const deploy = page.getByRole('dialog', { name: 'Deploy' })
  await expect(
    deploy.getByLabel('Account', { exact: true }).locator('option:checked'),
  ).toContainText('Paper E2E')
  await expect(deploy.getByLabel('Symbol')).toHaveValue('EURUSD')
  await expect(deploy.getByTestId('lots-hint')).toContainText('step 0.01')
  // A lot off the step is named before sending, with the nearest valid size offered.
  await deploy.getByLabel('Lots').fill('0.015')
  await expect(deploy.getByTestId('lots-hint')).toContainText('not a multiple of the step')
  await expect(deploy.getByRole('button', { name: 'Deploy', exact: true })).toBeDisabled()
  await deploy.getByLabel('Lots').fill('0.1')
  await deploy.getByLabel('Heartbeat (seconds)').fill('5')
  await deploy.getByLabel('Synthetic bars in real time').check()
  await deploy.getByLabel('Seconds per bar').fill('0.1')
  await page.screenshot({ path: `${ARTIFACTS}deploy-dialog.png` })
  await deploy.getByRole('button', { name: 'Deploy', exact: true }).click()

  await expect(page).toHaveURL(/\/deployments\/[0-9a-f-]{36}$/)
  const detail = page.getByTestId('deployment-detail')
  await expect(detail.getByTestId('phase-progress')).toBeVisible()
  await expect(detail.getByRole('listitem', { name: 'Validating: passed' })).toBeVisible()
  await expect(detail.getByTestId('deployment-status')).toContainText('Active', {
    timeout: ACTIVE_TIMEOUT,
  })
  await expect(detail.getByRole('listitem', { name: 'Confirming: passed' })).toBeVisible()
  // Once every phase passed, the check lines fold away; one click shows them.
  await detail.getByText('Phase details').click()
  const checks = detail.getByRole('list', { name: 'Validating checks' })
  await expect(checks.getByRole('listitem')).toHaveCount(7)
  await expect(checks).toContainText('Kill switch')
  await expect(checks).toContainText('Lot step')
  await expect(detail.getByTestId('heartbeat-age')).toContainText('ago')
  await expect(detail.getByTestId('halt-state')).toContainText('Entries allowed')
  const listed = page.getByTestId('deployment-item').first()
  await expect(listed).toContainText('Active')
  await expect(listed).toContainText('EURUSD')
  // The moving-average cross trades within a few hundred fast bars; its deals are reported with
  // their execution quality.
  const trades = detail.getByRole('table', { name: 'Trades' })
  await expect(trades.getByRole('row')).not.toHaveCount(0, { timeout: 60_000 })
  await expect(trades).toContainText('10009')
  await expect(
    page.getByRole('table', { name: 'Execution quality by symbol' }).getByRole('rowheader', {
      name: 'EURUSD',
    }),
  ).toBeVisible()
  await page.screenshot({ path: `${ARTIFACTS}deploy-active.png` })
  await detail.getByText('Phase details').click()

  // The kill switch, closing positions: banner, halt reason, and the EA's acknowledgement.
  await page.getByRole('button', { name: 'Kill switch', exact: true }).click()
  const kill = page.getByRole('dialog', { name: 'Trigger the kill switch' })
  await kill.getByLabel('Reason').fill('E2E: stop everything')
  await expect(kill.getByLabel(/Close all positions/)).toBeChecked()
  await kill.getByRole('button', { name: 'Trigger kill switch' }).click()
  const banner = page.getByTestId('kill-switch-banner')
  await expect(banner).toContainText('Kill switch triggered')
  await expect(banner).toContainText('E2E: stop everything')
  await expect(page.getByRole('button', { name: 'Kill switch on' })).toBeDisabled()
  await expect(detail.getByTestId('halt-reasons')).toContainText('Kill switch')
  const commands = detail.getByRole('table', { name: 'Command history' })
  const closeAll = commands.getByRole('row').filter({ hasText: 'Close all & halt' })
  await expect(closeAll).toContainText('kill switch')
  await expect(closeAll).toContainText('acknowledged', { timeout: ONE_HEARTBEAT })
  await expect(detail.getByTestId('pending-command')).toHaveText('none')
  await expect(detail.getByTestId('positions-empty')).toBeVisible({ timeout: ONE_HEARTBEAT })
  await expect(page.getByTestId('timeline')).toContainText('KILL_SWITCH')
  await closeAll.scrollIntoViewIfNeeded()
  await page.screenshot({ path: `${ARTIFACTS}deploy-kill-switch.png` })

  // Resolve: the banner goes, the kill-switch halt is lifted and the EA told to resume.
  await banner.getByRole('button', { name: 'Resolve…' }).click()
  const resolve = page.getByRole('dialog', { name: 'Resolve the kill switch' })
  await resolve.getByLabel('Note (optional)').fill('E2E: all clear')
  await resolve.getByRole('button', { name: 'Resolve kill switch' }).click()
  await expect(banner).toBeHidden()
  await expect(page.getByRole('button', { name: 'Kill switch', exact: true })).toBeEnabled()
  await expect(detail.getByTestId('halt-state')).toContainText('Entries allowed')
  await expect(commands.getByRole('row').filter({ hasText: 'Resume' })).toContainText(
    'acknowledged',
    { timeout: ONE_HEARTBEAT },
  )

  // The account's day was opened by the heartbeats: the meter shows today's loss.
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Accounts' })
    .click()
  await expect(page.getByRole('meter', { name: 'Daily loss used' })).toBeVisible()
  await page.screenshot({ path: `${ARTIFACTS}deploy-guardrails.png` })

  // Stop it, so the paper terminal ends before the server does.
  await page.goBack()
  await detail.getByRole('button', { name: 'Stop…' }).click()
  const stop = page.getByRole('dialog', { name: 'Stop this deployment' })
  await stop.getByRole('button', { name: 'Stop deployment' }).click()
  await expect(detail.getByTestId('deployment-status')).toContainText('Stopped', {
    timeout: ONE_HEARTBEAT * 2,
  })

  expect(foreign).toEqual([])
})
