import {
  AFFILIATION_STATUSES,
  PARTICIPANT_PAGE_SIZE,
  type AffiliationStatus,
  type Invitation,
  type Member,
  type Organisation,
  type OrganisationInput,
  type OrganisationKind,
  type OrganisationPatch,
  type Participant,
  type ParticipantListQuery,
  type ParticipantPage,
  type Role,
} from '../../../shared/schemas/accounts.js'
import { nameMatches, pageByStatus } from '../../../shared/paging.js'
import type { Database, DbOrTx } from '../../infra/db.js'
import type { Clock } from '../../infra/clock.js'
import type { Outbox } from '../../infra/outbox.js'
import { MAIL_TOPIC } from '../../infra/mailer.js'
import { commonProblems } from '../../infra/problems.js'
import { hashToken, newToken } from '../../infra/tokens.js'
import type { AuditService } from '../audit/audit.service.js'
import { profileErrors } from './organisations.model.js'
import { organisationProblems as problems } from './organisations.errors.js'
import { invitationMail, registrationDecisionMail } from './organisations.mails.js'
import { membersToNotify } from './organisations.read.js'
import * as repo from './organisations.repository.js'

export const INVITATION_DAYS = 14
/** Other features (search indexing) react to this outbox topic: validation or profile changes. */
export const ORGANISATION_CHANGED = 'organisation.changed'

export interface Actor {
  /** Null for the platform operator acting from the command line. */
  userId: string | null
  requestId?: string
}

export interface OrganisationsDeps {
  db: Database
  clock: Clock
  outbox: Pick<Outbox, 'enqueue'>
  audit: Pick<AuditService, 'record'>
  publicUrl: string
}

export function toOrganisationDto(row: repo.OrganisationRow): Organisation {
  const address =
    row.addressStreet && row.addressPostalCode && row.addressCity
      ? { street: row.addressStreet, postalCode: row.addressPostalCode, city: row.addressCity }
      : undefined
  const optional = {
    vatId: row.vatId,
    country: row.country,
    nuts2: row.nuts2,
    website: row.website,
    sizeClass: row.sizeClass,
    naceCode: row.naceCode,
  }
  return {
    id: row.id,
    kind: row.kind,
    legalName: row.legalName,
    ...Object.fromEntries(Object.entries(optional).filter(([, value]) => value !== null)),
    ...(address ? { address } : {}),
    innovativeStartup: row.innovativeStartup,
    isSme: row.isSme,
    publicBuyer: row.publicBuyer,
    languages: row.languages,
    profileComplete: !!(row.vatId && row.country && address && row.sizeClass),
    createdAt: row.createdAt.toISOString(),
  }
}

function toValues(input: OrganisationPatch, vatId: string | undefined): Partial<repo.OrganisationValues> {
  const { address, vatId: _raw, ...rest } = input
  return {
    ...rest,
    ...(vatId === undefined ? {} : { vatId }),
    ...(address
      ? { addressStreet: address.street, addressPostalCode: address.postalCode, addressCity: address.city }
      : {}),
  }
}

/** Checks what the schema cannot (VAT check digits, regions) and names each bad field. */
export function validateProfile(
  input: OrganisationPatch,
  prefix: string,
  current?: repo.OrganisationRow,
): string | undefined {
  const country = input.country ?? current?.country ?? undefined
  const nuts2 = input.nuts2 ?? (input.country === undefined ? (current?.nuts2 ?? undefined) : undefined)
  const vatId = input.vatId ?? (input.country === undefined ? undefined : (current?.vatId ?? undefined))
  const { errors, vatId: normalised } = profileErrors({ country, vatId, nuts2 }, prefix)
  if (errors.length > 0) throw commonProblems.validation(`Check ${errors.map((e) => e.field).join(', ')}`, errors)
  return normalised
}

