/**
 * What the scanners attack, read from the server's own OpenAPI description:
 * every GET operation with query parameters, with a plausible value for each
 * (the scanners mutate them), and the public JSON forms that sign people in.
 */

interface Schema {
  type?: string | string[]
  enum?: unknown[]
  const?: unknown
  format?: string
  minimum?: number
  anyOf?: Schema[]
  items?: Schema
  pattern?: string
  minLength?: number
}

interface Operation {
  parameters?: { in: string; name: string; required?: boolean; schema?: Schema }[]
}

export interface OpenApi {
  paths: Record<string, Record<string, Operation>>
}

export interface PostTarget {
  url: string
  body: Record<string, string>
}

const UUID_PARAM = '00000000-0000-4000-8000-000000000000'

/** A value the route's validation accepts, so the request reaches the code behind it. */
export function sampleValue(schema: Schema | undefined, name: string): string {
  if (!schema) return 'test'
  if (schema.enum && schema.enum.length > 0) return String(schema.enum[0])
  if (schema.const !== undefined) return String(schema.const)
  if (schema.anyOf && schema.anyOf.length > 0) return sampleValue(schema.anyOf[0], name)
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type
  if (type === 'integer' || type === 'number') return String(schema.minimum ?? 1)
  if (type === 'boolean') return 'true'
  if (type === 'array') return sampleValue(schema.items, name)
  if (schema.format === 'uuid') return UUID_PARAM
  if (schema.format === 'date') return '2026-03-10'
  if (schema.format === 'date-time') return '2026-03-10T09:00:00Z'
  if (schema.format === 'email') return 'someone@example.com'
  if (name === 'lang' || name === 'language') return 'it'
  return 'robot'.padEnd(schema.minLength ?? 0, 'x')
}

/** A quote and a keyword: a parameter whose schema refuses this can never carry an injection to the database. */
const PROBE = "robot' OR 'x'='x"

/** Free text the route's validation lets through unchanged: what an injection would travel in. */
export function carriesText(schema: Schema | undefined): boolean {
  if (!schema) return true
  if (schema.anyOf) return schema.anyOf.some(carriesText)
  const type = Array.isArray(schema.type) ? schema.type : [schema.type]
  if (schema.type !== undefined && !type.includes('string')) return schema.type === 'array' && carriesText(schema.items)
  if (schema.enum || schema.const !== undefined || schema.format) return false
  return !schema.pattern || new RegExp(schema.pattern, 'u').test(PROBE)
}

/**
 * GET URLs with every parameter filled (path parameters with the signed-in
 * hub's ids where known) and sqlmap's `*` after each value that carries free
 * text; URLs with no such value are left out.
 */
export function getTargets(spec: OpenApi, base: string, ids: Record<string, string>): string[] {
  const urls: string[] = []
  for (const [path, operations] of Object.entries(spec.paths)) {
    const get = operations.get
    if (!get || !path.startsWith('/api/') || path.includes('/auth/')) continue
    const parameters = get.parameters ?? []
    let marked = 0
    const value = (p: { name: string; schema?: Schema } | undefined, name: string) => {
      if (ids[name]) return ids[name]
      if (!carriesText(p?.schema)) return sampleValue(p?.schema, name)
      marked += 1
      return `${sampleValue(p?.schema, name)}*`
    }
    const concrete = path.replace(/\{(\w+)\}/g, (_match, name: string) =>
      value(
        parameters.find((p) => p.in === 'path' && p.name === name),
        name,
      ),
    )
    // An optional filter whose pattern the sample cannot meet is left out, or it would turn the whole request into a 400.
    const fits = (p: { required?: boolean; schema?: Schema }) =>
      p.required || !p.schema?.pattern || new RegExp(p.schema.pattern, 'u').test(sampleValue(p.schema, ''))
    const query = parameters.filter((p) => p.in === 'query' && fits(p)).map((p) => `${p.name}=${value(p, p.name)}`)
    if (marked > 0) urls.push(`${base}${concrete}${query.length > 0 ? `?${query.join('&')}` : ''}`)
  }
  return urls.sort()
}

export function postTargets(base: string): PostTarget[] {
  return [
    { url: `${base}/api/auth/password`, body: { email: 'nobody@example.com', password: 'not-the-password' } },
    { url: `${base}/api/auth/magic-link`, body: { email: 'nobody@example.com' } },
    { url: `${base}/api/auth/magic-link/verify`, body: { token: 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' } },
  ]
}
