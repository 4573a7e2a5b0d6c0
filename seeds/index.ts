import { eq } from 'drizzle-orm'
import type { Database, DbOrTx } from '../server/infra/db.js'
import { systemClock, type Clock } from '../server/infra/clock.js'
import { seedRuns } from '../server/infra/seed-runs.table.js'
import { demoAccounts } from './demo/accounts.js'
import { demoCatalogue } from './demo/catalogue.js'
import { demoEdition } from './demo/edition.js'
import { demoNetwork } from './demo/network.js'

/** What a data set may read besides the database: the app's clock, so dated demo data is placed around the day it is loaded. */
export interface DemoContext {
  clock: Clock
}

/**
 * Demo data sets, loaded by `npm start` into a database that has not seen
 * them. Each records itself in `seed_runs`, so a second start changes nothing.
 */
export interface DemoDataSet {
  name: string
  version: string
  load(db: DbOrTx, context: DemoContext): Promise<Record<string, number>>
}

export const demoDataSets: DemoDataSet[] = [demoAccounts, demoCatalogue, demoNetwork, demoEdition]

interface Log {
  info(message: string): void
}

export async function loadDemoData(
  db: Database,
  log: Log,
  sets: DemoDataSet[] = demoDataSets,
  clock: Clock = systemClock,
): Promise<string[]> {
  const loaded: string[] = []
  for (const set of sets) {
    const done = await db.transaction(async (tx) => {
      await tx.execute(`select pg_advisory_xact_lock(7240312)`)
      const [existing] = await tx.select().from(seedRuns).where(eq(seedRuns.name, set.name))
      if (existing) return false
      const counts = await set.load(tx, { clock })
      await tx.insert(seedRuns).values({ name: set.name, version: set.version })
      log.info(`demo data "${set.name}" loaded: ${JSON.stringify(counts)}`)
      return true
    })
    if (done) loaded.push(set.name)
  }
  return loaded
}
