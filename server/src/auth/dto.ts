import { z } from 'zod'
import type { CurrentUser } from '../users/current-user'

export const userDtoSchema = z.object({
  id: z.uuid(),
  email: z.string(),
  displayName: z.string(),
  createdAt: z.string(),
})

/** A user as the API shows it (never the password hash). */
export type UserDto = z.infer<typeof userDtoSchema>

export const signedInSchema = z.object({ user: userDtoSchema, csrfToken: z.string() })

/** What login and register answer: the user and the CSRF token to send with changes. */
export type SignedInDto = z.infer<typeof signedInSchema>

export const authStateSchema = z.object({
  mode: z.enum(['local', 'multi']),
  user: userDtoSchema.nullable(),
  csrfToken: z.string().nullable(),
})

/** `GET /api/auth/me`: the mode, and who is signed in (null in multi-user mode when nobody is). */
export type AuthStateDto = z.infer<typeof authStateSchema>

export function toUserDto(user: CurrentUser): UserDto {
  return {
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    createdAt: user.createdAt.toISOString(),
  }
}
