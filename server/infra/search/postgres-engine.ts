import { sql, type SQL } from 'drizzle-orm'
import type { Facet } from '../../../shared/schemas/catalogue.js'
import type { Database } from '../db.js'
import { probe } from '../probe.js'
import { searchDocuments, searchWords } from './search-documents.table.js'
import {
  escapeHtml,
  type DeadlineBucket,
  type EngineFilters,
  type EngineResult,
  type IndexName,
  type SearchDocument,
  type SearchEngine,
} from './search.types.js'

/**
 * PostgreSQL full text as a search engine: language-aware tsvectors over
 * accent-folded text (plus `simple` for names, codes and other languages),
 * prefix matching on the last word, typo correction from a trigram-indexed
 * dictionary of the indexed words, and facet counts in SQL over the matching
 * rows, all in one statement.
 */

const TEXT_CONFIGS: Record<string, string> = {
  it: 'italian',
  en: 'english',
  fr: 'french',
  de: 'german',
  es: 'spanish',
  pt: 'portuguese',
  nl: 'dutch',
  da: 'danish',
  fi: 'finnish',
  sv: 'swedish',
  hu: 'hungarian',
  ro: 'romanian',
  el: 'greek',
  lt: 'lithuanian',
}
const configOf = (language: string) => TEXT_CONFIGS[language] ?? 'simple'
const CONFIG_CASE = sql.raw(
  `(case doc->>'language' ${Object.entries(TEXT_CONFIGS)
    .map(([code, cfg]) => `when '${code}' then '${cfg}'`)
    .join(' ')} else 'simple' end)::regconfig`,
)
const MARK_OPEN = '\u0001'
const MARK_CLOSE = '\u0002'

const FACET_COLUMNS: Record<Exclude<Facet, 'cpvDivision'>, string> = {
  naceSection: 'nace_section',
  s3: 's3',
  region: 'region',
  trl: 'trl',
  sizeClass: 'size_class',
  language: 'language',
  buyerType: 'buyer_type',
}

/** Accent-folded lower-case words of a text, letters and digits only. */
export function foldWords(text: string): string[] {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
}

interface TokenInfo {
  token: string
  stop: boolean
  alternatives: string[]
}

/**
 * Each word of the query matches in Italian, English or as written; the last
 * one also as a prefix; a word the index has never seen also matches its
 * closest known words (typo tolerance). Words are ANDed, or ORed in `any`
 * mode (then stop words are dropped and ts_rank_cd orders by how many match).
 */
function buildTsQuery(tokens: TokenInfo[], match: 'all' | 'any' = 'all'): SQL | undefined {
  const groups = tokens
    .filter((info, i) => !info.stop || (match === 'all' && i === tokens.length - 1))
    .map((info) => {
      const isLast = info === tokens.at(-1)
      const terms = [info.token, ...info.alternatives].map(
        (w) =>
          sql`(to_tsquery('italian', ${w}) || to_tsquery('english', ${w}) || to_tsquery('simple', ${isLast ? `${w}:*` : w}))`,
      )
      return sql`(${sql.join(terms, sql` || `)})`
    })
  return groups.length === 0 ? undefined : sql`(${sql.join(groups, match === 'any' ? sql` || ` : sql` && `)})`
}

function filterClauses(index: IndexName, filters: EngineFilters): SQL[] {
  const clauses: SQL[] = [sql`index = ${index}`]
  if (filters.cpv) clauses.push(sql`cpv @> array[${filters.cpv}]::text[]`)
  if (filters.nace) clauses.push(sql`(nace = ${filters.nace} or nace like ${filters.nace + '.%'})`)
  if (filters.naceSection) clauses.push(sql`nace_section = ${filters.naceSection}`)
  if (filters.s3) clauses.push(sql`s3 = ${filters.s3}`)
  if (filters.region) clauses.push(sql`region like ${filters.region + '%'}`)
  if (filters.trlMin !== undefined) clauses.push(sql`trl >= ${filters.trlMin}`)
  if (filters.trlMax !== undefined) clauses.push(sql`trl <= ${filters.trlMax}`)
  if (filters.sizeClass) clauses.push(sql`size_class = ${filters.sizeClass}`)
  if (filters.language) clauses.push(sql`language = ${filters.language}`)
  if (filters.organisationId) clauses.push(sql`organisation_id = ${filters.organisationId}`)
  if (filters.audience) clauses.push(sql`audience && ${sql.param(filters.audience)}::text[]`)
  if (filters.buyerType) clauses.push(sql`buyer_type = ${filters.buyerType}`)
  if (filters.openAt !== undefined) clauses.push(sql`(deadline is null or deadline >= ${filters.openAt})`)
  if (filters.closesBy !== undefined) clauses.push(sql`deadline <= ${filters.closesBy}`)
  return clauses
}

