import { fileURLToPath } from 'node:url'
import { expect } from '@playwright/test'
import type { Locator, Page } from '@playwright/test'

export const ARTIFACTS = fileURLToPath(new URL('./artifacts/', import.meta.url))
const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]'])

/** Records every request to a host other than this machine (a CDN, fonts, analytics...). */
export function watchForeignRequests(page: Page): string[] {
  const foreign: string[] = []
  page.on('request', (request) => {
    const url = new URL(request.url())
    if ((url.protocol === 'http:' || url.protocol === 'https:') && !LOCAL_HOSTS.has(url.hostname)) {
      foreign.push(request.url())
    }
  })
  return foreign
}

let users = 0

/**
 * Opens the IDE signed in. In local mode (PGlite) the server signs the local user in by itself;
 * in multi-user mode (PostgreSQL) the app shows the login page, and a fresh account is
 * registered through the register page.
 */
export async function openIde(page: Page): Promise<void> {
  await page.goto('/')
  const canvas = page.getByTestId('canvas')
  const login = page.getByTestId('login-form')
  await expect(canvas.or(login)).toBeVisible()
  if (await login.isVisible()) {
    await page.getByRole('link', { name: 'Register' }).click()
    const form = page.getByTestId('register-form')
    await form.getByLabel('Email').fill(`e2e-${Date.now()}-${users++}@example.com`)
    await form.getByLabel(/^Password/).fill('correct horse battery')
    await form.getByRole('button', { name: 'Create account' }).click()
    await expect(canvas).toBeVisible()
  }
}

/** A node on the canvas by id. */
export function node(page: Page, id: string): Locator {
  return page.locator(`.react-flow__node[data-id="${id}"]`)
}

/** A port's handle on a node. */
export function handle(page: Page, id: string, port: string): Locator {
  return node(page, id).locator(`.react-flow__handle[data-handleid="${port}"]`)
}

/** Drags from one handle to another with the mouse, as a user connects ports. */
export async function connect(
  page: Page,
  from: Locator,
  to: Locator,
  release = true,
): Promise<void> {
  const a = (await from.boundingBox())!
  const b = (await to.boundingBox())!
  await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2)
  await page.mouse.down()
  await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 12 })
  if (release) await page.mouse.up()
}

/** The net profit the chart was last drawn with (the chart container carries it). */
export async function chartNetProfit(page: Page): Promise<string | null> {
  return page.getByTestId('price-chart').getAttribute('data-net-profit')
}

/** Saves the current strategy with a message and waits for the version to be listed. */
export async function save(page: Page, message: string): Promise<void> {
  await page.getByTestId('save-message').fill(message)
  await page.getByTestId('save-button').click()
  await expect(page.getByTestId('save-status')).toContainText('Saved')
}
