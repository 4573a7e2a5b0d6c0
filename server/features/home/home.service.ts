import { PROFILE_FIELDS, type Home } from '../../../shared/schemas/home.js'
import { mayMeet, readParticipationStatus } from '../../../shared/lifecycles/participation.js'
import type { Clock } from '../../infra/clock.js'
import type { Database } from '../../infra/db.js'
import type { CatalogueService } from '../catalogue/catalogue.service.js'
import { eventOf } from '../events/events.read.js'
import type { OrganisationsService } from '../organisations/organisations.service.js'
import type { OutcomesServices } from '../outcomes/index.js'
import { meetingQuota } from '../participation/participation.read.js'
import type { ParticipationService } from '../participation/participation.service.js'
import type { RequestsService } from '../requests/requests.service.js'
import type { SchedulesService } from '../schedules/schedules.service.js'

export interface HomeDeps {
  db: Database
  clock: Clock
  organisations: OrganisationsService
  catalogue: CatalogueService
  participation: ParticipationService
  requests: RequestsService
  schedules: SchedulesService
  outcomes: OutcomesServices
}

type MyEvent = Awaited<ReturnType<ParticipationService['eventsOf']>>[number]

/**
 * The home page after sign-in: what the organisation should do next, each part read through the feature
 * that owns it. Hubs and the authority get the few parts that concern them.
 */
