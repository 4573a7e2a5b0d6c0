import fc from 'fast-check'
import ajvCompiler from '@fastify/ajv-compiler'
import { toProblem } from '../../server/infra/problems.js'

/**
 * Inputs derived from a route's own schema: a valid sample, and fast-check
 * arbitraries that break it in one place (a missing or unknown property, a
 * wrong type, a value out of range or format), each with the field a 400
 * must name. An oracle built like the app's validator says whether a value
 * is valid, so a mutation the validator would coerce back into shape is
 * discarded instead of being counted as bad input.
 */

export interface JsonSchema {
  type?: string | string[]
  properties?: Record<string, JsonSchema>
  required?: string[]
  additionalProperties?: boolean | JsonSchema
  items?: JsonSchema
  minItems?: number
  maxItems?: number
  minLength?: number
  maxLength?: number
  pattern?: string
  format?: string
  enum?: unknown[]
  const?: unknown
  anyOf?: JsonSchema[]
  minimum?: number
  maximum?: number
  exclusiveMinimum?: number
  exclusiveMaximum?: number
  default?: unknown
  uniqueItems?: boolean
}

export type HttpPart = 'body' | 'querystring' | 'params'
type Validate = ((value: unknown) => boolean) & { errors?: unknown[] | null }

// The options server/app.ts gives fastify's validator: the same coercion, defaults and error list as the routes.
const compile = ajvCompiler()(
  {},
  { customOptions: { allErrors: true, removeAdditional: false, coerceTypes: 'array', useDefaults: true } },
)
const compiled = new WeakMap<object, Validate>()

/** Valid or not as the route's validator sees it, and the fields a 400 would name. */
export function check(schema: JsonSchema, part: HttpPart, value: unknown): { valid: boolean; fields: string[] } {
  let validate = compiled.get(schema)
  if (!validate) {
    validate = compile({ schema, method: 'POST', url: '/oracle', httpPart: part }) as Validate
    compiled.set(schema, validate)
  }
  const copy = value === undefined ? undefined : structuredClone(value)
  if (validate(copy)) return { valid: true, fields: [] }
  const problem = toProblem({ validation: validate.errors ?? [], validationContext: part })
  return { valid: false, fields: (problem.errors ?? []).map((e) => e.field) }
}

export type Hint = (name: string, schema: JsonSchema) => unknown

const FORMAT_SAMPLES: Record<string, string> = {
  email: 'someone@example.com',
  date: '2027-03-10',
  'date-time': '2027-03-10T09:00:00.000Z',
  uri: 'https://example.com/page',
  uuid: '6f1c2b4e-8a3d-4c5e-9f70-1a2b3c4d5e6f',
}

function mainBranch(schema: JsonSchema): JsonSchema {
  if (schema.anyOf) return mainBranch(schema.anyOf.find((s) => s.type !== 'null') ?? schema.anyOf[0]!)
  return schema
}

function typeOf(schema: JsonSchema): string | undefined {
  const s = mainBranch(schema)
  if (s.const !== undefined) return typeof s.const
  if (Array.isArray(s.type)) return s.type.find((t) => t !== 'null')
  return s.type ?? (s.properties ? 'object' : undefined)
}

function sampleString(s: JsonSchema): string {
  if (s.format && FORMAT_SAMPLES[s.format]) return FORMAT_SAMPLES[s.format]!
  const min = s.minLength ?? 0
  const max = s.maxLength ?? 40
  if (s.pattern) {
    const re = new RegExp(s.pattern, 'u')
    try {
      const found = fc
        .sample(fc.stringMatching(re), { numRuns: 200, seed: 7 })
        .find((v) => [...v].length >= min && [...v].length <= max)
      if (found !== undefined) return found
    } catch {
      // a pattern fast-check cannot generate from: fall through to a plain word
    }
  }
  return 'Sample text'.padEnd(Math.max(min, 1), 'x').slice(0, Math.max(max, 1))
}

/** A valid value for the schema (all properties present, so every field can be broken); `hint` supplies ids by property name. */
export function sample(schema: JsonSchema, hint: Hint, name = ''): unknown {
  const hinted = hint(name, schema)
  if (hinted !== undefined) return hinted
  if (schema.default !== undefined) return structuredClone(schema.default)
  const s = mainBranch(schema)
  if (s.const !== undefined) return s.const
  if (s.enum) return s.enum[0]
  switch (typeOf(s)) {
    case 'object':
      return Object.fromEntries(Object.entries(s.properties ?? {}).map(([key, sub]) => [key, sample(sub, hint, key)]))
    case 'array':
      return Array.from({ length: s.minItems ?? 1 }, (_, i) => sample(s.items ?? {}, hint, `${name}[${i}]`))
    case 'string':
      return sampleString(s)
    case 'integer':
    case 'number': {
      const low = s.minimum ?? (s.exclusiveMinimum !== undefined ? s.exclusiveMinimum + 1 : 1)
      return Math.min(low, s.maximum ?? Number.MAX_SAFE_INTEGER)
    }
    case 'boolean':
      return true
    case 'null':
      return null
    default:
      return 'sample'
  }
}

