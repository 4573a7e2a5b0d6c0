import { parseArgs } from 'node:util'
import { ConfigError, describeConfig, loadConfig } from '../config.js'
import { openDatabase } from '../infra/db.js'
import { loadDemoData } from '../../seeds/index.js'
import { createOrganisationCommand } from './organisations.command.js'
import { reindexCommand } from './reindex.command.js'
import { runRankCommand } from '../features/matching/rank.command.js'
import { runScheduleCommand } from '../scheduling/cli.js'

/**
 * The one command-line entry: `npm run --silent cli -- <command> [options]`.
 * Each command is a name, a one-line summary, its usage, and a function.
 * Results go to stdout; progress and messages to stderr.
 */
export interface CliCommand {
  summary: string
  usage: string
  run(args: string[]): Promise<number>
}

const commands: Record<string, CliCommand> = {
  migrate: {
    summary: 'apply database migrations (starts the embedded PostgreSQL unless DATABASE_URL is set)',
    usage: 'migrate',
    run: async () => {
      const handle = await openDatabase(loadConfig(), () => {})
      await handle.close()
      console.error('migrations applied')
      return 0
    },
  },
  seed: {
    summary: 'load the demo data into a database that does not have it yet',
    usage: 'seed',
    run: async () => {
      const handle = await openDatabase(loadConfig(), () => {})
      try {
        const loaded = await loadDemoData(handle.db, { info: (message) => console.error(message) })
        console.error(loaded.length === 0 ? 'demo data already present' : `loaded: ${loaded.join(', ')}`)
      } finally {
        await handle.close()
      }
      return 0
    },
  },
  'create-organisation': createOrganisationCommand,
  reindex: reindexCommand,
  schedule: {
    summary:
      'schedule the meetings of an instance (b2bsp JSON format); prints slots, tables, breaks and the lower bound',
    usage: 'schedule INSTANCE.json [--time-limit SECONDS] [--fairness D] [--seed N]',
    run: runScheduleCommand,
  },
  rank: {
    summary: 'rank offers for needs with the matching pipeline on a temporary database; prints {needId: [offerIds]}',
    usage: 'rank --needs NEEDS.json --offers OFFERS.json [--top 50]',
    run: runRankCommand,
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
    return await command.run(rest)
  } catch (error) {
    process.stderr.write(`${error instanceof ConfigError || error instanceof Error ? error.message : String(error)}\n`)
    return 1
  }
}
