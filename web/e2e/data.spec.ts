import { existsSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { expect, test } from '@playwright/test'
import { ARTIFACTS, openIde, save } from './helpers'

const repoRoot = fileURLToPath(new URL('../..', import.meta.url))
const CSV = path.resolve(repoRoot, '../shared/data/EURUSD_H1_mt5_small.csv')

test('upload a CSV, see its quality report, preview on it', async ({ page }) => {
  test.skip(!existsSync(CSV), `missing test data: ${CSV}`)
  await openIde(page)
  await page.getByTestId('tab-data').click()
  await page.getByTestId('dataset-file').setInputFiles(CSV)
  await page.getByTestId('dataset-upload').click()
  const done = page.getByTestId('upload-done')
  await expect(done).toContainText('bars')
  await expect(done).toContainText('H1')
  await expect(done.getByTestId('quality-report')).toBeVisible()
  await expect(done.getByTestId('quality-verdict')).toBeVisible()
  // The uploaded data is selected for the preview, which runs on it.
  await expect(page.getByTestId('preview-data')).toContainText('EURUSD_H1_mt5_small')
  await expect
    .poll(async () =>
      Number(await page.getByTestId('price-chart').getAttribute('data-candle-count')),
    )
    .not.toBe(3000)
  await page.screenshot({ path: `${ARTIFACTS}dataset-uploaded.png` })
})

test('run a full backtest and watch the progress bar reach the results', async ({ page }) => {
  await openIde(page)
  await save(page, 'For a full backtest')
  await page.getByTestId('tab-backtest').click()
  await page.getByTestId('run-full-backtest').click()
  const progress = page.getByTestId('backtest-progress')
  await expect(progress).toBeVisible()
  await expect(progress).toHaveAttribute('value', '100', { timeout: 60_000 })
  await expect(progress).toHaveAttribute('data-status', 'completed')
  const results = page.getByTestId('backtest-results')
  await expect(results).toBeVisible()
  await expect(results.getByTestId('regime-table')).toContainText('Bull')
  await expect(results.getByTestId('risk-score')).toContainText('/100')
  await expect(results.getByTestId('monthly-heatmap')).toBeVisible()
  await expect(results.getByTestId('stat-trade-count')).not.toHaveText('—')
  await page.screenshot({ path: `${ARTIFACTS}full-backtest-results.png` })
})
