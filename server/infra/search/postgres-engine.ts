import { sql, type SQL } from 'drizzle-orm'
import type { Facet } from '../../../shared/schemas/catalogue.js'
import type { Database } from '../db.js'
import { probe } from '../probe.js'
import { searchDocuments } from './search-documents.table.js'
import { escapeHtml, type EngineFilters, type EngineResult, type IndexName, type SearchDocument, type SearchEngine } from './search.types.js'

/**
 * PostgreSQL full text as a search engine: language-aware tsvectors over
 * accent-folded text (plus `simple` for names, codes and other languages),
 * prefix matching on the last word, trigram similarity for typos, facet
 * counts in SQL over the matching rows.
 */

const TEXT_CONFIGS: Record<string, string> = {
  it: 'italian', en: 'english', fr: 'french', de: 'german', es: 'spanish', pt: 'portuguese', nl: 'dutch', da: 'danish',
  fi: 'finnish', sv: 'swedish', hu: 'hungarian', ro: 'romanian', el: 'greek', lt: 'lithuanian',
}
const configOf = (language: string) => TEXT_CONFIGS[language] ?? 'simple'
const CONFIG_CASE = sql.raw(
  `(case doc->>'language' ${Object.entries(TEXT_CONFIGS).map(([code, cfg]) => `when '${code}' then '${cfg}'`).join(' ')} else 'simple' end)::regconfig`,
)
const MARK_OPEN = '\u0001'
const MARK_CLOSE = '\u0002'

const FACET_COLUMNS: Record<Exclude<Facet, 'cpvDivision'>, string> = {
  naceSection: 'nace_section', s3: 's3', region: 'region', trl: 'trl', sizeClass: 'size_class', language: 'language',
}

/** Words of the query, accent-folded, letters and digits only; the last one also matches as a prefix. */
export function prefixQuery(q: string): string | undefined {
  const words = q.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean)
  if (words.length === 0) return undefined
  return words.map((word, i) => (i === words.length - 1 ? `${word}:*` : word)).join(' & ')
}

function textMatch(q: string | undefined): { where: SQL; rank: SQL; query: SQL } | undefined {
  const prefix = q ? prefixQuery(q) : undefined
  if (!q || !prefix) return undefined
  const query = sql`(websearch_to_tsquery('italian', immutable_unaccent(${q})) || websearch_to_tsquery('english', immutable_unaccent(${q})) || to_tsquery('simple', ${prefix}))`
  const folded = sql`lower(immutable_unaccent(${q}))`
  return {
    query,
    where: sql`(tsv @@ ${query} or ${folded} <% words)`,
    rank: sql`(ts_rank_cd(tsv, ${query}) + 0.3 * word_similarity(${folded}, words))`,
  }
}

function filterClauses(index: IndexName, filters: EngineFilters): SQL[] {
  const clauses: SQL[] = [sql`index = ${index}`]
  if (filters.cpv) clauses.push(sql`cpv @> array[${filters.cpv}]::text[]`)
  if (filters.nace) clauses.push(sql`(nace = ${filters.nace} or nace like ${filters.nace + '.%'})`)
  if (filters.s3) clauses.push(sql`s3 = ${filters.s3}`)
  if (filters.region) clauses.push(sql`region like ${filters.region + '%'}`)
  if (filters.trlMin !== undefined) clauses.push(sql`trl >= ${filters.trlMin}`)
  if (filters.trlMax !== undefined) clauses.push(sql`trl <= ${filters.trlMax}`)
  if (filters.sizeClass) clauses.push(sql`size_class = ${filters.sizeClass}`)
  if (filters.language) clauses.push(sql`language = ${filters.language}`)
  if (filters.organisationId) clauses.push(sql`organisation_id = ${filters.organisationId}`)
  if (filters.audience) clauses.push(sql`audience && ${sql.param(filters.audience)}::text[]`)
  return clauses
}

export function markToHtml(text: string): string {
  return escapeHtml(text).replaceAll(MARK_OPEN, '<mark>').replaceAll(MARK_CLOSE, '</mark>')
}

