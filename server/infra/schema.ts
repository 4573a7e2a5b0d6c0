/**
 * Every table of the platform, for drizzle's relational queries and for
 * `drizzle-kit generate` (see drizzle.config.ts). Features add their
 * `*.table.ts` exports here.
 */
export * from './seed-runs.table.js'
