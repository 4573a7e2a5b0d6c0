import type {
  Need,
  NeedInput,
  NeedPatch,
  Offer,
  OfferInput,
  OfferPatch,
  SearchQuery,
  SearchResult,
} from '../../../shared/schemas/catalogue.js'
import { DEADLINE_BUCKET_DAYS, FACETS } from '../../../shared/schemas/catalogue.js'
import type { Clock } from '../../infra/clock.js'
import type { AuthContext } from '../../infra/access.js'
import type { Database, DbOrTx } from '../../infra/db.js'
import type { Outbox } from '../../infra/outbox.js'
import { commonProblems } from '../../infra/problems.js'
import type { IndexName, SearchEngine } from '../../infra/search/search.types.js'
import type { AuditService } from '../audit/audit.service.js'
import type { OrganisationRow } from '../organisations/organisations.repository.js'
import type { OrganisationsService } from '../organisations/organisations.service.js'
import { catalogueProblems as problems } from './catalogue.errors.js'
import { needDocument, offerDocument } from './catalogue.documents.js'
import { codeErrors } from './catalogue.model.js'
import * as repo from './catalogue.repository.js'
import { enqueueRecomputeForOrganisation } from '../matching/recommendations.triggers.js'

export const SEARCH_SYNC_TOPIC = 'search.sync'

/** A need as an import writes it (a TED notice's lot): public, published or archived. */
export interface ImportedNeed {
  title: string
  description: string
  language: string
  cpvCodes: string[]
  deadline: string | null
  status: 'published' | 'archived'
}

const DAY = 86_400_000

export interface CatalogueDeps {
  db: Database
  clock: Clock
  outbox: Pick<Outbox, 'enqueue'>
  audit: Pick<AuditService, 'record'>
  search: () => SearchEngine
  organisations: Pick<OrganisationsService, 'findOrganisationRow'>
}

const optional = <T extends object>(value: T) =>
  Object.fromEntries(Object.entries(value).filter(([, v]) => v !== null && v !== undefined))

function toOfferDto(offer: repo.OfferRow, organisation: OrganisationRow): Offer {
  const { organisationId: _o, createdAt, updatedAt, ...rest } = offer
  return {
    ...(optional(rest) as Omit<Offer, 'organisation' | 'createdAt' | 'updatedAt'>),
    organisation: { id: organisation.id, legalName: organisation.legalName },
    createdAt: createdAt.toISOString(),
    updatedAt: updatedAt.toISOString(),
  }
}

function toNeedDto(need: repo.NeedRow, organisation: OrganisationRow): Need {
  const { organisationId: _o, createdAt, updatedAt, ...rest } = need
  return {
    ...(optional(rest) as Omit<Need, 'organisation' | 'createdAt' | 'updatedAt'>),
    organisation: { id: organisation.id, legalName: organisation.legalName },
    createdAt: createdAt.toISOString(),
    updatedAt: updatedAt.toISOString(),
  }
}

function checkOffer(input: OfferPatch, prefix: string): void {
  const errors = codeErrors(input, prefix)
  if (errors.length > 0) throw commonProblems.validation(`Check ${errors.map((e) => e.field).join(', ')}`, errors)
}

/** What the schema cannot check: codes in their vocabularies, budget order, and that selected SMEs exist. */
async function checkNeed(tx: DbOrTx, input: NeedPatch, prefix: string): Promise<void> {
  const errors = codeErrors(input, prefix)
  if (input.budgetMinEur !== undefined && input.budgetMaxEur !== undefined && input.budgetMinEur > input.budgetMaxEur) {
    errors.push({ field: `${prefix}.budgetMaxEur`, code: 'minimum', message: 'must not be below budgetMinEur' })
  }
  if (input.visibleTo && input.visibleTo.length > 0) {
    const known = await repo.existingOrganisations(tx, input.visibleTo)
    input.visibleTo.forEach((id, i) => {
      if (!known.includes(id))
        errors.push({
          field: `${prefix}.visibleTo.${i}`,
          code: 'organisation',
          message: 'is not an SME on the platform',
        })
    })
  }
  if (errors.length > 0) throw commonProblems.validation(`Check ${errors.map((e) => e.field).join(', ')}`, errors)
}

