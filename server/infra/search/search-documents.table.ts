import { sql } from 'drizzle-orm'
import { customType } from 'drizzle-orm/pg-core'
import { bigint, index, integer, jsonb, pgTable, primaryKey, text } from 'drizzle-orm/pg-core'

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' })

/**
 * The embedded search engine's index: one row per indexed document, written
 * only by the search worker (like a Meilisearch index), never by features.
 */
export const searchDocuments = pgTable(
  'search_documents',
  {
    index: text('index').notNull(),
    id: text('id').notNull(),
    doc: jsonb('doc').notNull(),
    /** Title (A), keywords (B), description (C), in the text's language and in `simple` for names and codes. */
    tsv: tsvector('tsv').notNull(),
    cpv: text('cpv').array().notNull(),
    nace: text('nace'),
    naceSection: text('nace_section'),
    s3: text('s3'),
    region: text('region'),
    trl: integer('trl'),
    sizeClass: text('size_class'),
    buyerType: text('buyer_type'),
    deadline: bigint('deadline', { mode: 'number' }),
    language: text('language').notNull(),
    audience: text('audience').array().notNull(),
    organisationId: text('organisation_id').notNull(),
    updatedAt: bigint('updated_at', { mode: 'number' }).notNull(),
  },
  (t) => [
    primaryKey({ name: 'search_documents_pk', columns: [t.index, t.id] }),
    index('search_documents_tsv_idx').using('gin', t.tsv),
    index('search_documents_cpv_idx').using('gin', t.cpv),
    index('search_documents_audience_idx').using('gin', t.audience),
    index('search_documents_filters_idx').on(t.index, t.region, t.trl),
  ],
)

/** Every word the index holds, accent-folded: the dictionary typo correction picks its suggestions from. */
export const searchWords = pgTable('search_words', { word: text('word').primaryKey() }, (t) => [
  index('search_words_trgm_idx').using('gin', sql`${t.word} gin_trgm_ops`),
])
