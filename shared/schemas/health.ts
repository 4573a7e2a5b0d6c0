import { Type, type Static } from '@sinclair/typebox'

export const ComponentStateSchema = Type.Union([Type.Literal('up'), Type.Literal('down'), Type.Literal('degraded')])
export type ComponentState = Static<typeof ComponentStateSchema>

export const HealthComponentSchema = Type.Object({
  state: ComponentStateSchema,
  engine: Type.String({ description: 'Which implementation serves this concern' }),
  latencyMs: Type.Optional(Type.Number()),
  detail: Type.Optional(Type.String()),
})
export type HealthComponent = Static<typeof HealthComponentSchema>

export const HealthSchema = Type.Object({
  status: Type.Union([Type.Literal('ok'), Type.Literal('degraded'), Type.Literal('down')]),
  version: Type.String(),
  uptimeSeconds: Type.Number(),
  time: Type.String({ format: 'date-time' }),
  database: HealthComponentSchema,
  search: HealthComponentSchema,
  mail: HealthComponentSchema,
})
export type Health = Static<typeof HealthSchema>