export function createOrganisationsService(deps: OrganisationsDeps) {
  const { db, audit } = deps

  async function mustFind(tx: DbOrTx, id: string) {
    const row = await repo.findOrganisation(tx, id)
    if (!row) throw problems.notFound()
    return row
  }

  /** A hub vouches for an organisation it brings in itself; false when the hub had a registration (any status) already. */
  const validatedBy = (tx: DbOrTx, actor: Actor, ids: { organiserId: string; participantId: string }) =>
    repo.insertAffiliation(tx, { ...ids, status: 'validated', decidedBy: actor.userId, decidedAt: deps.clock.now() })

  async function sendInvitation(
    tx: DbOrTx,
    actor: Actor,
    organisation: repo.OrganisationRow,
    input: { email: string; role: Role },
  ) {
    const token = newToken()
    const expiresAt = new Date(deps.clock.now().getTime() + INVITATION_DAYS * 86_400_000)
    const row = await repo.insertInvitation(tx, {
      tokenHash: hashToken(token),
      organisationId: organisation.id,
      email: input.email.toLowerCase(),
      role: input.role,
      invitedBy: actor.userId,
      expiresAt,
    })
    const [inviter] = (await repo.listMembersOf(tx, organisation.id)).filter((m) => m.userId === actor.userId)
    const inviterName = inviter?.name ?? 'Meet the Buyer'
    const url = `${deps.publicUrl}/invitations/${token}`
    await deps.outbox.enqueue(tx, MAIL_TOPIC, {
      ...invitationMail({
        to: row.email,
        organisation: organisation.legalName,
        inviter: inviterName,
        role: input.role,
        url,
        days: INVITATION_DAYS,
      }),
    })
    await audit.record(tx, {
      actorUserId: actor.userId,
      organisationId: organisation.id,
      action: 'invitation.created',
      subjectType: 'invitation',
      subjectId: row.id,
      after: { email: row.email, role: row.role },
      ...(actor.requestId ? { requestId: actor.requestId } : {}),
    })
    return toInvitationDto(row, organisation, inviterName)
  }

  return {
    /** In the caller's transaction (sign-up): validated profile, no audit of its own. */
    async createOrganisation(tx: DbOrTx, kind: OrganisationKind, input: OrganisationInput, prefix: string) {
      const vatId = validateProfile(input, prefix)
      return repo.insertOrganisation(tx, { kind, legalName: input.legalName, ...toValues(input, vatId) })
    },

    findOrganisationRow: (tx: DbOrTx, id: string) => repo.findOrganisation(tx, id),

    async getOrganisation(id: string): Promise<Organisation> {
      return toOrganisationDto(await mustFind(db, id))
    },

    async updateOrganisation(actor: Actor, id: string, patch: OrganisationPatch): Promise<Organisation> {
      return db.transaction(async (tx) => {
        const current = await mustFind(tx, id)
        const vatId = validateProfile(patch, 'body', current)
        const row = await repo.updateOrganisationRow(tx, id, toValues(patch, vatId))
        await deps.outbox.enqueue(tx, ORGANISATION_CHANGED, { organisationId: id })
        await audit.record(tx, {
          actorUserId: actor.userId,
          organisationId: id,
          action: 'organisation.updated',
          subjectType: 'organisation',
          subjectId: id,
          before: toOrganisationDto(current),
          after: toOrganisationDto(row!),
          ...(actor.requestId ? { requestId: actor.requestId } : {}),
        })
        return toOrganisationDto(row!)
      })
    },

    async listMembers(organisationId: string): Promise<Member[]> {
      const rows = await repo.listMembersOf(db, organisationId)
      return rows.map((row) => ({ ...row, joinedAt: row.joinedAt.toISOString() }))
    },

    addMembership: repo.insertMembership,
    removeMembershipRow: repo.deleteMembership,
    membershipsOfUser: (userId: string, tx: DbOrTx = db) => repo.membershipsOfUser(tx, userId),
    organisersOf: (participantId: string) => repo.organiserIdsOf(db, participantId),
    participantsOf: (organiserIds: string[]) => repo.participantIdsOf(db, organiserIds),

    async changeRole(
      actor: Actor,
      { organisationId, userId, role }: { organisationId: string; userId: string; role: Role },
    ): Promise<Member> {
      return db.transaction(async (tx) => {
        const admins = await repo.countAdminsForUpdate(tx, organisationId)
        const membership = await repo.findMembership(tx, organisationId, userId)
        if (!membership) throw problems.memberNotFound()
        if (membership.role === 'admin' && role !== 'admin' && admins <= 1) throw problems.lastAdmin()
        await repo.setMembershipRole(tx, { organisationId, userId, role })
        await audit.record(tx, {
          actorUserId: actor.userId,
          organisationId,
          action: 'membership.role_changed',
          subjectType: 'user',
          subjectId: userId,
          before: { role: membership.role },
          after: { role },
        })
        const member = (await repo.listMembersOf(tx, organisationId)).find((m) => m.userId === userId)!
        return { ...member, joinedAt: member.joinedAt.toISOString() }
      })
    },

    async removeMember(actor: Actor, organisationId: string, userId: string): Promise<void> {
      await db.transaction(async (tx) => {
        const admins = await repo.countAdminsForUpdate(tx, organisationId)
        const membership = await repo.findMembership(tx, organisationId, userId)
        if (!membership) throw problems.memberNotFound()
        if (membership.role === 'admin' && admins <= 1) throw problems.lastAdmin()
        await repo.deleteMembership(tx, organisationId, userId)
        const action = actor.userId === userId ? 'membership.left' : 'membership.removed'
        await audit.record(tx, {
          actorUserId: actor.userId,
          organisationId,
          action,
          subjectType: 'user',
          subjectId: userId,
          before: { role: membership.role },
        })
      })
    },

    async inviteMember(
      actor: Actor,
      organisationId: string,
      input: { email: string; role: Role },
    ): Promise<Invitation> {
      return db.transaction(async (tx) => {
        const organisation = await mustFind(tx, organisationId)
        const existing = (await repo.listMembersOf(tx, organisationId)).some(
          (m) => m.email.toLowerCase() === input.email.toLowerCase(),
        )
        if (existing) throw problems.alreadyMember()
        return sendInvitation(tx, actor, organisation, input)
      })
    },

    async listInvitations(organisationId: string): Promise<Invitation[]> {
      const organisation = await mustFind(db, organisationId)
      const rows = await repo.listOpenInvitations(db, organisationId)
      return rows.map(({ invitation, inviterName }) => toInvitationDto(invitation, organisation, inviterName ?? ''))
    },

    async revokeInvitation(actor: Actor, organisationId: string, invitationId: string): Promise<void> {
      await db.transaction(async (tx) => {
        if (!(await repo.revokeInvitationRow(tx, organisationId, invitationId))) throw problems.invitationNotFound()
        await audit.record(tx, {
          actorUserId: actor.userId,
          organisationId,
          action: 'invitation.revoked',
          subjectType: 'invitation',
          subjectId: invitationId,
        })
      })
    },

    /** An open invitation by its token, or the `invitations.invalid` problem. */
    async findOpenInvitation(tx: DbOrTx, token: string, options: { forUpdate?: boolean } = {}) {
      const row = await repo.findInvitationByTokenHash(tx, hashToken(token), options)
      const now = deps.clock.now()
      if (!row || row.invitation.acceptedAt || row.invitation.revokedAt || row.invitation.expiresAt <= now)
        throw problems.invitationInvalid()
      return { row, dto: toInvitationDto(row.invitation, row.organisation, row.inviterName ?? '') }
    },

    markInvitationAccepted: repo.markInvitationAccepted,
    registerWithOrganiser: repo.insertAffiliation,

    async assertOrganiser(tx: DbOrTx, organiserId: string): Promise<void> {
      const row = await repo.findOrganisation(tx, organiserId)
      if (!row || row.kind !== 'organiser') {
        throw commonProblems.validation('Choose an organiser', [
          { field: 'body.organiserId', code: 'organiser', message: 'is not an organiser of this platform' },
        ])
      }
    },

    async listParticipants(organiserId: string, status?: AffiliationStatus): Promise<Participant[]> {
      const rows = await repo.listAffiliations(db, organiserId, status)
      return rows.map((row) => toParticipantDto(row.affiliation, row.organisation))
    },

    /** One page of the hub's registrations, newest first, by status, kind and name, with counts per status. */
    async participantPage(organiserId: string, query: ParticipantListQuery): Promise<ParticipantPage> {
      const named = (await this.listParticipants(organiserId)).filter(
        (p) => (!query.kind || p.organisation.kind === query.kind) && nameMatches(p.organisation.legalName, query.q),
      )
      return pageByStatus(named, AFFILIATION_STATUSES, query, PARTICIPANT_PAGE_SIZE)
    },

    async decideParticipant(
      actor: Actor,
      {
        organiserId,
        participantId,
        decision,
      }: {
        organiserId: string
        participantId: string
        decision: { decision: 'validated' | 'rejected'; reason?: string | undefined }
      },
    ): Promise<Participant> {
      const reason = decision.reason?.trim() || null
      if (decision.decision === 'rejected' && !reason)
        throw commonProblems.validation('Say why the registration is rejected: the participant is told.', [
          { field: 'body.reason', code: 'required', message: 'is required to reject' },
        ])
      return db.transaction(async (tx) => {
        const current = await repo.findAffiliation(tx, { organiserId, participantId, forUpdate: true })
        if (!current) throw problems.participantNotFound()
        await repo.decideAffiliation(tx, {
          organiserId,
          participantId,
          status: decision.decision,
          reason,
          decidedBy: actor.userId,
        })
        await deps.outbox.enqueue(tx, ORGANISATION_CHANGED, { organisationId: participantId })
        // The participant is told either way, each member in their own language, through the outbox.
        if (current.affiliation.status !== decision.decision) {
          const hub = await repo.findOrganisation(tx, organiserId)
          for (const person of await membersToNotify(tx, [participantId]))
            await deps.outbox.enqueue(tx, MAIL_TOPIC, {
              ...registrationDecisionMail({
                to: person.email,
                name: person.name,
                language: person.language,
                hub: hub?.legalName ?? '',
                organisation: current.organisation.legalName,
                decision: decision.decision,
                reason,
                url: `${deps.publicUrl}/`,
              }),
            })
        }
        await audit.record(tx, {
          actorUserId: actor.userId,
          organisationId: participantId,
          action: `participant.${decision.decision}`,
          subjectType: 'organisation',
          subjectId: participantId,
          before: { status: current.affiliation.status },
          after: { status: decision.decision, reason, organiserId },
        })
        const updated = await repo.findAffiliation(tx, { organiserId, participantId })
        return toParticipantDto(updated!.affiliation, updated!.organisation)
      })
    },

    /** A hub invites an SME or buyer: the organisation exists at once, validated; its admin completes the profile. */
    async inviteParticipant(
      actor: Actor,
      organiserId: string,
      input: { email: string; kind: 'sme' | 'buyer'; legalName: string },
    ): Promise<Invitation> {
      return db.transaction(async (tx) => {
        const organisation = await repo.insertOrganisation(tx, { kind: input.kind, legalName: input.legalName })
        await validatedBy(tx, actor, { organiserId, participantId: organisation.id })
        await audit.record(tx, {
          actorUserId: actor.userId,
          organisationId: organisation.id,
          action: 'participant.invited',
          subjectType: 'organisation',
          subjectId: organisation.id,
          after: { organiserId, kind: input.kind, legalName: input.legalName },
        })
        return sendInvitation(tx, actor, organisation, { email: input.email, role: 'admin' })
      })
    },

    /** The operator opens the platform to a hub or an authority: the organisation and an invitation for its first admin. */
    async createWithAdminInvitation(input: {
      kind: OrganisationKind
      legalName: string
      country: string
      nuts2?: string | undefined
      email: string
    }) {
      return db.transaction(async (tx) => {
        const vatless = { country: input.country, ...(input.nuts2 ? { nuts2: input.nuts2 } : {}) }
        validateProfile(vatless, 'options')
        const organisation = await repo.insertOrganisation(tx, {
          kind: input.kind,
          legalName: input.legalName,
          ...vatless,
        })
        await audit.record(tx, {
          organisationId: organisation.id,
          action: 'organisation.created',
          subjectType: 'organisation',
          subjectId: organisation.id,
          after: { kind: input.kind, legalName: input.legalName },
        })
        const invitation = await sendInvitation(tx, { userId: null }, organisation, {
          email: input.email,
          role: 'admin',
        })
        return { organisation: toOrganisationDto(organisation), invitation }
      })
    },

    /**
     * In the caller's transaction (a hub importing a TED notice): the public buyer the notice names,
     * created the first time, and affiliated to the hub as validated unless the hub has decided already.
     */
    async publicBuyerFor(
      tx: DbOrTx,
      actor: Actor,
      {
        organiserId,
        buyer,
      }: { organiserId: string; buyer: { legalName: string; country: string | null; nuts2: string | null } },
    ): Promise<{ id: string; legalName: string; created: boolean }> {
      const existing = await repo.findPublicBuyer(tx, buyer)
      const organisation =
        existing ??
        (await repo.insertOrganisation(tx, {
          kind: 'buyer',
          publicBuyer: true,
          legalName: buyer.legalName,
          country: buyer.country,
          nuts2: buyer.nuts2,
        }))
      if (!existing)
        await audit.record(tx, {
          actorUserId: actor.userId,
          organisationId: organisation.id,
          action: 'organisation.created',
          subjectType: 'organisation',
          subjectId: organisation.id,
          after: { kind: 'buyer', publicBuyer: true, legalName: buyer.legalName, organiserId },
        })
      if (await validatedBy(tx, actor, { organiserId, participantId: organisation.id }))
        await deps.outbox.enqueue(tx, ORGANISATION_CHANGED, { organisationId: organisation.id })
      return { id: organisation.id, legalName: organisation.legalName, created: !existing }
    },

    /** The public buyers a hub has validated: whose tenders the hub sees and manages. */
    publicBuyersOf: (organiserId: string) => repo.publicBuyersOf(db, organiserId),

    /** The hub named so (any case), when exactly one is: for the command line and the TED poller's settings. */
    async organiserNamed(name: string): Promise<{ id: string; legalName: string } | { found: number }> {
      const hubs = (await repo.listOrganisers(db)).filter((hub) => hub.legalName.toLowerCase() === name.toLowerCase())
      return hubs.length === 1 ? hubs[0]! : { found: hubs.length }
    },

    async listPublicOrganisers() {
      const rows = await repo.listOrganisers(db)
      return rows.map((row) => ({
        id: row.id,
        legalName: row.legalName,
        country: row.country ?? '',
        ...(row.nuts2 ? { nuts2: row.nuts2 } : {}),
      }))
    },
  }
}
export type OrganisationsService = ReturnType<typeof createOrganisationsService>

