import { readFile } from 'node:fs/promises'
import { basename } from 'node:path'
import { parseArgs } from 'node:util'
import { buildApp } from '../app.js'
import { loadConfig } from '../config.js'
import { createServices } from '../features/index.js'
import type { NoticeReport } from '../features/tenders/tenders.service.js'
import type { CliCommand } from './index.js'

function line(report: NoticeReport): string {
  const notice = report.noticeId ? `${report.noticeId}${report.version ? `-${report.version}` : ''}` : '-'
  const lots = report.lots.length > 0 ? `${report.lots.length} lot${report.lots.length === 1 ? '' : 's'}` : ''
  const why = report.refusal
    ? `${report.refusal.code}${report.refusal.field ? ` ${report.refusal.field}` : ''}: ${report.refusal.message}`
    : ''
  return [report.file, report.outcome, notice, report.buyer ?? '', lots, why].join('\t')
}

/** Imports TED eForms notices (XML files or zips) for a hub; one line per notice, a summary on stderr. */
export const runImportTed: CliCommand['run'] = async (args, usage) => {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { hub: { type: 'string' }, json: { type: 'boolean' }, 'dry-run': { type: 'boolean' } },
  })
  if (!values.hub || positionals.length === 0) {
    process.stderr.write(`Usage: npm run --silent cli -- ${usage}\n`)
    return 2
  }
  const files = await Promise.all(
    positionals.map(async (path) => {
      const bytes = await readFile(path)
      const name = basename(path)
      return { name, content: /\.zip$/i.test(name) ? bytes.toString('base64') : bytes.toString('utf8') }
    }),
  )
  const config = { ...loadConfig(), serveWeb: false, seedDemo: false }
  const app = await buildApp(config, { logger: false, outbox: { start: false } })
  try {
    await app.ready()
    const services = createServices(app, config)
    const hub = await services.organisations.organiserNamed(values.hub)
    if ('found' in hub) {
      process.stderr.write(
        hub.found === 0 ? `No hub is named "${values.hub}".\n` : `${hub.found} hubs are named "${values.hub}".\n`,
      )
      return 2
    }
    const actor = { userId: null }
    const reports = values['dry-run']
      ? await services.tenders.preview(actor, hub.id, files)
      : await services.tenders.importNotices(actor, hub.id, files)
    if (values.json) process.stdout.write(`${JSON.stringify(reports, null, 2)}\n`)
    else for (const report of reports) process.stdout.write(`${line(report)}\n`)
    const counts = new Map<string, number>()
    for (const report of reports) counts.set(report.outcome, (counts.get(report.outcome) ?? 0) + 1)
    const lots = reports.flatMap((report) => report.lots)
    const changed = (action: string) => lots.filter((lot) => lot.action === action).length
    process.stderr.write(
      `${reports.length} notices: ${[...counts].map(([outcome, n]) => `${n} ${outcome}`).join(', ')}; lots: ${changed('added')} added, ${changed('updated')} updated, ${changed('archived')} archived${values['dry-run'] ? ' (dry run: nothing kept)' : ''}\n`,
    )
    if (!values['dry-run']) await app.outbox.drain()
    return 0
  } finally {
    await app.close()
  }
}
