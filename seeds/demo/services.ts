import type { AuthContext } from '../../server/infra/access.js'
import type { Clock } from '../../server/infra/clock.js'
import type { Database, DbOrTx } from '../../server/infra/db.js'
import type { LiveHub } from '../../server/infra/live.js'
import { createOutbox } from '../../server/infra/outbox.js'
import { createAuditService } from '../../server/features/audit/audit.service.js'
import { createEditionsService } from '../../server/features/events/editions.service.js'
import { createLiveService } from '../../server/features/live/live.service.js'
import { createOutcomesServices } from '../../server/features/outcomes/index.js'
import { createParticipationService } from '../../server/features/participation/participation.service.js'
import { createRequestsService } from '../../server/features/requests/requests.service.js'
import { createSchedulesService } from '../../server/features/schedules/schedules.service.js'

/** Seeded history is not news: nobody is listening while it is written, so live messages go nowhere. */
const quietHub: LiveHub = {
  publish: async () => {},
  publishMany: async () => {},
  since: async () => [],
  subscribe: () => () => {},
  connections: 0,
}

/**
 * The feature services the demo story is told through, on the seed's
 * transaction (their own transactions become savepoints of it) and on a clock
 * the story moves forward, so every rule a hub, an SME or a buyer meets in the
 * app holds for the demo rows too.
 */
export function storyServices(tx: DbOrTx, clock: Clock) {
  const db = tx as Database
  const outbox = createOutbox(db, { start: false })
  const audit = createAuditService(db)
  const base = { db, clock, outbox, audit, publicUrl: 'http://127.0.0.1:3000' }
  const editions = createEditionsService(base)
  return {
    editions,
    participation: createParticipationService(base),
    requests: createRequestsService(base),
    schedules: createSchedulesService({ ...base, editions }),
    live: createLiveService({ ...base, editions, live: () => quietHub }),
    outcomes: createOutcomesServices(base),
  }
}
export type StoryServices = ReturnType<typeof storyServices>

/** Who acts: the first member of an organisation, as its session would carry it. */
export function actorFor(
  userId: string,
  organisationId: string,
  kind: AuthContext['memberships'][number]['kind'],
): AuthContext {
  return {
    userId,
    sessionId: 'demo-data',
    csrfToken: 'demo-data',
    memberships: [{ organisationId, kind, role: 'admin' }],
  }
}
