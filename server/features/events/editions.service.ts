import { and, asc, eq, inArray } from 'drizzle-orm'
import type {
  Edition,
  EditionInput,
  EditionPatch,
  EventInput,
  EventPatch,
  KpiTargets,
  MtbEvent,
} from '../../../shared/schemas/events.js'
import type { FieldError } from '../../../shared/schemas/problem.js'
import { isNuts2, s3ByCode } from '../../../seeds/taxonomies/index.js'
import type { AuthContext } from '../../infra/access.js'
import type { Database, DbOrTx } from '../../infra/db.js'
import { commonProblems } from '../../infra/problems.js'
import type { AuditService } from '../audit/audit.service.js'
import { organisations } from '../organisations/organisations.table.js'
import { gridErrors, type DaySpec, type Slot } from './slot-grid.model.js'
import { slotsOfEvent } from './events.read.js'
import { editionOrganisers, editions, events } from './editions.table.js'
import { eventProblems } from './events.errors.js'

export const editionProblems = eventProblems

type EditionRow = typeof editions.$inferSelect
type EventRow = typeof events.$inferSelect

function fail(errors: FieldError[]): void {
  if (errors.length > 0) throw commonProblems.validation(`Check ${errors.map((e) => e.field).join(', ')}`, errors)
}

function editionErrors(input: EditionPatch, current?: EditionRow): FieldError[] {
  const errors: FieldError[] = []
  const start = input.periodStart ?? current?.periodStart
  const end = input.periodEnd ?? current?.periodEnd
  if (start && end && start > end)
    errors.push({ field: 'body.periodEnd', code: 'minimum', message: 'must not be before periodStart' })
  if (input.homeNuts2 && !isNuts2(input.homeNuts2))
    errors.push({ field: 'body.homeNuts2', code: 'nuts2', message: 'is not a NUTS-2 region' })
  input.targetS3?.forEach((code, i) => {
    if (!s3ByCode(code))
      errors.push({ field: `body.targetS3.${i}`, code: 's3', message: 'is not an S3 domain of the region' })
  })
  return errors
}

function eventErrors(input: EventPatch, current?: EventRow): FieldError[] {
  const grid = {
    timeZone: input.timeZone ?? current?.timeZone ?? '',
    days: (input.days ?? current?.days ?? []) as DaySpec[],
    slotMinutes: input.slotMinutes ?? current?.slotMinutes ?? 0,
    gapMinutes: input.gapMinutes ?? current?.gapMinutes ?? 0,
  }
  const errors: FieldError[] = gridErrors(grid).map((e) => ({ ...e, code: 'grid' }))
  const request = input.requestDeadline === undefined ? current?.requestDeadline?.toISOString() : input.requestDeadline
  const scheduling =
    input.schedulingDeadline === undefined ? current?.schedulingDeadline?.toISOString() : input.schedulingDeadline
  if (request && scheduling && new Date(request) > new Date(scheduling))
    errors.push({ field: 'body.schedulingDeadline', code: 'minimum', message: 'must not be before requestDeadline' })
  return errors
}

const toDate = (value: string | null | undefined) =>
  value === undefined ? undefined : value === null ? null : new Date(value)

function eventValues(input: EventPatch) {
  const { registrationDeadline, requestDeadline, schedulingDeadline, ...rest } = input
  return {
    ...rest,
    ...(registrationDeadline !== undefined ? { registrationDeadline: toDate(registrationDeadline) } : {}),
    ...(requestDeadline !== undefined ? { requestDeadline: toDate(requestDeadline) } : {}),
    ...(schedulingDeadline !== undefined ? { schedulingDeadline: toDate(schedulingDeadline) } : {}),
  }
}

function toEventDto(row: EventRow): MtbEvent {
  const optional = { externalOrganiser: row.externalOrganiser, venue: row.venue, virtualLinkBase: row.virtualLinkBase }
  const instants = {
    registrationDeadline: row.registrationDeadline,
    requestDeadline: row.requestDeadline,
    schedulingDeadline: row.schedulingDeadline,
  }
  return {
    id: row.id,
    editionId: row.editionId,
    name: row.name,
    kind: row.kind,
    format: row.format,
    timeZone: row.timeZone,
    days: row.days as MtbEvent['days'],
    slotMinutes: row.slotMinutes,
    gapMinutes: row.gapMinutes,
    tables: row.tables as MtbEvent['tables'],
    maxMeetingsPerParticipant: row.maxMeetingsPerParticipant,
    ...Object.fromEntries(Object.entries(optional).filter(([, v]) => v !== null)),
    ...Object.fromEntries(Object.entries(instants).flatMap(([k, v]) => (v ? [[k, v.toISOString()]] : []))),
    slotCount: slotsOfEvent(row).length,
    createdAt: row.createdAt.toISOString(),
  }
}

