import { parseArgs } from 'node:util'
import { ConfigError, describeConfig, loadConfig } from '../config.js'

/**
 * The one command-line entry: `npm run --silent cli -- <command> [options]`.
 * Each command is a name, a one-line summary, its usage, and a function.
 * Results go to stdout; progress and messages to stderr.
 */
export interface CliCommand {
  summary: string
  usage: string
  run(args: string[], usage: string): Promise<number>
}

/**
 * Each command's code loads when it runs, not before: `help`, `config` and
 * `schedule` start without the database layer, the web server or the seeds.
 */
async function openDatabaseNow() {
  const { openDatabase } = await import('../infra/db.js')
  return openDatabase(loadConfig(), () => {})
}

const commands: Record<string, CliCommand> = {
  migrate: {
    summary: 'apply database migrations (starts the embedded PostgreSQL unless DATABASE_URL is set)',
    usage: 'migrate',
    run: async () => {
      const handle = await openDatabaseNow()
      await handle.close()
      console.error('migrations applied')
      return 0
    },
  },
  seed: {
    summary: 'load the demo data into a database that does not have it yet',
    usage: 'seed',
    run: async () => {
      const handle = await openDatabaseNow()
      const { loadDemoData } = await import('../../seeds/index.js')
      try {
        const loaded = await loadDemoData(handle.db, { info: (message) => console.error(message) })
        console.error(loaded.length === 0 ? 'demo data already present' : `loaded: ${loaded.join(', ')}`)
      } finally {
        await handle.close()
      }
      return 0
    },
  },
  'create-organisation': {
    summary: 'create a hub (organiser) or authority and e-mail its first admin an invitation',
    usage: 'create-organisation --kind organiser|authority --name NAME --country CC [--nuts2 CODE] --admin-email EMAIL',
    run: async (args, usage) => (await import('./organisations.command.js')).runCreateOrganisation(args, usage),
  },
  'import-ted': {
    summary: "import TED eForms notices (XML files or zips) as public tenders of a hub's public buyers",
    usage: 'import-ted --hub "HUB NAME" FILE.xml|FILE.zip… [--dry-run] [--json]',
    run: async (args, usage) => (await import('./tenders.command.js')).runImportTed(args, usage),
  },
  reindex: {
    summary: 'rebuild the search indexes (offers, needs) from PostgreSQL, with progress',
    usage: 'reindex',
    run: async (args, usage) => (await import('./reindex.command.js')).runReindex(args, usage),
  },
  schedule: {
    summary:
      'schedule the meetings of an instance (b2bsp JSON format); prints slots, tables, breaks and the lower bound',
    usage: 'schedule INSTANCE.json [--time-limit SECONDS] [--fairness D] [--seed N]',
    run: async (args) => (await import('../scheduling/cli.js')).runScheduleCommand(args),
  },
  rank: {
    summary: 'rank offers for needs with the matching pipeline on a temporary database; prints {needId: [offerIds]}',
    usage: 'rank --needs NEEDS.json --offers OFFERS.json [--top 50]',
    run: async (args) => (await import('../features/matching/rank.command.js')).runRankCommand(args),
  },
  config: {
    summary: 'print the configuration in force, secrets hidden, as JSON',
    usage: 'config',
    run: async () => {
      process.stdout.write(`${JSON.stringify(describeConfig(loadConfig()), null, 2)}\n`)
      return 0
    },
  },
}

export function helpText(): string {
  const width = Math.max(...Object.keys(commands).map((name) => name.length))
  const lines = Object.entries(commands).map(([name, command]) => `  ${name.padEnd(width)}  ${command.summary}`)
  return [
    'Usage: npm run --silent cli -- <command> [options]',
    '',
    'Commands:',
    ...lines,
    '',
    'Run a command with --help for its options.',
  ].join('\n')
}

export async function runCli(argv: string[]): Promise<number> {
  const [name, ...rest] = argv
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(`${helpText()}\n`)
    return name === undefined ? 1 : 0
  }
  const command = commands[name]
  if (!command) {
    process.stderr.write(`Unknown command "${name}".\n\n${helpText()}\n`)
    return 2
  }
  const { values } = parseArgs({ args: rest, options: { help: { type: 'boolean' } }, strict: false })
  if (values.help) {
    process.stdout.write(`Usage: npm run --silent cli -- ${command.usage}\n\n${command.summary}\n`)
    return 0
  }
  try {
    return await command.run(rest, command.usage)
  } catch (error) {
    process.stderr.write(`${error instanceof ConfigError || error instanceof Error ? error.message : String(error)}\n`)
    return 1
  }
}
