import { validator } from 'hono/validator'
import { NotFoundError } from './errors'

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/**
 * Validates path ids as UUIDs, given each parameter's name and what it names
 * (`uuidParams({ id: 'Strategy' })`). An id that is not even a UUID cannot name anything, so it
 * gets the same 404 as an id that names nothing (or someone else's row), not a database error.
 */
export function uuidParams<Labels extends Record<string, string>>(labels: Labels) {
  return validator('param', (params: Record<string, string>) => {
    for (const [name, label] of Object.entries(labels)) {
      const value = params[name] ?? ''
      if (!UUID.test(value)) throw new NotFoundError(`${label} ${value} not found`)
    }
    return params as { [K in keyof Labels]: string }
  })
}
