import { hash, verify } from '@node-rs/argon2'
import { IANAZone } from 'luxon'
import type { Consents, Session, SignUp, User } from '../../../shared/schemas/accounts.js'
import type { Database, DbOrTx } from '../../infra/db.js'
import type { Clock } from '../../infra/clock.js'
import type { Outbox } from '../../infra/outbox.js'
import type { RateLimiter } from '../../infra/rate-limit.js'
import type { AuthContext } from '../../infra/access.js'
import { MAIL_TOPIC } from '../../infra/mailer.js'
import { commonProblems } from '../../infra/problems.js'
import { hashToken, newToken } from '../../infra/tokens.js'
import type { AuditService } from '../audit/audit.service.js'
import type { OrganisationsService } from '../organisations/organisations.service.js'
import { accountProblems as problems } from './accounts.errors.js'
import { magicLinkMail } from './accounts.mails.js'
import * as repo from './accounts.repository.js'

export const LINK_MINUTES = 15
export const SESSION_DAYS = 30
export const CONSENT_TEXT_VERSION = '2026-11'
const ARGON2ID = 2
/** A real hash of a random password: unknown e-mails cost as much time as known ones. */
const DUMMY_HASH = hash(newToken(), { algorithm: ARGON2ID })

export interface RequestMeta {
  ip: string
  userAgent?: string | undefined
  requestId: string
}

export interface AccountsDeps {
  db: Database
  clock: Clock
  outbox: Pick<Outbox, 'enqueue'>
  audit: Pick<AuditService, 'record'>
  organisations: OrganisationsService
  rateLimiter: RateLimiter
  publicUrl: string
}

export interface SignedIn {
  token: string
  session: Session
}

export function toUserDto(row: repo.UserRow): User {
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    language: row.language,
    timeZone: row.timeZone,
    hasPassword: row.passwordHash !== null,
    createdAt: row.createdAt.toISOString(),
  }
}

export function assertTimeZone(zone: string | undefined, field: string): void {
  if (zone !== undefined && !IANAZone.isValidZone(zone)) {
    throw commonProblems.validation(`Check ${field}`, [
      { field, code: 'timeZone', message: 'is not an IANA time zone such as Europe/Rome' },
    ])
  }
}