export interface Site {
  path: string[]
  schema: JsonSchema
  value: unknown
}

/** Every place in a value (itself, each property, each item) with the schema that governs it. */
export function sitesOf(schema: JsonSchema, value: unknown, path: string[] = []): Site[] {
  const s = mainBranch(schema)
  const here: Site = { path, schema: s, value }
  if (value !== null && typeof value === 'object' && !Array.isArray(value) && s.properties) {
    return [
      here,
      ...Object.entries(value as Record<string, unknown>).flatMap(([key, v]) =>
        s.properties![key] ? sitesOf(s.properties![key]!, v, [...path, key]) : [],
      ),
    ]
  }
  if (Array.isArray(value) && s.items)
    return [here, ...value.flatMap((v, i) => sitesOf(s.items!, v, [...path, String(i)]))]
  return [here]
}

function setAt(root: unknown, path: string[], next: unknown, remove = false): unknown {
  if (path.length === 0) return next
  const copy = structuredClone(root) as Record<string, unknown>
  let cursor = copy
  for (const key of path.slice(0, -1)) cursor = cursor[key] as Record<string, unknown>
  const last = path[path.length - 1]!
  if (remove) delete cursor[last]
  else cursor[last] = next
  return copy
}

export interface Mutation {
  value: unknown
  /** The field the 400 must name, e.g. `body.days.0.date`. */
  field: string
  kind: string
}

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype'])

/** Strings that break formats, patterns and enums: empty, blank, unicode of every plane, control characters, injections, near-misses. */
export const hostileString = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.string({ unit: 'grapheme', maxLength: 30 }),
  fc.string({
    unit: fc.constantFrom(
      '\u0000',
      '\u0007',
      '\b',
      '\t',
      '\n',
      '\r',
      '\u001b',
      '\u007f',
      '\u200b',
      '\u202e',
      '\ufeff',
      '\ud800',
      '\udfff',
    ),
    maxLength: 10,
  }),
  fc.constantFrom(
    '',
    ' ',
    '\u0000',
    'null',
    'undefined',
    'NaN',
    '-1',
    '1e309',
    '../../etc/passwd',
    '%00',
    '<script>alert(1)</script>',
    "' or 1=1 --",
    '{"$gt":""}',
    '6f1c2b4e-8a3d-4c5e-9f70-1a2b3c4d5e6',
    '6f1c2b4e-8a3d-4c5e-9f70-1a2b3c4d5e6fz',
    '00000000-0000-0000-0000-00000000000g',
    '2027-02-30',
    '2027-13-01',
    '24:61',
    'ITZZZZZ',
    'x@',
    '😀'.repeat(5),
  ),
)

/** Keys JSON parsing itself refuses (prototype poisoning) belong to the transport tests, not here. */
const safeKey = fc.string({ minLength: 1, maxLength: 12 }).filter((k) => !FORBIDDEN_KEYS.has(k))

const wrongTypes = fc.oneof(
  fc.constantFrom<unknown>({}, [1, 2], 'not a number', true, false, 12.5, -1, 0, { a: 1 }, [{}], [[]]),
  fc.dictionary(safeKey, fc.oneof(fc.string(), fc.integer(), fc.boolean()), { maxKeys: 3 }),
  fc.array(fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.constant(null)), { minLength: 2, maxLength: 4 }),
)

function repeatTo(length: number, unit: string): string {
  return unit.repeat(length)
}

