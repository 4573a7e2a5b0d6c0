import {
  OptionalKind,
  Type,
  type TNull,
  type TObject,
  type TOptional,
  type TPartial,
  type TProperties,
  type TSchema,
  type TUnion,
} from '@sinclair/typebox'

type Clearable<T extends TProperties> = {
  [K in keyof T]: T[K] extends TOptional<infer U extends TSchema> ? TOptional<TUnion<[U, TNull]>> : T[K]
}

/**
 * A PATCH body: every property optional and without its default, so a
 * partial update never resets a field the client did not send. With
 * `clearable`, the input's optional properties also accept `null`, which
 * clears them (a deadline removed, a venue no longer known).
 */
export function patchOf<T extends TProperties>(schema: TObject<T>): TPartial<TObject<T>>
export function patchOf<T extends TProperties>(
  schema: TObject<T>,
  options: { clearable: true },
): TPartial<TObject<Clearable<T>>>
export function patchOf<T extends TProperties>(schema: TObject<T>, options: { clearable?: boolean } = {}) {
  const properties = Object.fromEntries(
    Object.entries(schema.properties).map(([key, property]) => {
      const { default: _default, ...rest } = property as TSchema & { default?: unknown }
      if (options.clearable && OptionalKind in property) {
        const { [OptionalKind]: _optional, ...plain } = rest as TSchema & { [OptionalKind]?: unknown }
        return [key, nullable(plain as TSchema)]
      }
      return [key, rest]
    }),
  ) as T
  return Type.Partial(Type.Object(properties), { additionalProperties: false })
}

/**
 * `type: [T, 'null']` rather than `anyOf`: with type coercion on, Ajv would turn
 * a null into "" in a string branch of an anyOf, and a 0 into null in a null branch.
 */
export function nullable<T extends TSchema>(schema: T): TUnion<[T, TNull]> {
  return (
    typeof schema.type === 'string'
      ? Type.Unsafe({ ...schema, type: [schema.type, 'null'] })
      : Type.Union([schema, Type.Null()])
  ) as TUnion<[T, TNull]>
}
