import type { Context, Env, ValidationTargets } from 'hono'
import { zValidator } from '@hono/zod-validator'
import type { ZodType } from 'zod'
import { ValidationError } from './errors'
import type { Issue } from './errors'

/** Turns zod issues into `{ path, message }` pairs with dotted paths (`nodes.0.params`). */
export function issuesFromZod(
  error: { readonly issues: readonly { readonly path: readonly PropertyKey[]; message: string }[] },
  prefix = '',
): Issue[] {
  return error.issues.map((issue) => ({
    path: [prefix, ...issue.path.map(String)].filter((part) => part !== '').join('.'),
    message: issue.message,
  }))
}

function describeIssues(target: string, issues: Issue[]): string {
  const first = issues[0]
  const where = first?.path ? `${first.path}: ` : ''
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : ''
  return `Invalid request ${target}: ${where}${first?.message ?? 'invalid'}${more}`
}

/**
 * zod validation for one part of the request, answering 400 with every issue's path and message.
 * A body sent without a JSON content type is named as such rather than reported as missing fields.
 */
export function validate<Target extends keyof ValidationTargets, Schema extends ZodType>(
  target: Target,
  schema: Schema,
) {
  return zValidator(target, schema, (result, c: Context<Env>) => {
    if (result.success) return
    if (target === 'json' && hasBodyWithoutJsonType(c)) {
      throw new ValidationError('Body must be JSON: send Content-Type: application/json', [
        { path: '', message: 'Expected Content-Type: application/json' },
      ])
    }
    const issues = issuesFromZod(result.error)
    throw new ValidationError(describeIssues(target === 'json' ? 'body' : target, issues), issues)
  })
}

function hasBodyWithoutJsonType(c: Context): boolean {
  const type = c.req.header('content-type')
  return (type === undefined || !/json/i.test(type)) && c.req.raw.body !== null
}
