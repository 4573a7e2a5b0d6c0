import { Type, type TObject, type TProperties } from '@sinclair/typebox'

/**
 * A PATCH body: every property optional and without its default, so a
 * partial update never resets a field the client did not send.
 */
export function patchOf<T extends TProperties>(schema: TObject<T>) {
  const properties = Object.fromEntries(
    Object.entries(schema.properties).map(([key, property]) => {
      const { default: _default, ...rest } = property as { default?: unknown }
      return [key, rest]
    }),
  ) as T
  return Type.Partial(Type.Object(properties), { additionalProperties: false })
}
