import type { Consents, Invitation } from '../../../shared/schemas/accounts.js'
import type { Database } from '../../infra/db.js'
import type { AuditService } from '../audit/audit.service.js'
import type { OrganisationsService } from '../organisations/organisations.service.js'
import { accountProblems as problems } from './accounts.errors.js'
import {
  assertTimeZone,
  CONSENT_TEXT_VERSION,
  type AccountsService,
  type RequestMeta,
  type SignedIn,
} from './accounts.service.js'
import * as repo from './accounts.repository.js'

export interface JoinInput {
  token: string
  user?: { name: string; language: 'it' | 'en'; timeZone: string } | undefined
  consents?: Consents | undefined
}

/** Accepting an invitation: the link proves the e-mail, so it also signs the person in. */
export function createJoinService(deps: {
  db: Database
  audit: Pick<AuditService, 'record'>
  accounts: AccountsService
  organisations: OrganisationsService
}) {
  const { db } = deps
  return {
    async previewInvitation(token: string): Promise<Invitation> {
      const { dto, row } = await deps.organisations.findOpenInvitation(db, token)
      return { ...dto, accountExists: !!(await repo.findUserByEmail(db, row.invitation.email)) }
    },

    async acceptInvitation(input: JoinInput, meta: RequestMeta): Promise<SignedIn> {
      return db.transaction(async (tx) => {
        const { row } = await deps.organisations.findOpenInvitation(tx, input.token, { forUpdate: true })
        let user = await repo.findUserByEmail(tx, row.invitation.email)
        if (!user) {
          if (!input.user || !input.consents) throw problems.userFieldsRequired()
          if (!input.consents.profileVisibleToMatches) throw problems.consentRequired()
          assertTimeZone(input.user.timeZone, 'body.user.timeZone')
          user = await repo.insertUser(tx, { ...input.user, email: row.invitation.email })
          await repo.insertConsents(tx, { userId: user.id, values: input.consents, textVersion: CONSENT_TEXT_VERSION })
        }
        await deps.organisations.addMembership(tx, {
          userId: user.id,
          organisationId: row.organisation.id,
          role: row.invitation.role,
        })
        await deps.organisations.markInvitationAccepted(tx, row.invitation.id)
        await deps.audit.record(tx, {
          actorUserId: user.id,
          organisationId: row.organisation.id,
          action: 'invitation.accepted',
          subjectType: 'invitation',
          subjectId: row.invitation.id,
          after: { role: row.invitation.role },
          requestId: meta.requestId,
        })
        return deps.accounts.startSession(tx, user.id, meta, 'invitation')
      })
    },
  }
}
export type JoinService = ReturnType<typeof createJoinService>