export function createHomeService(deps: HomeDeps) {
  const { clock } = deps

  async function listings(orgId: string, kind: string): Promise<number> {
    if (kind === 'sme') return (await deps.catalogue.listOffers(orgId)).length
    if (kind === 'buyer') return (await deps.catalogue.listNeeds(orgId)).length
    return 0
  }

  /** Pending requests to the organisation and, for a buyer, its accepted meetings against the quota. */
  async function requestsOf(orgId: string, kind: string, meeting: MyEvent[]) {
    const perEvent = await Promise.all(
      meeting.map(async (event) => ({ event, requests: await deps.requests.listRequests(event.eventId, orgId) })),
    )
    const requestsToAnswer = perEvent
      .flatMap(({ event, requests }) =>
        requests
          .filter((r) => r.status === 'pending' && r.toOrganisationId === orgId)
          .map((r) => ({
            requestId: r.id,
            eventId: event.eventId,
            eventName: event.eventName,
            fromName: r.fromName ?? '',
            createdAt: r.createdAt,
          })),
      )
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt))
    const quotas =
      kind !== 'buyer'
        ? []
        : await Promise.all(
            perEvent
              .filter(({ requests }) => requests.some((r) => r.status === 'pending' && r.toOrganisationId === orgId))
              .map(async ({ event, requests }) => {
                const { maxMeetingsPerParticipant } = await eventOf(deps.db, event.eventId)
                const quota = await meetingQuota(deps.db, {
                  maxPerPerson: maxMeetingsPerParticipant,
                  eventId: event.eventId,
                  organisationId: orgId,
                })
                const accepted = requests.filter((r) => r.status === 'accepted').length
                return { eventId: event.eventId, eventName: event.eventName, accepted, quota }
              }),
          )
    return { requestsToAnswer, quotas }
  }

  /** The first scheduled meeting still to start, over the events with a day from today on. */
  async function nextMeeting(orgId: string, meeting: MyEvent[]): Promise<Home['nextMeeting']> {
    const now = clock.now().toISOString()
    const today = now.slice(0, 10)
    const upcoming = meeting.filter((event) => event.days.some((day) => day.date >= addDays(today, -1)))
    const agendas = await Promise.all(upcoming.map((event) => deps.schedules.agenda(event.eventId, orgId)))
    const next = agendas
      .filter((agenda) => agenda.published)
      .flatMap((agenda) => agenda.items.map((item) => ({ agenda, item })))
      .filter(({ item }) => item.status === 'scheduled' && item.startsAt > now)
      .sort((a, b) => a.item.startsAt.localeCompare(b.item.startsAt))[0]
    if (!next) return null
    return {
      eventId: next.agenda.eventId,
      eventName: next.agenda.eventName,
      startsAt: next.item.startsAt,
      timeZone: next.agenda.timeZone,
      counterpartName: next.item.counterpartName,
      tableName: next.item.tableName,
      videoLink: next.item.videoLink,
    }
  }

  async function contractsToConfirm(orgId: string): Promise<Home['contractsToConfirm']> {
    const contracts = await deps.outcomes.contracts.listForOrganisation(orgId)
    return contracts
      .filter((c) => c.status === 'reported' && c.reportedByOrganisationId !== orgId)
      .map((c) => ({
        contractId: c.id,
        title: c.title,
        counterpartName: c.smeId === orgId ? c.buyerName : c.smeName,
        valueEur: c.valueEur,
      }))
  }

  async function reportsDue(orgId: string): Promise<number[]> {
    const performance = await deps.outcomes.performance.getPerformance(orgId)
    if (performance.baselineYear === null) return []
    const reported = new Set(performance.reports.map((r) => r.year))
    const thisYear = clock.now().getUTCFullYear()
    return [performance.baselineYear, ...performance.followUpYears].filter((y) => y < thisYear && !reported.has(y))
  }

  async function voucherRemaining(orgId: string): Promise<number | null> {
    const accounts = await deps.outcomes.vouchers.organisationVouchers(orgId)
    return accounts.length === 0 ? null : accounts.reduce((sum, account) => sum + account.remainingEur, 0)
  }

  async function participantHome(orgId: string, kind: string) {
    const [mine, open] = await Promise.all([deps.participation.eventsOf(orgId), deps.participation.openEvents(orgId)])
    const meeting = mine.filter((event) => mayMeet(readParticipationStatus(event.status) ?? undefined))
    const sme = kind === 'sme'
    const [listed, requests, next, contracts, due, vouchers] = await Promise.all([
      listings(orgId, kind),
      requestsOf(orgId, kind, meeting),
      nextMeeting(orgId, meeting),
      contractsToConfirm(orgId),
      sme ? reportsDue(orgId) : Promise.resolve([]),
      sme ? voucherRemaining(orgId) : Promise.resolve(null),
    ])
    return {
      listings: listed,
      openEvents: open
        .filter((event) => event.status === null || event.status === 'invited')
        .map((event) => ({
          eventId: event.eventId,
          eventName: event.eventName,
          editionName: event.editionName,
          firstDay: event.days[0]?.date ?? null,
          registrationDeadline: event.registrationDeadline,
          status: event.status,
        })),
      myEvents: mine
        .map((event) => ({ eventId: event.eventId, eventName: event.eventName, status: event.status }))
        .reverse(),
      ...requests,
      nextMeeting: next,
      contractsToConfirm: contracts,
      reportsDue: due,
      voucherRemainingEur: vouchers,
    }
  }

  return {
    async homeOf(orgId: string): Promise<Home> {
      const organisation = await deps.organisations.getOrganisation(orgId)
      const participant = organisation.kind === 'sme' || organisation.kind === 'buyer'
      const empty = {
        listings: 0,
        openEvents: [],
        myEvents: [],
        requestsToAnswer: [],
        quotas: [],
        nextMeeting: null,
        contractsToConfirm: [],
        reportsDue: [],
        voucherRemainingEur: null,
      }
      return {
        organisation: { id: organisation.id, name: organisation.legalName, kind: organisation.kind },
        missingProfileFields: participant ? PROFILE_FIELDS.filter((field) => !organisation[field]) : [],
        ...(participant ? await participantHome(orgId, organisation.kind) : empty),
        registrationsToValidate:
          organisation.kind === 'organiser' ? (await deps.organisations.listParticipants(orgId, 'pending')).length : 0,
      }
    },
  }
}
export type HomeService = ReturnType<typeof createHomeService>

function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`)
  date.setUTCDate(date.getUTCDate() + days)
  return date.toISOString().slice(0, 10)
}
