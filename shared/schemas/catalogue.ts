import { Type, type Static } from '@sinclair/typebox'
import { patchOf } from './patch.js'
import { SizeClassSchema } from './accounts.js'

/** The catalogue: what SMEs offer and what buyers need, and searching both. */

const Uuid = Type.String({ format: 'uuid' })
const Cpv = Type.String({
  pattern: '^[0-9]{8}$',
  description: 'CPV 2008 code, 8 digits without the check digit, e.g. 34121000',
})
const Text = (max: number, min = 1) => Type.String({ minLength: min, maxLength: max })
const Tags = (max: number) =>
  Type.Array(Type.String({ minLength: 1, maxLength: 60 }), { maxItems: max, uniqueItems: true })

export const ListingStatusSchema = Type.Union([
  Type.Literal('draft'),
  Type.Literal('published'),
  Type.Literal('archived'),
])
export type ListingStatus = Static<typeof ListingStatusSchema>

export const CatalogueLanguageSchema = Type.String({
  pattern: '^[a-z]{2}$',
  description: 'ISO 639-1 language of the text, e.g. it, en, fr',
})

export const OfferInputSchema = Type.Object(
  {
    title: Text(160, 3),
    description: Text(5000, 10),
    language: CatalogueLanguageSchema,
    cpvMain: Cpv,
    cpvExtra: Type.Array(Cpv, { maxItems: 20, uniqueItems: true, default: [] }),
    naceCode: Type.Optional(Type.String({ pattern: '^[0-9]{2}(\\.[0-9]{1,2})?$' })),
    s3Domain: Type.Optional(Text(60)),
    trl: Type.Integer({ minimum: 1, maximum: 9, description: 'Technology readiness level, 1–9' }),
    keywords: Tags(20),
    certifications: Tags(20),
    capacity: Type.Optional(Text(500)),
    marketsServed: Type.Array(Type.String({ pattern: '^[A-Z]{2}$' }), { maxItems: 60, uniqueItems: true, default: [] }),
    status: Type.Optional(ListingStatusSchema),
  },
  { additionalProperties: false },
)
export type OfferInput = Static<typeof OfferInputSchema>
export const OfferPatchSchema = patchOf(OfferInputSchema)
export type OfferPatch = Static<typeof OfferPatchSchema>

export const OfferSchema = Type.Object({
  id: Uuid,
  organisation: Type.Object({ id: Uuid, legalName: Type.String() }),
  title: Type.String(),
  description: Type.String(),
  language: Type.String(),
  cpvMain: Type.String(),
  cpvExtra: Type.Array(Type.String()),
  naceCode: Type.Optional(Type.String()),
  s3Domain: Type.Optional(Type.String()),
  trl: Type.Integer(),
  keywords: Type.Array(Type.String()),
  certifications: Type.Array(Type.String()),
  capacity: Type.Optional(Type.String()),
  marketsServed: Type.Array(Type.String()),
  status: ListingStatusSchema,
  createdAt: Type.String({ format: 'date-time' }),
  updatedAt: Type.String({ format: 'date-time' }),
})
export type Offer = Static<typeof OfferSchema>

export const NeedVisibilitySchema = Type.Union([Type.Literal('public'), Type.Literal('selected')])

export const NeedInputSchema = Type.Object(
  {
    title: Text(160, 3),
    description: Text(5000, 10),
    language: CatalogueLanguageSchema,
    cpvCodes: Type.Array(Cpv, { minItems: 1, maxItems: 20, uniqueItems: true, description: 'Main code first' }),
    volume: Type.Optional(Text(200)),
    budgetMinEur: Type.Optional(Type.Integer({ minimum: 0 })),
    budgetMaxEur: Type.Optional(Type.Integer({ minimum: 0 })),
    deadline: Type.Optional(Type.String({ format: 'date' })),
    requiredCertifications: Tags(20),
    minTrl: Type.Optional(Type.Integer({ minimum: 1, maximum: 9 })),
    visibility: NeedVisibilitySchema,
    /** With visibility "selected": the SMEs that may see the need. */
    visibleTo: Type.Array(Uuid, { maxItems: 200, uniqueItems: true, default: [] }),
    status: Type.Optional(ListingStatusSchema),
  },
  { additionalProperties: false },
)
export type NeedInput = Static<typeof NeedInputSchema>
export const NeedPatchSchema = patchOf(NeedInputSchema)
export type NeedPatch = Static<typeof NeedPatchSchema>

export const NeedSchema = Type.Object({
  id: Uuid,
  organisation: Type.Object({ id: Uuid, legalName: Type.String() }),
  title: Type.String(),
  description: Type.String(),
  language: Type.String(),
  cpvCodes: Type.Array(Type.String()),
  volume: Type.Optional(Type.String()),
  budgetMinEur: Type.Optional(Type.Integer()),
  budgetMaxEur: Type.Optional(Type.Integer()),
  deadline: Type.Optional(Type.String({ format: 'date' })),
  requiredCertifications: Type.Array(Type.String()),
  minTrl: Type.Optional(Type.Integer()),
  visibility: NeedVisibilitySchema,
  visibleTo: Type.Array(Type.String()),
  status: ListingStatusSchema,
  createdAt: Type.String({ format: 'date-time' }),
  updatedAt: Type.String({ format: 'date-time' }),
})
export type Need = Static<typeof NeedSchema>

