import { sql } from 'drizzle-orm'
import type { Database } from './db.js'
import type { Clock } from './clock.js'
import { AppProblem, defineProblem } from './problems.js'
import { rateLimitHits } from './outbox.table.js'

export const rateLimited = defineProblem({ code: 'rate_limit.exceeded', status: 429, title: 'Too many requests' })

export interface RateRule {
  /** What is counted, e.g. `sign-in:ip:127.0.0.1`. */
  key: string
  limit: number
  windowSeconds: number
}

/**
 * Fixed-window counters in PostgreSQL, so every instance shares them. Throws a
 * 429 problem with `retryAfter` seconds when a rule is exceeded.
 */
export function createRateLimiter(db: Database, clock: Clock) {
  return {
    async consume(...rules: RateRule[]): Promise<void> {
      for (const rule of rules) {
        const nowMs = clock.now().getTime()
        const windowMs = rule.windowSeconds * 1000
        const windowStart = new Date(Math.floor(nowMs / windowMs) * windowMs)
        const [row] = await db
          .insert(rateLimitHits)
          .values({ key: rule.key, windowStart, count: 1 })
          .onConflictDoUpdate({
            target: [rateLimitHits.key, rateLimitHits.windowStart],
            set: { count: sql`${rateLimitHits.count} + 1` },
          })
          .returning({ count: rateLimitHits.count })
        if ((row?.count ?? 0) > rule.limit) {
          const retryAfter = Math.ceil((windowStart.getTime() + windowMs - nowMs) / 1000)
          throw new AppProblem(
            rateLimited,
            `Try again in ${retryAfter} s.`,
            undefined,
            { 'retry-after': String(retryAfter) },
            { retryAfter },
          )
        }
      }
    },
    /** Old windows are of no use; dropped now and then. */
    async prune(): Promise<void> {
      await db
        .delete(rateLimitHits)
        .where(
          sql`${rateLimitHits.windowStart} < ${new Date(clock.now().getTime() - 86_400_000).toISOString()}::timestamptz`,
        )
    },
  }
}
export type RateLimiter = ReturnType<typeof createRateLimiter>