export function createPostgresEngine(db: Database): SearchEngine {
  function rowOf(index: IndexName, doc: SearchDocument) {
    const cfg = configOf(doc.language)
    const keywords = doc.keywords.join(' ')
    const tsv = sql`setweight(to_tsvector(${cfg}::regconfig, immutable_unaccent(${doc.title})), 'A')
      || setweight(to_tsvector('simple', immutable_unaccent(${doc.title + ' ' + doc.organisationName})), 'A')
      || setweight(to_tsvector(${cfg}::regconfig, immutable_unaccent(${keywords})), 'B')
      || setweight(to_tsvector('simple', immutable_unaccent(${keywords})), 'B')
      || setweight(to_tsvector(${cfg}::regconfig, immutable_unaccent(${doc.description})), 'C')
      || setweight(to_tsvector('simple', immutable_unaccent(${doc.description})), 'D')`
    return {
      index, id: doc.id, doc, tsv, words: sql`lower(immutable_unaccent(${doc.title + ' ' + keywords}))`,
      cpv: doc.cpvPrefixes, nace: doc.nace ?? null, naceSection: doc.naceSection ?? null, s3: doc.s3 ?? null,
      region: doc.region ?? null, trl: doc.trl ?? null, sizeClass: doc.sizeClass ?? null, language: doc.language,
      audience: doc.audience, organisationId: doc.organisationId, updatedAt: doc.updatedAt,
    }
  }

  /** One statement per batch of 200 documents; a later version of a document replaces the earlier one. */
  async function upsertMany(index: IndexName, docs: SearchDocument[]) {
    const latest = [...new Map(docs.map((doc) => [doc.id, doc])).values()]
    for (let i = 0; i < latest.length; i += 200) {
      const rows = latest.slice(i, i + 200).map((doc) => rowOf(index, doc))
      await db.insert(searchDocuments).values(rows as never).onConflictDoUpdate({
        target: [searchDocuments.index, searchDocuments.id],
        set: Object.fromEntries(
          ['doc', 'tsv', 'words', 'cpv', 'nace', 'naceSection', 's3', 'region', 'trl', 'sizeClass', 'language', 'audience', 'organisationId', 'updatedAt'].map((key) => [
            key,
            sql.raw(`excluded.${searchDocuments[key as 'doc'].name}`),
          ]),
        ),
      })
    }
  }

  async function facetCounts(where: SQL, text: ReturnType<typeof textMatch>, facets: readonly Facet[]) {
    const matched = sql`select * from ${searchDocuments} where ${where}${text ? sql` and ${text.where}` : sql``}`
    const parts = facets.map((facet) =>
      facet === 'cpvDivision'
        ? sql`select ${facet} as facet, d as value, count(*)::int as n from matched, jsonb_array_elements_text(doc->'cpvDivision') d group by d`
        : sql`select ${facet} as facet, ${sql.raw(FACET_COLUMNS[facet])}::text as value, count(*)::int as n from matched where ${sql.raw(FACET_COLUMNS[facet])} is not null group by 2`,
    )
    if (parts.length === 0) return {}
    const rows = await db.execute<{ facet: Facet; value: string; n: number }>(sql`with matched as (${matched}) ${sql.join(parts, sql` union all `)}`)
    const counts: Partial<Record<Facet, Record<string, number>>> = Object.fromEntries(facets.map((f) => [f, {}]))
    for (const row of rows) counts[row.facet]![row.value] = row.n
    return counts
  }

  return {
    name: 'postgres',
    ensureIndexes: async () => {},
    upsert: upsertMany,
    async remove(index, ids) {
      if (ids.length > 0) await db.execute(sql`delete from ${searchDocuments} where index = ${index} and id = any(${sql.param(ids)}::text[])`)
    },
    async clear(index) {
      await db.execute(sql`delete from ${searchDocuments} where index = ${index}`)
    },
    async search(index, query): Promise<EngineResult> {
      const where = sql.join(filterClauses(index, query.filters), sql` and `)
      const text = textMatch(query.q)
      const order =
        query.sort === 'newest' ? sql`updated_at desc` : query.sort === 'trl' ? sql`trl desc nulls last, updated_at desc` : text ? sql`rank desc, updated_at desc` : sql`updated_at desc`
      const headline = (field: 'title' | 'description', options: string) =>
        text ? sql`ts_headline(${CONFIG_CASE}, doc->>${field}, ${text.query}, ${options})` : sql`doc->>${field}`
      const marks = `StartSel=${MARK_OPEN}, StopSel=${MARK_CLOSE}`
      const rows = await db.execute<{ doc: SearchDocument; title: string; description: string; total: number }>(sql`
        select doc, ${headline('title', `${marks}, HighlightAll=true`)} as title,
               ${headline('description', `${marks}, MaxWords=35, MinWords=15, MaxFragments=2, FragmentDelimiter=" … "`)} as description,
               total::int
        from (select doc, ${text ? text.rank : sql`0`} as rank, updated_at, trl, count(*) over () as total
              from ${searchDocuments} where ${where}${text ? sql` and ${text.where}` : sql``}
              order by ${order} limit ${query.pageSize} offset ${(query.page - 1) * query.pageSize}) page
        order by ${order}`)
      const total = rows[0]?.total ?? (query.page > 1 ? await countAll(where, text) : 0)
      return {
        hits: rows.map((row) => ({ doc: row.doc, highlight: { title: markToHtml(row.title), description: markToHtml(row.description) } })),
        total,
        facets: await facetCounts(where, text, query.facets),
      }
    },
    health: () => probe('postgres', async () => void (await db.execute(sql`select 1`))),
  }

  async function countAll(where: SQL, text: ReturnType<typeof textMatch>) {
    const [row] = await db.execute<{ n: number }>(sql`select count(*)::int as n from ${searchDocuments} where ${where}${text ? sql` and ${text.where}` : sql``}`)
    return row?.n ?? 0
  }
}