/** Arbitraries that break the value at one site; the caller keeps those the validator rejects. */
function mutationsAt(root: unknown, site: Site, part: 'body' | 'query'): fc.Arbitrary<Mutation>[] {
  const s = site.schema
  const at = (next: unknown) => setAt(root, site.path, next)
  const field = [part, ...site.path].join('.')
  const out: fc.Arbitrary<Mutation>[] = [wrongTypes.map((v) => ({ value: at(v), field, kind: 'wrong type' }))]
  const value = site.value
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    const required = (s.required ?? []).filter((key) => key in (value as object))
    if (required.length > 0)
      out.push(
        fc.constantFrom(...required).map((key) => ({
          value: setAt(root, [...site.path, key], undefined, true),
          field: `${field}.${key}`,
          kind: 'missing required',
        })),
      )
    if (s.additionalProperties === false) {
      const key = safeKey.filter((k) => !(k in (s.properties ?? {})) && !k.includes('.'))
      out.push(
        fc
          .tuple(
            key,
            fc.oneof(
              fc.string(),
              fc.integer(),
              fc.boolean(),
              fc.constant(null),
              fc.dictionary(safeKey, fc.string(), { maxKeys: 2 }),
            ),
          )
          .map(([k, v]) => ({
            value: setAt(root, [...site.path, k], v),
            field: `${field}.${k}`,
            kind: 'unknown property',
          })),
      )
    }
  }
  if (typeof value === 'string' || typeOf(s) === 'string') {
    if (s.maxLength !== undefined) {
      const max = s.maxLength
      out.push(
        fc
          .tuple(fc.integer({ min: max + 1, max: max + 50 }), fc.constantFrom('a', 'é', '😀', ' '))
          .map(([n, unit]) => ({ value: at(repeatTo(n, unit)), field, kind: 'too long' })),
      )
      out.push(
        fc
          .integer({ min: 100_000, max: 400_000 })
          .map((n) => ({ value: at(repeatTo(n, 'x')), field, kind: 'huge string' })),
      )
    }
    if ((s.minLength ?? 0) > 0) out.push(fc.constant({ value: at(''), field, kind: 'too short' }))
    out.push(hostileString.map((v) => ({ value: at(v), field, kind: 'bad format, pattern or enum' })))
  }
  if (typeOf(s) === 'integer' || typeOf(s) === 'number') {
    const bounds: number[] = [
      1e300,
      -1e300,
      Number.MAX_SAFE_INTEGER + 2,
      -(2 ** 53) - 2,
      2 ** 31,
      -(2 ** 31) - 1,
      -1,
      0.5,
    ]
    if (s.minimum !== undefined) bounds.push(s.minimum - 1, s.minimum - 0.5)
    if (s.maximum !== undefined) bounds.push(s.maximum + 1, s.maximum + 0.5)
    out.push(
      fc
        .oneof(fc.constantFrom(...bounds), fc.double({ noNaN: true, noDefaultInfinity: true }))
        .map((v) => ({ value: at(v), field, kind: 'number out of range' })),
    )
    out.push(hostileString.map((v) => ({ value: at(v), field, kind: 'number as text' })))
  }
  if (Array.isArray(value)) {
    if (s.maxItems !== undefined) {
      const item = value[0] ?? sample(s.items ?? {}, () => undefined)
      const max = s.maxItems
      out.push(
        fc.integer({ min: max + 1, max: max + 5 }).map((n) => ({
          value: at(Array.from({ length: n }, () => structuredClone(item))),
          field,
          kind: 'too many items',
        })),
      )
    }
    if ((s.minItems ?? 0) > 0) out.push(fc.constant({ value: at([]), field, kind: 'too few items' }))
    out.push(wrongTypes.map((v) => ({ value: at([...value, v]), field: `${field}.${value.length}`, kind: 'bad item' })))
  }
  if (s.enum || s.const !== undefined)
    out.push(hostileString.map((v) => ({ value: at(v), field, kind: 'not in the enumeration' })))
  return out
}

/** One mutation somewhere in the value; the site is chosen first, so small schemas and deep fields get the same attention. */
export function mutations(schema: JsonSchema, base: unknown, part: 'body' | 'query'): fc.Arbitrary<Mutation> {
  const sites = sitesOf(schema, base)
  return fc.constantFrom(...sites).chain((site) => fc.oneof(...mutationsAt(base, site, part)))
}

/** Keeps the leaf strings and numbers of a valid value but swaps strings for hostile ones of a valid length. */
export function hostileButValid(schema: JsonSchema, base: unknown): fc.Arbitrary<{ value: unknown; field: string }> {
  const leaves = sitesOf(schema, base).filter(
    (site) =>
      typeof site.value === 'string' && !site.schema.format && !site.schema.enum && site.schema.const === undefined,
  )
  if (leaves.length === 0) return fc.constant({ value: base, field: 'body' })
  return fc.constantFrom(...leaves).chain((site) => {
    const max = site.schema.maxLength ?? 2000
    const min = site.schema.minLength ?? 0
    const text = fc.oneof(
      fc.string({ unit: 'binary', minLength: min, maxLength: Math.min(max, 200) }),
      fc.string({
        unit: fc.constantFrom(
          '\u0000',
          '\u0001',
          '\u001f',
          '\u007f',
          '\u2028',
          '\u202e',
          '\ud800',
          '\udc00',
          '\ufffe',
          '😀',
          'é',
          "'",
          '"',
          '\\',
          '%',
          '_',
          '*',
          '&',
          '|',
          '!',
          ':',
        ),
        minLength: Math.max(min, 1),
        maxLength: Math.min(max, 60),
      }),
      fc.constant(`${'ab '.repeat(Math.ceil(max / 3))}`.slice(0, max)),
    )
    return text.map((v) => ({ value: setAt(base, site.path, v), field: ['body', ...site.path].join('.') }))
  })
}