export function createEditionsService(deps: { db: Database; audit: Pick<AuditService, 'record'> }) {
  const { db, audit } = deps

  async function editionDto(tx: DbOrTx, row: EditionRow): Promise<Edition> {
    const owners = await tx
      .select({ id: organisations.id, legalName: organisations.legalName })
      .from(editionOrganisers)
      .innerJoin(organisations, eq(organisations.id, editionOrganisers.organiserId))
      .where(eq(editionOrganisers.editionId, row.id))
      .orderBy(asc(organisations.legalName))
    return {
      id: row.id,
      name: row.name,
      periodStart: row.periodStart,
      periodEnd: row.periodEnd,
      homeNuts2: row.homeNuts2,
      targetS3: row.targetS3,
      ...(row.budgetEur === null ? {} : { budgetEur: row.budgetEur }),
      kpiTargets: row.kpiTargets as KpiTargets,
      organisers: owners,
      createdAt: row.createdAt.toISOString(),
    }
  }

  async function mustFindEdition(tx: DbOrTx, id: string) {
    const [row] = await tx.select().from(editions).where(eq(editions.id, id))
    if (!row) throw editionProblems.editionNotFound()
    return row
  }

  async function mustFindEvent(tx: DbOrTx, id: string) {
    const [row] = await tx.select().from(events).where(eq(events.id, id))
    if (!row) throw editionProblems.eventNotFound()
    return row
  }

  return {
    async organisersOfEdition(editionId: string): Promise<string[]> {
      const rows = await db
        .select({ id: editionOrganisers.organiserId })
        .from(editionOrganisers)
        .where(eq(editionOrganisers.editionId, editionId))
      return rows.map((row) => row.id)
    },
    async organisersOfEvent(eventId: string): Promise<string[]> {
      const rows = await db
        .select({ id: editionOrganisers.organiserId })
        .from(events)
        .innerJoin(editionOrganisers, eq(editionOrganisers.editionId, events.editionId))
        .where(eq(events.id, eventId))
      return rows.map((row) => row.id)
    },

    async createEdition(actor: AuthContext, organiserId: string, input: EditionInput): Promise<Edition> {
      fail(editionErrors(input))
      return db.transaction(async (tx) => {
        const coOrganisers = input.coOrganiserIds.filter((id) => id !== organiserId)
        const found =
          coOrganisers.length === 0
            ? []
            : await tx
                .select({ id: organisations.id })
                .from(organisations)
                .where(and(inArray(organisations.id, coOrganisers), eq(organisations.kind, 'organiser')))
        fail(
          coOrganisers.flatMap((id, i) =>
            found.some((f) => f.id === id)
              ? []
              : [{ field: `body.coOrganiserIds.${i}`, code: 'organiser', message: 'is not a hub on the platform' }],
          ),
        )
        const { coOrganiserIds: _co, ...values } = input
        const [row] = await tx.insert(editions).values(values).returning()
        await tx
          .insert(editionOrganisers)
          .values([organiserId, ...coOrganisers].map((id) => ({ editionId: row!.id, organiserId: id })))
        await audit.record(tx, {
          actorUserId: actor.userId,
          organisationId: organiserId,
          action: 'edition.created',
          subjectType: 'edition',
          subjectId: row!.id,
          after: values,
        })
        return editionDto(tx, row!)
      })
    },

    async listEditions(organiserId: string): Promise<Edition[]> {
      const rows = await db
        .select({ edition: editions })
        .from(editions)
        .innerJoin(editionOrganisers, eq(editionOrganisers.editionId, editions.id))
        .where(eq(editionOrganisers.organiserId, organiserId))
        .orderBy(asc(editions.periodStart))
      return Promise.all(rows.map((row) => editionDto(db, row.edition)))
    },

    getEdition: async (id: string) => editionDto(db, await mustFindEdition(db, id)),

    async updateEdition(actor: AuthContext, id: string, patch: EditionPatch): Promise<Edition> {
      return db.transaction(async (tx) => {
        const current = await mustFindEdition(tx, id)
        fail(editionErrors(patch, current))
        const { coOrganiserIds: _co, ...values } = patch
        const [row] = await tx.update(editions).set(values).where(eq(editions.id, id)).returning()
        await audit.record(tx, {
          actorUserId: actor.userId,
          action: 'edition.updated',
          subjectType: 'edition',
          subjectId: id,
          before: current,
          after: row,
        })
        return editionDto(tx, row!)
      })
    },

    async createEvent(actor: AuthContext, editionId: string, input: EventInput): Promise<MtbEvent> {
      fail(eventErrors(input))
      return db.transaction(async (tx) => {
        await mustFindEdition(tx, editionId)
        const [row] = await tx
          .insert(events)
          .values({ ...eventValues(input), editionId } as typeof events.$inferInsert)
          .returning()
        await audit.record(tx, {
          actorUserId: actor.userId,
          action: 'event.created',
          subjectType: 'event',
          subjectId: row!.id,
          after: { name: row!.name, editionId },
        })
        return toEventDto(row!)
      })
    },

    async listEvents(editionId: string): Promise<MtbEvent[]> {
      const rows = await db.select().from(events).where(eq(events.editionId, editionId)).orderBy(asc(events.createdAt))
      return rows.map(toEventDto)
    },

    getEvent: async (id: string) => toEventDto(await mustFindEvent(db, id)),

    async updateEvent(actor: AuthContext, id: string, patch: EventPatch): Promise<MtbEvent> {
      return db.transaction(async (tx) => {
        const current = await mustFindEvent(tx, id)
        fail(eventErrors(patch, current))
        const [row] = await tx.update(events).set(eventValues(patch)).where(eq(events.id, id)).returning()
        await audit.record(tx, {
          actorUserId: actor.userId,
          action: 'event.updated',
          subjectType: 'event',
          subjectId: id,
          after: patch,
        })
        return toEventDto(row!)
      })
    },

    /** Inside a transaction pass its `tx`: a second pool connection while holding locks starves the pool under load. */
    async slotsOf(id: string, tx: DbOrTx = db): Promise<Slot[]> {
      return slotsOfEvent(await mustFindEvent(tx, id))
    },
  }
}
export type EditionsService = ReturnType<typeof createEditionsService>
