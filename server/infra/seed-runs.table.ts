import { pgTable, text, timestamptz } from './columns.js'

/** Which data sets have been loaded, so `npm start` loads demo data once. */
export const seedRuns = pgTable('seed_runs', {
  name: text('name').primaryKey(),
  version: text('version').notNull(),
  loadedAt: timestamptz('loaded_at').notNull().defaultNow(),
})
