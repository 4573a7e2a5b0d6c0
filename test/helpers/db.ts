import { randomBytes } from 'node:crypto'
import postgres from 'postgres'

export const TEMPLATE_DATABASE = 'mtb_template'

interface Teardown {
  teardown(fn: () => unknown): void
}

/** The test server, from `npm test` (test/run.ts), which migrates the template once. */
export function testServerUrl(): string {
  const url = process.env.TEST_DATABASE_URL
  if (!url)
    throw new Error('TEST_DATABASE_URL is not set: run tests through `npm test` (add file names to run only those).')
  return url
}

function urlFor(database: string): string {
  const url = new URL(testServerUrl())
  url.pathname = `/${database}`
  return url.toString()
}

/**
 * A fresh, migrated database for one test file: a copy of the template, so
 * files run in parallel without seeing each other's rows. Dropped on teardown.
 */
export async function createTestDatabase(t: Teardown): Promise<string> {
  const name = `test_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`
  const admin = postgres(testServerUrl(), { max: 1, onnotice: () => {} })
  try {
    await admin.unsafe(`create database "${name}" template "${TEMPLATE_DATABASE}"`)
  } finally {
    await admin.end()
  }
  t.teardown(async () => {
    const dropper = postgres(testServerUrl(), { max: 1, onnotice: () => {} })
    await dropper.unsafe(`drop database if exists "${name}" with (force)`)
    await dropper.end()
  })
  return urlFor(name)
}
