/**
 * Every table of the platform, for drizzle's relational queries and for
 * `drizzle-kit generate` (see drizzle.config.ts). Features add their
 * `*.table.ts` exports here.
 */
export * from './seed-runs.table.js'
export * from './outbox.table.js'
export * from '../features/accounts/accounts.table.js'
export * from '../features/organisations/organisations.table.js'
export * from '../features/audit/audit.table.js'
export * from './search/search-documents.table.js'
export * from '../features/catalogue/catalogue.table.js'
export * from '../features/events/editions.table.js'
export * from '../features/participation/participation.table.js'
export * from '../features/requests/requests.table.js'
export * from '../features/schedules/schedules.table.js'
export * from '../features/outcomes/outcomes.table.js'
export * from '../features/live/live.table.js'
export * from '../features/matching/recommendations.table.js'
export * from '../features/outcomes/kpi-totals.table.js'
export * from '../features/tenders/tenders.table.js'
