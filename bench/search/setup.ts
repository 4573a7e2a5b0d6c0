import { hash } from '@node-rs/argon2'
import postgres from 'postgres'
import { buildApp } from '../../server/app.js'
import { loadConfig } from '../../server/config.js'
import { createServices } from '../../server/features/index.js'
import { generateCatalogue } from './generate.js'

/** Bulk-loads the generated catalogue and builds the search index, as the benchmark and profiling need. */
export const PASSWORD = 'bench-password-2026'

export async function loadCatalogue(url: string, count: number) {
  const sql = postgres(url, { max: 4, onnotice: () => {} })
  const { organisations, offers } = generateCatalogue(count)
  const [hub] =
    await sql`insert into organisations (kind, legal_name, country, nuts2) values ('organiser', 'Bench hub', 'IT', 'ITC1') returning id`
  const [buyer] =
    await sql`insert into organisations (kind, legal_name, country, nuts2) values ('buyer', 'Bench buyer', 'DE', 'DE21') returning id`
  const [user] =
    await sql`insert into users (name, email, language, time_zone, password_hash) values ('Buyer', 'buyer@bench.example', 'en', 'Europe/Berlin', ${await hash(PASSWORD, { algorithm: 2 })}) returning id`
  await sql`insert into memberships (user_id, organisation_id, role) values (${user!.id}, ${buyer!.id}, 'admin')`
  const orgIds: string[] = []
  for (let i = 0; i < organisations.length; i += 1000) {
    const rows = organisations.slice(i, i + 1000).map((o) => ({
      kind: 'sme',
      legal_name: o.legalName,
      country: o.country,
      nuts2: o.nuts2,
      size_class: o.sizeClass,
      is_sme: true,
    }))
    orgIds.push(...(await sql`insert into organisations ${sql(rows)} returning id`).map((r) => r.id as string))
  }
  for (let i = 0; i < orgIds.length; i += 1000) {
    await sql`insert into affiliations ${sql(orgIds.slice(i, i + 1000).map((id) => ({ organiser_id: hub!.id, participant_id: id, status: 'validated' })))}`
  }
  for (let i = 0; i < offers.length; i += 1000) {
    const rows = offers.slice(i, i + 1000).map((o) => ({
      organisation_id: orgIds[o.organisationIndex],
      title: o.title,
      description: o.description,
      language: o.language,
      cpv_main: o.cpvMain,
      cpv_extra: o.cpvExtra,
      nace_code: o.naceCode,
      s3_domain: o.s3Domain,
      trl: o.trl,
      keywords: o.keywords,
      status: 'published',
    }))
    await sql`insert into offers ${sql(rows)}`
  }
  await sql.end()
}

export async function buildIndex(url: string, log: (message: string) => void): Promise<number> {
  const config = {
    ...loadConfig({
      DATABASE_URL: url,
      LOG_LEVEL: 'silent',
      SERVE_WEB: 'false',
      SEED_DEMO: 'false',
      MEILI_HOST: process.env.MEILI_HOST ?? '',
      MEILI_API_KEY: process.env.MEILI_API_KEY ?? '',
    }),
  }
  const app = await buildApp(config, { logger: false, outbox: { start: false } })
  await app.ready()
  const started = performance.now()
  let shown = 0
  await createServices(app, config).catalogue.reindex((done, total) => {
    if (done - shown >= total / 10 || done === total) {
      shown = done
      log(`  indexed ${done}/${total}`)
    }
  }, 1000)
  const seconds = (performance.now() - started) / 1000
  await app.close()
  return seconds
}