/** Facet counts over the matched rows: one pass with grouping sets, plus the CPV divisions held in the prefix array. */
function facetSql(facets: readonly Facet[], buckets: readonly DeadlineBucket[] = []): SQL {
  const single = facets.filter((f): f is Exclude<Facet, 'cpvDivision'> => f !== 'cpvDivision')
  const parts: SQL[] = []
  if (single.length > 0) {
    const columns = single.map((f) => FACET_COLUMNS[f])
    const which = single.map((f, i) => `when grouping(${columns[i]}) = 0 then '${f}'`).join(' ')
    const value = `coalesce(${columns.map((c) => `${c}::text`).join(', ')})`
    parts.push(
      sql.raw(
        `select case ${which} end as facet, ${value} as value, count(*)::int as n from matched group by grouping sets (${columns.map((c) => `(${c})`).join(', ')})`,
      ),
    )
  }
  if (facets.includes('cpvDivision'))
    parts.push(
      sql.raw(`select 'cpvDivision', c, count(*)::int from matched, unnest(cpv) c where length(c) = 2 group by c`),
    )
  for (const bucket of buckets)
    parts.push(
      sql`select 'closesWithin', ${bucket.key}::text, count(*)::int from matched where deadline <= ${bucket.by}`,
    )
  if (parts.length === 0) return sql`'[]'::json`
  return sql`(select coalesce(json_agg(json_build_array(facet, value, n)), '[]'::json) from (${sql.join(parts, sql` union all `)}) f where value is not null)`
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
      index,
      id: doc.id,
      doc,
      tsv,
      cpv: doc.cpvPrefixes,
      nace: doc.nace ?? null,
      naceSection: doc.naceSection ?? null,
      s3: doc.s3 ?? null,
      region: doc.region ?? null,
      trl: doc.trl ?? null,
      sizeClass: doc.sizeClass ?? null,
      buyerType: doc.buyerType ?? null,
      deadline: doc.deadline ?? null,
      language: doc.language,
      audience: doc.audience,
      organisationId: doc.organisationId,
      updatedAt: doc.updatedAt,
    }
  }

  /** One statement per batch of 200 documents; a later version of a document replaces the earlier one. */
  async function upsertMany(index: IndexName, docs: SearchDocument[]) {
    const latest = [...new Map(docs.map((doc) => [doc.id, doc])).values()]
    for (let i = 0; i < latest.length; i += 200) {
      const batch = latest.slice(i, i + 200)
      const words = [
        ...new Set(
          batch
            .flatMap((doc) => foldWords(`${doc.title} ${doc.keywords.join(' ')} ${doc.description}`))
            .filter((w) => w.length >= 3 && w.length <= 40),
        ),
      ]
      if (words.length > 0)
        await db.execute(
          sql`insert into ${searchWords} (word) select unnest(${sql.param(words)}::text[]) on conflict do nothing`,
        )
      const rows = batch.map((doc) => rowOf(index, doc))
      await db
        .insert(searchDocuments)
        .values(rows as never)
        .onConflictDoUpdate({
          target: [searchDocuments.index, searchDocuments.id],
          set: Object.fromEntries(
            [
              'doc',
              'tsv',
              'cpv',
              'nace',
              'naceSection',
              's3',
              'region',
              'trl',
              'sizeClass',
              'buyerType',
              'deadline',
              'language',
              'audience',
              'organisationId',
              'updatedAt',
            ].map((key) => [key, sql.raw(`excluded.${searchDocuments[key as 'doc'].name}`)]),
          ),
        })
    }
  }

  /** Stop words, and for unknown words the closest words of the index, in one round trip. */
  async function analyse(q: string | undefined, match: 'all' | 'any'): Promise<TokenInfo[]> {
    const words = foldWords(q ?? '')
    // A long text in `any` mode: its first 32 distinct words, without typo alternatives (a long text has enough words right).
    const any = match === 'any'
    const tokens = any
      ? [...new Set(words.filter((w) => w.length >= 3 && !/^\d+$/.test(w)))].slice(0, 32)
      : words.slice(0, 12)
    if (tokens.length === 0) return []
    const rows = await db.execute<{ token: string; stop: boolean; alternatives: string[] }>(sql`
      select t.token,
        numnode(to_tsquery('italian', t.token)) = 0 and numnode(to_tsquery('english', t.token)) = 0 as stop,
        case when ${any} or length(t.token) < 4
               or exists (select 1 from ${searchWords} w where w.word = t.token)
               or (t.ord = ${tokens.length} and exists (select 1 from ${searchWords} w where w.word like t.token || '%'))
             then '{}'::text[]
             else coalesce((select array_agg(word) from (
               select word from ${searchWords} w where w.word % t.token and similarity(w.word, t.token) >= 0.4
               order by similarity(w.word, t.token) desc limit 3) s), '{}'::text[]) end as alternatives
      from unnest(${sql.param(tokens)}::text[]) with ordinality t(token, ord) order by t.ord`)
    return rows.map((row) => ({ token: row.token, stop: row.stop, alternatives: row.alternatives }))
  }

  return {
    name: 'postgres',
    ensureIndexes: async () => {},
    upsert: upsertMany,
    async remove(index, ids) {
      if (ids.length > 0)
        await db.execute(
          sql`delete from ${searchDocuments} where index = ${index} and id = any(${sql.param(ids)}::text[])`,
        )
    },
    async clear(index) {
      await db.execute(sql`delete from ${searchDocuments} where index = ${index}`)
    },
    async search(index, query): Promise<EngineResult> {
      const match = query.match ?? 'all'
      const tsquery = buildTsQuery(await analyse(query.q, match), match)
      const where = sql.join(
        [...filterClauses(index, query.filters), ...(tsquery ? [sql`tsv @@ ${tsquery}`] : [])],
        sql` and `,
      )
      const order = (p: string) =>
        sql.raw(
          query.sort === 'newest'
            ? `${p}updated_at desc, ${p}id`
            : query.sort === 'deadline'
              ? `${p}deadline asc nulls last, ${p}updated_at desc, ${p}id`
              : query.sort === 'trl'
                ? `${p}trl desc nulls last, ${p}updated_at desc, ${p}id`
                : `${p}rank desc, ${p}updated_at desc, ${p}id`,
        )
      // ts_headline re-parses every hit's text: the costliest part of a long any-words query, skipped when not wanted.
      const headline = (field: 'title' | 'description', options: string) =>
        tsquery && query.highlight !== false
          ? sql`ts_headline(${CONFIG_CASE}, d.doc->>${field}, ${tsquery}, ${options})`
          : sql`d.doc->>${field}`
      const marks = `StartSel=${MARK_OPEN}, StopSel=${MARK_CLOSE}`
      const [row] = await db.execute<{
        total: number
        hits: { doc: SearchDocument; title: string; description: string }[]
        facets: [Facet | 'closesWithin', string, number][]
      }>(sql`
        with matched as materialized (
          select id, ${tsquery ? sql`ts_rank_cd(tsv, ${tsquery})` : sql`0`} as rank, updated_at, trl, nace_section, s3, region, size_class, language, cpv, buyer_type, deadline
          from ${searchDocuments} where ${where}),
        page as (select id, rank, updated_at, trl, deadline from matched order by ${order('')} limit ${query.pageSize} offset ${(query.page - 1) * query.pageSize})
        select (select count(*)::int from matched) as total,
          (select coalesce(json_agg(json_build_object('doc', d.doc,
              'title', ${headline('title', `${marks}, HighlightAll=true`)},
              'description', ${headline('description', `${marks}, MaxWords=35, MinWords=15, MaxFragments=2, FragmentDelimiter=" … "`)}) order by ${order('p.')}), '[]'::json)
            from page p join ${searchDocuments} d on d.index = ${index} and d.id = p.id) as hits,
          ${facetSql(query.facets, query.deadlineBuckets)} as facets`)
      const counts: EngineResult['facets'] = Object.fromEntries(
        [...query.facets, ...(query.deadlineBuckets?.length ? ['closesWithin'] : [])].map((f) => [f, {}]),
      )
      for (const [facet, value, n] of row?.facets ?? []) counts[facet]![value] = n
      return {
        hits: (row?.hits ?? []).map((hit) => ({
          doc: hit.doc,
          highlight: { title: markToHtml(hit.title), description: markToHtml(hit.description) },
        })),
        total: row?.total ?? 0,
        facets: counts,
      }
    },
    health: () => probe('postgres', async () => void (await db.execute(sql`select 1`))),
  }
}