export function createCatalogueService(deps: CatalogueDeps) {
  const { db } = deps
  const enqueueSync = (tx: DbOrTx, index: IndexName, id: string) =>
    deps.outbox.enqueue(tx, SEARCH_SYNC_TOPIC, { index, id })
  /** After the index sync (the worker keeps the order): recommendations of the events where the owner is selected. */
  const listingChanged = async (
    tx: DbOrTx,
    { index, id, organisationId }: { index: IndexName; id: string; organisationId: string },
  ) => {
    await enqueueSync(tx, index, id)
    await enqueueRecomputeForOrganisation(deps.outbox, tx, organisationId)
  }
  const record = (
    tx: DbOrTx,
    actor: AuthContext,
    {
      organisationId,
      action,
      subjectId,
      after,
    }: { organisationId: string; action: string; subjectId: string; after?: unknown },
  ) =>
    deps.audit.record(tx, {
      actorUserId: actor.userId,
      organisationId,
      action,
      subjectType: action.split('.')[0]!.replace(/s$/, ''),
      subjectId,
      ...(after === undefined ? {} : { after }),
    })

  async function ownerOrganisation(tx: DbOrTx, organisationId: string, kind: 'sme' | 'buyer') {
    const organisation = await deps.organisations.findOrganisationRow(tx, organisationId)
    if (!organisation || organisation.kind !== kind) throw problems.wrongKind()
    return organisation
  }

  return {
    async createOffer(actor: AuthContext, organisationId: string, input: OfferInput): Promise<Offer> {
      return db.transaction(async (tx) => {
        const organisation = await ownerOrganisation(tx, organisationId, 'sme')
        checkOffer(input, 'body')
        const offer = await repo.insertOffer(tx, { ...input, organisationId })
        await record(tx, actor, {
          organisationId,
          action: 'offers.created',
          subjectId: offer.id,
          after: {
            title: offer.title,
            status: offer.status,
          },
        })
        await listingChanged(tx, { index: 'offers', id: offer.id, organisationId })
        return toOfferDto(offer, organisation)
      })
    },
    async updateOffer(
      actor: AuthContext,
      { organisationId, id, patch }: { organisationId: string; id: string; patch: OfferPatch },
    ): Promise<Offer> {
      return db.transaction(async (tx) => {
        const organisation = await ownerOrganisation(tx, organisationId, 'sme')
        checkOffer(patch, 'body')
        const offer = await repo.updateOfferRow(tx, { organisationId, id, values: patch })
        if (!offer) throw problems.offerNotFound()
        await record(tx, actor, { organisationId, action: 'offers.updated', subjectId: id, after: patch })
        await listingChanged(tx, { index: 'offers', id, organisationId })
        return toOfferDto(offer, organisation)
      })
    },
    async deleteOffer(actor: AuthContext, organisationId: string, id: string): Promise<void> {
      await db.transaction(async (tx) => {
        if (!(await repo.deleteOfferRow(tx, organisationId, id))) throw problems.offerNotFound()
        await record(tx, actor, { organisationId, action: 'offers.deleted', subjectId: id })
        await listingChanged(tx, { index: 'offers', id, organisationId })
      })
    },
    async listOffers(organisationId: string): Promise<Offer[]> {
      return (await repo.listOffersOf(db, organisationId)).map((row) => toOfferDto(row.offer, row.organisation))
    },
    async getOwnOffer(organisationId: string, id: string): Promise<Offer> {
      const row = await repo.findOffer(db, id)
      if (!row || row.offer.organisationId !== organisationId) throw problems.offerNotFound()
      return toOfferDto(row.offer, row.organisation)
    },
    /** A published offer of a validated SME, for buyers, hubs and the authority. */
    async viewOffer(id: string): Promise<Offer> {
      const row = await repo.findOffer(db, id)
      if (
        !row ||
        row.offer.status !== 'published' ||
        (await repo.validatingOrganisers(db, row.organisation.id)).length === 0
      )
        throw problems.offerNotFound()
      return toOfferDto(row.offer, row.organisation)
    },

    async createNeed(actor: AuthContext, organisationId: string, input: NeedInput): Promise<Need> {
      return db.transaction(async (tx) => {
        const organisation = await ownerOrganisation(tx, organisationId, 'buyer')
        await checkNeed(tx, input, 'body')
        const need = await repo.insertNeed(tx, {
          ...input,
          visibleTo: input.visibility === 'selected' ? input.visibleTo : [],
          organisationId,
        })
        await record(tx, actor, {
          organisationId,
          action: 'needs.created',
          subjectId: need.id,
          after: { title: need.title, status: need.status },
        })
        await listingChanged(tx, { index: 'needs', id: need.id, organisationId })
        return toNeedDto(need, organisation)
      })
    },
    async updateNeed(
      actor: AuthContext,
      { organisationId, id, patch }: { organisationId: string; id: string; patch: NeedPatch },
    ): Promise<Need> {
      return db.transaction(async (tx) => {
        const organisation = await ownerOrganisation(tx, organisationId, 'buyer')
        await checkNeed(tx, patch, 'body')
        const need = await repo.updateNeedRow(tx, { organisationId, id, values: patch })
        if (!need) throw problems.needNotFound()
        await record(tx, actor, { organisationId, action: 'needs.updated', subjectId: id, after: patch })
        await listingChanged(tx, { index: 'needs', id, organisationId })
        return toNeedDto(need, organisation)
      })
    },
    async deleteNeed(actor: AuthContext, organisationId: string, id: string): Promise<void> {
      await db.transaction(async (tx) => {
        if (!(await repo.deleteNeedRow(tx, organisationId, id))) throw problems.needNotFound()
        await record(tx, actor, { organisationId, action: 'needs.deleted', subjectId: id })
        await listingChanged(tx, { index: 'needs', id, organisationId })
      })
    },
    /**
     * In the caller's transaction (an import): creates the need, or brings it in line with the import.
     * Writes, audits and re-indexes only what changed; says whether anything did.
     */
    async writeImportedNeed(
      tx: DbOrTx,
      actor: { userId: string | null },
      {
        organisationId,
        id,
        values,
      }: { organisationId: string; id?: string | undefined; values: ImportedNeed | { status: 'archived' } },
    ): Promise<{ id: string; changed: boolean }> {
      const current = id ? (await repo.findNeed(tx, id))?.need : undefined
      if (id && current?.organisationId !== organisationId) throw problems.needNotFound()
      const next: ImportedNeed | undefined =
        'title' in values ? values : current && { ...current, cpvCodes: current.cpvCodes, status: values.status }
      if (!next) throw problems.needNotFound()
      const same =
        current &&
        current.title === next.title &&
        current.description === next.description &&
        current.language === next.language &&
        current.deadline === next.deadline &&
        current.status === next.status &&
        current.cpvCodes.join() === next.cpvCodes.join()
      if (same) return { id: current.id, changed: false }
      const { title, description, language, cpvCodes, deadline, status } = next
      const row = { title, description, language, cpvCodes, deadline, status }
      const need = current
        ? await repo.updateNeedRow(tx, { organisationId, id: current.id, values: row })
        : await repo.insertNeed(tx, { ...row, organisationId, visibility: 'public' })
      await deps.audit.record(tx, {
        actorUserId: actor.userId,
        organisationId,
        action: current ? 'needs.updated' : 'needs.created',
        subjectType: 'need',
        subjectId: need!.id,
        after: { title, status, deadline },
      })
      await listingChanged(tx, { index: 'needs', id: need!.id, organisationId })
      return { id: need!.id, changed: true }
    },
    /** The status of each need, for features that list needs they brought in. */
    async needStatuses(ids: string[]): Promise<Map<string, repo.NeedRow['status']>> {
      if (ids.length === 0) return new Map()
      return new Map((await repo.findNeeds(db, ids)).map((row) => [row.listing.id, row.listing.status]))
    },
    async listNeeds(organisationId: string): Promise<Need[]> {
      return (await repo.listNeedsOf(db, organisationId)).map((row) => toNeedDto(row.need, row.organisation))
    },
    async getOwnNeed(organisationId: string, id: string): Promise<Need> {
      const row = await repo.findNeed(db, id)
      if (!row || row.need.organisationId !== organisationId) throw problems.needNotFound()
      return toNeedDto(row.need, row.organisation)
    },
    /** A published need, if its visibility lets the viewer see it. */
    async viewNeed(viewer: AuthContext, id: string): Promise<Need> {
      const row = await repo.findNeed(db, id)
      const organisers = row ? await repo.validatingOrganisers(db, row.organisation.id) : []
      if (!row || row.need.status !== 'published' || organisers.length === 0) throw problems.needNotFound()
      const audience = needDocument(row.need, row.organisation, organisers).audience
      const mine = audienceOf(viewer)
      if (mine && !audience.some((a) => mine.includes(a))) throw problems.needNotFound()
      return toNeedDto(row.need, row.organisation)
    },

    /** Needs are searched while open: a need whose deadline has passed is no longer sourcing. */
    async search(viewer: AuthContext, index: IndexName, query: SearchQuery): Promise<SearchResult> {
      const { q, sort, page, pageSize, closesWithin, ...filters } = query
      const now = deps.clock.now().getTime()
      const needs = index === 'needs'
      const result = await deps.search().search(index, {
        q,
        sort,
        page,
        pageSize,
        filters: {
          ...filters,
          ...(needs
            ? {
                audience: audienceOf(viewer),
                openAt: now,
                ...(closesWithin ? { closesBy: now + closesWithin * DAY } : {}),
              }
            : {}),
        },
        facets: needs ? FACETS : FACETS.filter((facet) => facet !== 'buyerType'),
        ...(needs
          ? { deadlineBuckets: DEADLINE_BUCKET_DAYS.map((days) => ({ key: String(days), by: now + days * DAY })) }
          : {}),
      })
      return {
        hits: result.hits.map(({ doc, highlight }) => ({
          id: doc.id,
          organisationId: doc.organisationId,
          organisationName: doc.organisationName,
          title: doc.title,
          description: doc.description,
          language: doc.language,
          cpv: doc.cpv,
          ...(doc.trl ? { trl: doc.trl } : {}),
          ...(doc.region ? { region: doc.region } : {}),
          ...(doc.buyerType ? { buyerType: doc.buyerType } : {}),
          ...(doc.deadline ? { deadline: new Date(doc.deadline).toISOString().slice(0, 10) } : {}),
          highlight,
        })),
        total: result.total,
        page,
        pageSize,
        facets: result.facets as Record<string, Record<string, number>>,
        engine: deps.search().name,
      }
    },

    /** Brings the index in line with PostgreSQL: indexed when published by a validated organisation, removed otherwise. */
    async syncDocuments(index: IndexName, ids: string[]): Promise<void> {
      const engine = deps.search()
      const rows = index === 'offers' ? await repo.findOffers(db, ids) : await repo.findNeeds(db, ids)
      const organisers = await repo.validatingOrganisersOf(db, [...new Set(rows.map((row) => row.organisation.id))])
      const docs = rows.flatMap((row) => {
        const hubs = organisers.get(row.organisation.id) ?? []
        if (row.listing.status !== 'published' || hubs.length === 0) return []
        return [
          index === 'offers'
            ? offerDocument(row.listing as repo.OfferRow, row.organisation)
            : needDocument(row.listing as repo.NeedRow, row.organisation, hubs),
        ]
      })
      const indexed = new Set(docs.map((doc) => doc.id))
      await engine.upsert(index, docs)
      await engine.remove(
        index,
        ids.filter((id) => !indexed.has(id)),
      )
    },

    /** After an organisation changes (validated, profile edited): re-sync all its listings. */
    async syncOrganisation(tx: DbOrTx, organisationId: string): Promise<void> {
      const listings = await repo.listingIdsOf(tx, organisationId)
      for (const id of listings.offers) await enqueueSync(tx, 'offers', id)
      for (const id of listings.needs) await enqueueSync(tx, 'needs', id)
    },

    /** Rebuilds both indexes from PostgreSQL, calling `progress(done, total)` after each batch. */
    async reindex(
      progress: (done: number, total: number, index: IndexName) => void,
      batchSize = 500,
    ): Promise<Record<IndexName, number>> {
      const engine = deps.search()
      await engine.ensureIndexes()
      const done: Record<IndexName, number> = { offers: 0, needs: 0 }
      for (const index of ['offers', 'needs'] as const) {
        const total = await repo.countListings(db, index)
        await engine.clear(index)
        for (
          let ids = await repo.idsAfter(db, { index, after: '00000000-0000-0000-0000-000000000000', limit: batchSize });
          ids.length > 0;
          ids = await repo.idsAfter(db, { index, after: ids.at(-1)!, limit: batchSize })
        ) {
          await this.syncDocuments(index, ids)
          done[index] += ids.length
          progress(done[index], total, index)
        }
      }
      return done
    },
  }
}
export type CatalogueService = ReturnType<typeof createCatalogueService>

/** Who a viewer is, for need visibility: `undefined` means the authority, who reads everything. */
export function audienceOf(viewer: AuthContext): string[] | undefined {
  if (viewer.memberships.some((m) => m.kind === 'authority')) return undefined
  return [
    'public',
    ...viewer.memberships.filter((m) => m.kind === 'sme' || m.kind === 'organiser').map((m) => m.organisationId),
  ]
}
