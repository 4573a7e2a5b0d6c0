import type { FastifyInstance } from 'fastify'
import type { EditionsService } from '../events/editions.service.js'
import { liveRoutes } from './live.routes.js'
import type { LiveService } from './live.service.js'

/** The event day: websockets, check-in, no-shows and re-pairing, feedback. Reminders run from live.jobs.ts. */
export default async function liveFeature(
  app: FastifyInstance,
  options: { live: LiveService; editions: EditionsService; publicUrl: string },
) {
  await app.register(liveRoutes, options)
}
