import type { Edition, EditionInput, EditionPatch, KpiTargets } from '../../../../shared/schemas/events.js'

/** The edition form keeps numbers as typed text; these turn it into the request body and back. */

export const KPI_KEYS = [
  'events',
  'smesInvolved',
  'buyersOutsideTargeted',
  'buyersOutsideInvolved',
  'contracts',
  'turnoverChangePct',
  'exportChangePct',
] as const
export type KpiKey = (typeof KPI_KEYS)[number]

export interface EditionValues {
  name: string
  periodStart: string
  periodEnd: string
  homeNuts2: string
  targetS3: string[]
  budgetEur: string
  kpiTargets: Record<KpiKey, string>
  coOrganiserIds: string[]
}

export function emptyEdition(): EditionValues {
  const year = new Date().getFullYear()
  return {
    name: '',
    periodStart: `${year}-01-01`,
    periodEnd: `${year}-12-31`,
    homeNuts2: '',
    targetS3: [],
    budgetEur: '',
    kpiTargets: {
      events: '1',
      smesInvolved: '0',
      buyersOutsideTargeted: '0',
      buyersOutsideInvolved: '0',
      contracts: '0',
      turnoverChangePct: '0',
      exportChangePct: '0',
    },
    coOrganiserIds: [],
  }
}

export function fromEdition(edition: Edition, ownOrgId: string): EditionValues {
  const kpi = edition.kpiTargets
  return {
    name: edition.name,
    periodStart: edition.periodStart,
    periodEnd: edition.periodEnd,
    homeNuts2: edition.homeNuts2,
    targetS3: [...edition.targetS3],
    budgetEur: edition.budgetEur === undefined ? '' : String(edition.budgetEur),
    kpiTargets: Object.fromEntries(KPI_KEYS.map((key) => [key, String(kpi[key])])) as Record<KpiKey, string>,
    coOrganiserIds: edition.organisers.map((o) => o.id).filter((orgId) => orgId !== ownOrgId),
  }
}

function toNumber(text: string): number {
  const value = Number(text.replace(',', '.'))
  return Number.isFinite(value) ? value : Number.NaN
}

export function toEditionInput(values: EditionValues): EditionInput {
  const kpiTargets = Object.fromEntries(KPI_KEYS.map((key) => [key, toNumber(values.kpiTargets[key])])) as KpiTargets
  const input: EditionInput = {
    name: values.name.trim(),
    periodStart: values.periodStart,
    periodEnd: values.periodEnd,
    homeNuts2: values.homeNuts2,
    targetS3: values.targetS3,
    kpiTargets,
    coOrganiserIds: values.coOrganiserIds,
  }
  if (values.budgetEur.trim() !== '') input.budgetEur = toNumber(values.budgetEur)
  return input
}

/** An edit sends every field; an empty budget is sent as null, which clears it. */
export function toEditionPatch(values: EditionValues): EditionPatch {
  return { budgetEur: null, ...toEditionInput(values) }
}
