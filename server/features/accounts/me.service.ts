import { eq } from 'drizzle-orm'
import type { Consents, User } from '../../../shared/schemas/accounts.js'
import type { AuthContext } from '../../infra/access.js'
import type { Database } from '../../infra/db.js'
import type { Clock } from '../../infra/clock.js'
import type { AuditService } from '../audit/audit.service.js'
import { auditEvents } from '../audit/audit.table.js'
import type { OrganisationsService } from '../organisations/organisations.service.js'
import { organisationProblems } from '../organisations/organisations.errors.js'
import { accountProblems as problems } from './accounts.errors.js'
import {
  assertTimeZone,
  CONSENT_TEXT_VERSION,
  toUserDto,
  type AccountsService,
  type RequestMeta,
} from './accounts.service.js'
import * as repo from './accounts.repository.js'

export interface MeDeps {
  db: Database
  clock: Clock
  audit: Pick<AuditService, 'record'>
  accounts: AccountsService
  organisations: OrganisationsService
}

/** What a signed-in person does with their own account: profile, password, consents, export, deletion. */
export function createMeService(deps: MeDeps) {
  const { db, audit } = deps

  async function mustFindUser(userId: string) {
    const user = await repo.findUser(db, userId)
    if (!user) throw problems.invalidCredentials()
    return user
  }

  return {
    async getMe(auth: AuthContext): Promise<User> {
      return toUserDto(await mustFindUser(auth.userId))
    },

    async updateMe(
      auth: AuthContext,
      patch: { name?: string; language?: 'it' | 'en'; timeZone?: string },
    ): Promise<User> {
      assertTimeZone(patch.timeZone, 'body.timeZone')
      return toUserDto(await repo.updateUser(db, auth.userId, patch))
    },

    async setPassword(
      auth: AuthContext,
      input: { currentPassword?: string | undefined; newPassword: string },
      meta: RequestMeta,
    ): Promise<void> {
      const user = await mustFindUser(auth.userId)
      if (
        user.passwordHash &&
        !(input.currentPassword && (await deps.accounts.verifyPassword(user.passwordHash, input.currentPassword)))
      ) {
        throw problems.wrongPassword()
      }
      const passwordHash = await deps.accounts.hashPassword(input.newPassword)
      await db.transaction(async (tx) => {
        await repo.updateUser(tx, auth.userId, { passwordHash })
        await audit.record(tx, {
          actorUserId: auth.userId,
          action: 'auth.password_set',
          subjectType: 'user',
          subjectId: auth.userId,
          requestId: meta.requestId,
        })
      })
    },

    getConsents: (auth: AuthContext): Promise<Consents> => deps.accounts.currentConsents(auth.userId),

    async setConsents(auth: AuthContext, input: Consents, meta: RequestMeta): Promise<Consents> {
      const before = await deps.accounts.currentConsents(auth.userId)
      await db.transaction(async (tx) => {
        await repo.insertConsents(tx, { userId: auth.userId, values: input, textVersion: CONSENT_TEXT_VERSION })
        await audit.record(tx, {
          actorUserId: auth.userId,
          action: 'consents.changed',
          subjectType: 'user',
          subjectId: auth.userId,
          before,
          after: input,
          requestId: meta.requestId,
        })
      })
      return input
    },

    /** Everything the platform holds about the person (GDPR art. 15 and 20). */
    async exportData(auth: AuthContext) {
      const user = await mustFindUser(auth.userId)
      const memberships = await deps.organisations.membershipsOfUser(auth.userId)
      const organisations = await Promise.all(
        memberships.map((m) => deps.organisations.getOrganisation(m.organisationId)),
      )
      const activity = await db
        .select()
        .from(auditEvents)
        .where(eq(auditEvents.actorUserId, auth.userId))
        .orderBy(auditEvents.id)
      return {
        exportedAt: deps.clock.now().toISOString(),
        user: toUserDto(user),
        memberships: memberships.map((m) => ({
          organisationId: m.organisationId,
          legalName: m.legalName,
          role: m.role,
        })),
        organisations,
        consents: (await repo.consentHistory(db, auth.userId)).map((c) => ({
          purpose: c.purpose,
          granted: c.granted,
          textVersion: c.textVersion,
          recordedAt: c.recordedAt.toISOString(),
        })),
        sessions: (await repo.sessionsOfUser(db, auth.userId)).map((s) => ({
          ...s,
          createdAt: s.createdAt.toISOString(),
          lastSeenAt: s.lastSeenAt.toISOString(),
          expiresAt: s.expiresAt.toISOString(),
        })),
        activity: activity.map((a) => ({
          at: a.at.toISOString(),
          action: a.action,
          subjectType: a.subjectType,
          subjectId: a.subjectId,
        })),
      }
    },

    /**
     * Anonymises the person and ends their access. Organisations, meetings and
     * contracts stay, so KPI figures do not change. The last admin of an
     * organisation with other members hands over first.
     */
    async deleteAccount(auth: AuthContext, confirmEmail: string, meta: RequestMeta): Promise<void> {
      const user = await mustFindUser(auth.userId)
      if (user.email.toLowerCase() !== confirmEmail.toLowerCase()) throw problems.confirmMismatch()
      await db.transaction(async (tx) => {
        for (const membership of await deps.organisations.membershipsOfUser(auth.userId)) {
          const members = await deps.organisations.listMembers(membership.organisationId)
          const otherAdmins = members.filter((m) => m.role === 'admin' && m.userId !== auth.userId)
          if (membership.role === 'admin' && otherAdmins.length === 0 && members.length > 1) {
            throw organisationProblems.lastAdmin(`Make another member of ${membership.legalName} an admin first.`)
          }
          await deps.organisations.removeMembershipRow(tx, membership.organisationId, auth.userId)
        }
        await repo.deleteSessionsOfUser(tx, auth.userId)
        await repo.deleteLoginTokensOfUser(tx, auth.userId)
        await repo.deleteConsentsOfUser(tx, auth.userId)
        await repo.updateUser(tx, auth.userId, {
          name: 'Deleted user',
          email: `deleted-${auth.userId}@invalid`,
          passwordHash: null,
          deletedAt: deps.clock.now(),
        })
        await audit.record(tx, {
          actorUserId: auth.userId,
          action: 'account.deleted',
          subjectType: 'user',
          subjectId: auth.userId,
          requestId: meta.requestId,
        })
      })
    },
  }
}
export type MeService = ReturnType<typeof createMeService>