export function createAccountsService(deps: AccountsDeps) {
  const { db, clock, audit } = deps
  const minutesFromNow = (minutes: number) => new Date(clock.now().getTime() + minutes * 60_000)

  async function sendLink(tx: DbOrTx, user: repo.UserRow): Promise<void> {
    const token = newToken()
    await repo.insertLoginToken(tx, {
      tokenHash: hashToken(token),
      userId: user.id,
      expiresAt: minutesFromNow(LINK_MINUTES),
    })
    const url = `${deps.publicUrl}/auth/verify?token=${token}`
    await deps.outbox.enqueue(tx, MAIL_TOPIC, {
      ...magicLinkMail({ to: user.email, name: user.name, language: user.language, url, minutes: LINK_MINUTES }),
    })
  }

  async function startSession(tx: DbOrTx, userId: string, meta: RequestMeta, method: string): Promise<SignedIn> {
    const token = newToken()
    const csrfToken = newToken()
    const expiresAt = minutesFromNow(SESSION_DAYS * 24 * 60)
    await repo.insertSession(tx, {
      tokenHash: hashToken(token),
      userId,
      csrfToken,
      expiresAt,
      ip: meta.ip,
      userAgent: meta.userAgent?.slice(0, 300) ?? null,
    })
    await audit.record(tx, {
      actorUserId: userId,
      action: 'auth.signed_in',
      subjectType: 'user',
      subjectId: userId,
      after: { method, ip: meta.ip },
      requestId: meta.requestId,
    })
    return { token, session: await describeSession(tx, { userId, csrfToken, expiresAt }) }
  }

  async function describeSession(
    tx: DbOrTx,
    { userId, csrfToken, expiresAt }: { userId: string; csrfToken: string; expiresAt: Date },
  ): Promise<Session> {
    const user = await repo.findUser(tx, userId)
    if (!user) throw problems.invalidCredentials()
    const memberships = await deps.organisations.membershipsOfUser(userId, tx)
    return {
      user: toUserDto(user),
      memberships: memberships.map((m) => ({
        organisation: { id: m.organisationId, legalName: m.legalName, kind: m.kind },
        role: m.role,
        ...(m.affiliationStatus ? { affiliationStatus: m.affiliationStatus } : {}),
      })),
      csrfToken,
      expiresAt: expiresAt.toISOString(),
    }
  }

  return {
    /** An SME or buyer registers with a hub: organisation, first admin, consents, and a sign-in link by e-mail. */
    async signUp(input: SignUp, meta: RequestMeta): Promise<void> {
      await deps.rateLimiter.consume({ key: `sign-up:ip:${meta.ip}`, limit: 10, windowSeconds: 3600 })
      assertTimeZone(input.user.timeZone, 'body.user.timeZone')
      if (!input.consents.profileVisibleToMatches)
        throw problems.consentRequired('Matching needs your profile to be visible to the parties you are matched with.')
      const passwordHash = input.password ? await hash(input.password, { algorithm: ARGON2ID }) : null
      await db.transaction(async (tx) => {
        await deps.organisations.assertOrganiser(tx, input.organiserId)
        if (await repo.findUserByEmail(tx, input.user.email)) throw problems.emailTaken()
        const organisation = await deps.organisations.createOrganisation(
          tx,
          input.kind,
          input.organisation,
          'body.organisation',
        )
        const user = await repo.insertUser(tx, { ...input.user, email: input.user.email.toLowerCase(), passwordHash })
        await deps.organisations.addMembership(tx, { userId: user.id, organisationId: organisation.id, role: 'admin' })
        await deps.organisations.registerWithOrganiser(tx, {
          organiserId: input.organiserId,
          participantId: organisation.id,
          status: 'pending',
        })
        await repo.insertConsents(tx, { userId: user.id, values: input.consents, textVersion: CONSENT_TEXT_VERSION })
        await audit.record(tx, {
          actorUserId: user.id,
          organisationId: organisation.id,
          action: 'organisation.registered',
          subjectType: 'organisation',
          subjectId: organisation.id,
          after: { kind: input.kind, legalName: organisation.legalName, organiserId: input.organiserId },
          requestId: meta.requestId,
        })
        await sendLink(tx, user)
      })
    },

    /** Always succeeds as seen from outside, so nobody learns which e-mails have accounts. */
    async requestMagicLink(email: string, meta: RequestMeta): Promise<void> {
      await deps.rateLimiter.consume(
        { key: `magic-link:ip:${meta.ip}`, limit: 20, windowSeconds: 900 },
        { key: `magic-link:email:${email.toLowerCase()}`, limit: 5, windowSeconds: 900 },
      )
      await db.transaction(async (tx) => {
        const user = await repo.findUserByEmail(tx, email)
        if (user) await sendLink(tx, user)
      })
    },

    async verifyMagicLink(token: string, meta: RequestMeta): Promise<SignedIn> {
      await deps.rateLimiter.consume({ key: `verify:ip:${meta.ip}`, limit: 30, windowSeconds: 900 })
      return db.transaction(async (tx) => {
        const userId = await repo.consumeLoginToken(tx, hashToken(token), clock.now())
        if (!userId || !(await repo.findUser(tx, userId))) throw problems.linkInvalid()
        return startSession(tx, userId, meta, 'link')
      })
    },

    async signInWithPassword(email: string, password: string, meta: RequestMeta): Promise<SignedIn> {
      await deps.rateLimiter.consume(
        { key: `sign-in:ip:${meta.ip}`, limit: 20, windowSeconds: 900 },
        { key: `sign-in:email:${email.toLowerCase()}`, limit: 10, windowSeconds: 900 },
      )
      const user = await repo.findUserByEmail(db, email)
      const ok = await verify(user?.passwordHash ?? (await DUMMY_HASH), password)
      if (!user?.passwordHash || !ok) throw problems.invalidCredentials()
      return db.transaction((tx) => startSession(tx, user.id, meta, 'password'))
    },

    /** The cookie's session, sliding its expiry forward at most every five minutes. */
    async resolveSession(token: string): Promise<AuthContext | null> {
      const now = clock.now()
      const found = await repo.findLiveSession(db, hashToken(token), now)
      if (!found) return null
      const { session, memberships } = found
      if (now.getTime() - session.lastSeenAt.getTime() > 5 * 60_000)
        await repo.touchSession(db, { id: session.id, now, expiresAt: minutesFromNow(SESSION_DAYS * 24 * 60) })
      return { userId: session.userId, sessionId: session.id, csrfToken: session.csrfToken, memberships }
    },

    getSession: (auth: AuthContext) =>
      describeSession(db, {
        userId: auth.userId,
        csrfToken: auth.csrfToken,
        expiresAt: minutesFromNow(SESSION_DAYS * 24 * 60),
      }),

    async signOut(auth: AuthContext): Promise<void> {
      await repo.deleteSession(db, auth.sessionId)
    },

    async signOutEverywhere(auth: AuthContext, meta: RequestMeta): Promise<number> {
      return db.transaction(async (tx) => {
        const count = await repo.deleteSessionsOfUser(tx, auth.userId)
        await audit.record(tx, {
          actorUserId: auth.userId,
          action: 'auth.signed_out_everywhere',
          subjectType: 'user',
          subjectId: auth.userId,
          after: { sessions: count },
          requestId: meta.requestId,
        })
        return count
      })
    },

    startSession: (tx: DbOrTx, userId: string, meta: RequestMeta, method: string) =>
      startSession(tx, userId, meta, method),
    hashPassword: (password: string) => hash(password, { algorithm: ARGON2ID }),
    verifyPassword: (passwordHash: string, password: string) => verify(passwordHash, password),
    currentConsents: (userId: string): Promise<Consents> => repo.currentConsents(db, userId),
  }
}
export type AccountsService = ReturnType<typeof createAccountsService>
