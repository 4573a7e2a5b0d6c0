import { hash } from '@node-rs/argon2'
import type { FastifyInstance, LightMyRequestResponse } from 'fastify'
import { consents, users } from '../../server/features/accounts/accounts.table.js'
import { affiliations, memberships, organisations } from '../../server/features/organisations/organisations.table.js'

export const PASSWORD = 'correct horse battery'
let passwordHash: Promise<string> | undefined

export interface Person {
  userId: string
  email: string
  orgId: string
}

export interface SignedInAgent {
  cookie: string
  csrf: string
  /** Sends a request as this person (cookie and CSRF token added). */
  inject(options: {
    method: string
    url: string
    payload?: unknown
    headers?: Record<string, string>
  }): Promise<LightMyRequestResponse>
}

/** An organisation with its first admin, inserted directly (sign-up is tested on its own). */
export async function createOrgWithAdmin(
  app: FastifyInstance,
  input: {
    kind: 'sme' | 'buyer' | 'organiser' | 'authority'
    name: string
    email: string
    role?: 'admin' | 'member'
    country?: string
    nuts2?: string
  },
): Promise<Person> {
  passwordHash ??= hash(PASSWORD, { algorithm: 2 })
  const [org] = await app.db
    .insert(organisations)
    .values({
      kind: input.kind,
      legalName: input.name,
      country: input.country ?? 'IT',
      nuts2: input.nuts2 ?? 'ITC1',
      languages: ['it'],
    })
    .returning({ id: organisations.id })
  const person = await addUser(app, { orgId: org!.id, email: input.email, role: input.role ?? 'admin' })
  return person
}

export async function addUser(
  app: FastifyInstance,
  input: { orgId: string; email: string; role: 'admin' | 'member'; name?: string },
): Promise<Person> {
  passwordHash ??= hash(PASSWORD, { algorithm: 2 })
  const [user] = await app.db
    .insert(users)
    .values({
      name: input.name ?? input.email.split('@')[0]!,
      email: input.email,
      language: 'en',
      timeZone: 'Europe/Rome',
      passwordHash: await passwordHash,
    })
    .returning({ id: users.id })
  await app.db.insert(memberships).values({ userId: user!.id, organisationId: input.orgId, role: input.role })
  await app.db
    .insert(consents)
    .values({ userId: user!.id, purpose: 'profile_visible_to_matches', granted: true, textVersion: 'test' })
  return { userId: user!.id, email: input.email, orgId: input.orgId }
}

export async function affiliate(
  app: FastifyInstance,
  organiserId: string,
  participantId: string,
  status: 'pending' | 'validated' | 'rejected' = 'validated',
) {
  await app.db.insert(affiliations).values({ organiserId, participantId, status })
}

export async function signIn(app: FastifyInstance, email: string, password = PASSWORD): Promise<SignedInAgent> {
  const res = await app.inject({
    method: 'POST',
    url: '/api/auth/password',
    payload: { email, password },
    remoteAddress: `10.0.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`,
  })
  if (res.statusCode !== 200) throw new Error(`sign-in of ${email} failed: ${res.statusCode} ${res.body}`)
  const cookie = res.cookies.find((c) => c.name === 'mtb_session')!.value
  const csrf = res.json().csrfToken as string
  return {
    cookie,
    csrf,
    inject: (options) =>
      app.inject({
        ...options,
        payload: options.payload as never,
        headers: { cookie: `mtb_session=${cookie}`, 'x-csrf-token': csrf, ...options.headers },
      }),
  }
}
