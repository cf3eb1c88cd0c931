import { expect, test } from '@playwright/test'
import { ARTIFACTS } from './helpers'

test('accounts: register, log out, a wrong password shows the server message, log in', async ({
  page,
}) => {
  await page.goto('/')
  const canvas = page.getByTestId('canvas')
  const login = page.getByTestId('login-form')
  await expect(canvas.or(login)).toBeVisible()
  test.skip(await canvas.isVisible(), 'the server runs in local (single-user) mode: no login pages')

  await page.screenshot({ path: `${ARTIFACTS}login-page.png` })
  await page.getByRole('link', { name: 'Register' }).click()
  await expect(page).toHaveURL(/\/register$/)
  const email = `auth-${Date.now()}@example.com`
  const register = page.getByTestId('register-form')
  await register.getByLabel('Email').fill(email)
  await register.getByLabel(/^Password/).fill('correct horse battery')
  await register.getByRole('button', { name: 'Create account' }).click()
  await expect(canvas).toBeVisible()
  await expect(page.getByTestId('user-email')).toHaveAttribute('title', email)

  await page.getByTestId('logout').click()
  await expect(page).toHaveURL(/\/login$/)
  const form = page.getByTestId('login-form')
  await form.getByLabel('Email').fill(email)
  await form.getByLabel('Password').fill('wrong password')
  await form.getByRole('button', { name: 'Log in' }).click()
  await expect(page.getByTestId('auth-error')).not.toBeEmpty()

  await form.getByLabel('Password').fill('correct horse battery')
  await form.getByRole('button', { name: 'Log in' }).click()
  await expect(canvas).toBeVisible()
  await expect(page.getByTestId('user-email')).toHaveAttribute('title', email)
})
