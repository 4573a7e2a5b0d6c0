import { parseArgs } from 'node:util'
import { buildApp } from '../app.js'
import { loadConfig } from '../config.js'
import { createServices } from '../features/index.js'
import type { OrganisationKind } from '../../shared/schemas/accounts.js'
import type { CliCommand } from './index.js'

const KINDS: OrganisationKind[] = ['organiser', 'authority', 'sme', 'buyer']

/** Opens the platform to a hub or the region: hubs then invite their SMEs and buyers themselves. */
export const runCreateOrganisation: CliCommand['run'] = async (args, usage) => {
  const { values } = parseArgs({
    args,
    options: {
      kind: { type: 'string' },
      name: { type: 'string' },
      country: { type: 'string' },
      nuts2: { type: 'string' },
      'admin-email': { type: 'string' },
    },
  })
  const kind = values.kind as OrganisationKind
  if (!KINDS.includes(kind) || !values.name || !values.country || !values['admin-email']) {
    process.stderr.write(`Usage: npm run --silent cli -- ${usage}\n`)
    return 2
  }
  const config = { ...loadConfig(), serveWeb: false, seedDemo: false }
  const app = await buildApp(config, { logger: false, outbox: { start: false } })
  try {
    await app.ready()
    const services = createServices(app, config)
    const created = await services.organisations.createWithAdminInvitation({
      kind,
      legalName: values.name,
      country: values.country.toUpperCase(),
      nuts2: values.nuts2?.toUpperCase(),
      email: values['admin-email'],
    })
    const sent = await app.outbox.drain()
    process.stderr.write(
      sent > 0
        ? `invitation e-mailed to ${created.invitation.email}\n`
        : 'invitation queued; a running server sends it\n',
    )
    process.stdout.write(
      `${JSON.stringify({ organisation: created.organisation, invitation: created.invitation }, null, 2)}\n`,
    )
    return 0
  } finally {
    await app.close()
  }
}