export const SearchQuerySchema = Type.Object(
  {
    q: Type.Optional(Type.String({ maxLength: 200 })),
    cpv: Type.Optional(
      Type.String({ pattern: '^[0-9]{2,8}$', description: 'CPV code or prefix (division 2 digits … code 8 digits)' }),
    ),
    nace: Type.Optional(Type.String({ pattern: '^[0-9]{2}(\\.[0-9]{1,2})?$' })),
    naceSection: Type.Optional(
      Type.String({ pattern: '^[A-U]$', description: 'NACE section letter, as the naceSection facet gives it' }),
    ),
    s3: Type.Optional(Type.String({ maxLength: 60 })),
    region: Type.Optional(
      Type.String({ pattern: '^[A-Z]{2}[0-9A-Z]{0,2}$', description: 'NUTS-2 code, or a country prefix' }),
    ),
    trlMin: Type.Optional(Type.Integer({ minimum: 1, maximum: 9 })),
    trlMax: Type.Optional(Type.Integer({ minimum: 1, maximum: 9 })),
    sizeClass: Type.Optional(SizeClassSchema),
    language: Type.Optional(Type.String({ pattern: '^[a-z]{2}$' })),
    buyerType: Type.Optional(
      Type.Union([Type.Literal('public'), Type.Literal('private')], {
        description: 'Needs: of public buyers (their TED tenders) or of private ones',
      }),
    ),
    closesWithin: Type.Optional(
      Type.Integer({ minimum: 1, maximum: 366, description: 'Needs: whose deadline is within this many days' }),
    ),
    sort: Type.Optional(
      Type.Union([Type.Literal('relevance'), Type.Literal('newest'), Type.Literal('trl'), Type.Literal('deadline')]),
    ),
    page: Type.Integer({ minimum: 1, maximum: 1000, default: 1 }),
    pageSize: Type.Integer({ minimum: 1, maximum: 100, default: 20 }),
  },
  { additionalProperties: false },
)
export type SearchQuery = Static<typeof SearchQuerySchema>

export const FACETS = [
  'cpvDivision',
  'naceSection',
  's3',
  'region',
  'trl',
  'sizeClass',
  'language',
  'buyerType',
] as const
/** The `closesWithin` facet of needs: how many close within each of these numbers of days. */
export const DEADLINE_BUCKET_DAYS = [7, 30, 90] as const
export type Facet = (typeof FACETS)[number]

export const SearchHitSchema = Type.Object({
  id: Uuid,
  organisationId: Uuid,
  organisationName: Type.String(),
  title: Type.String(),
  description: Type.String(),
  language: Type.String(),
  cpv: Type.Array(Type.String()),
  trl: Type.Optional(Type.Integer()),
  region: Type.Optional(Type.String()),
  buyerType: Type.Optional(Type.Union([Type.Literal('public'), Type.Literal('private')])),
  /** Needs: the day answers are due. */
  deadline: Type.Optional(Type.String({ format: 'date' })),
  /** Title and a description excerpt with matches wrapped in <mark></mark>; the rest is escaped. */
  highlight: Type.Object({ title: Type.String(), description: Type.String() }),
})
export type SearchHit = Static<typeof SearchHitSchema>

export const SearchResultSchema = Type.Object({
  hits: Type.Array(SearchHitSchema),
  total: Type.Integer(),
  page: Type.Integer(),
  pageSize: Type.Integer(),
  facets: Type.Record(Type.String(), Type.Record(Type.String(), Type.Integer())),
  engine: Type.String(),
})
export type SearchResult = Static<typeof SearchResultSchema>

export const TaxonomyEntrySchema = Type.Object({ code: Type.String(), label: Type.String(), labelOther: Type.String() })

/** Text to place in the CPV vocabulary: an offer's or need's title and description as the editor holds them. */
export const CpvSuggestionRequestSchema = Type.Object(
  {
    title: Type.String({ maxLength: 160 }),
    description: Type.String({ maxLength: 5000, default: '' }),
    language: CatalogueLanguageSchema,
    lang: Type.Union([Type.Literal('it'), Type.Literal('en')], {
      default: 'en',
      description: 'Language of the labels returned',
    }),
    limit: Type.Integer({ minimum: 1, maximum: 10, default: 5 }),
  },
  { additionalProperties: false },
)
export const CpvSuggestionSchema = Type.Object({
  ...TaxonomyEntrySchema.properties,
  /** 0–1: the share of the text's evidence this code and its narrower codes hold. */
  confidence: Type.Number({ minimum: 0, maximum: 1 }),
})
export type CpvSuggestionItem = Static<typeof CpvSuggestionSchema>