function toInvitationDto(
  row: { id: string; email: string; role: Role; expiresAt: Date; acceptedAt: Date | null },
  organisation: repo.OrganisationRow,
  inviterName: string,
): Invitation {
  return {
    id: row.id,
    email: row.email,
    role: row.role,
    organisation: { id: organisation.id, legalName: organisation.legalName, kind: organisation.kind },
    invitedBy: inviterName,
    expiresAt: row.expiresAt.toISOString(),
    ...(row.acceptedAt ? { acceptedAt: row.acceptedAt.toISOString() } : {}),
  }
}

function toParticipantDto(
  affiliation: { status: AffiliationStatus; reason: string | null; registeredAt: Date; decidedAt: Date | null },
  organisation: repo.OrganisationRow,
): Participant {
  return {
    organisation: {
      id: organisation.id,
      legalName: organisation.legalName,
      kind: organisation.kind,
      country: organisation.country ?? '',
      ...(organisation.nuts2 ? { nuts2: organisation.nuts2 } : {}),
    },
    status: affiliation.status,
    ...(affiliation.reason ? { reason: affiliation.reason } : {}),
    registeredAt: affiliation.registeredAt.toISOString(),
    ...(affiliation.decidedAt ? { decidedAt: affiliation.decidedAt.toISOString() } : {}),
  }
}
