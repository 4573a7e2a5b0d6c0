import fs from 'node:fs'
import { parseArgs } from 'node:util'
import { rankOnDatabase, type RankRecord } from './rank.pipeline.js'
import { startTemporaryServer } from './temporary-database.js'

const USAGE = 'usage: rank --needs NEEDS.json --offers OFFERS.json [--top 50]'

function readRecords(file: string): RankRecord[] {
  const records = JSON.parse(fs.readFileSync(file, 'utf8')) as unknown
  if (!Array.isArray(records)) throw new Error(`${file}: expected an array of records`)
  return records.map((r: Record<string, unknown>, i) => {
    if (
      typeof r.id !== 'string' ||
      typeof r.title !== 'string' ||
      typeof r.description !== 'string' ||
      typeof r.language !== 'string'
    ) {
      throw new Error(`${file}: record ${i} needs string id, title, description and language`)
    }
    return {
      id: r.id,
      title: r.title,
      description: r.description,
      language: r.language.toLowerCase(),
      codes: Array.isArray(r.codes) ? r.codes.map(String) : undefined,
    }
  })
}

/**
 * `rank --needs NEEDS.json --offers OFFERS.json [--top 50]`: the matching
 * pipeline end to end on a temporary database; prints
 * `{ "<need id>": ["<offer id>", …] }` on stdout, progress on stderr.
 */
export async function runRankCommand(args: string[]): Promise<number> {
  const log = (message: string) => process.stderr.write(`${message}\n`)
  let values: { needs?: string | undefined; offers?: string | undefined; top?: string | undefined }
  try {
    values = parseArgs({
      args,
      options: { needs: { type: 'string' }, offers: { type: 'string' }, top: { type: 'string', default: '50' } },
    }).values
  } catch (error) {
    log(`${(error as Error).message}\n${USAGE}`)
    return 2
  }
  const top = Number(values.top)
  if (!values.needs || !values.offers || !Number.isInteger(top) || top < 1) {
    log(USAGE)
    return 2
  }
  let needs: RankRecord[]
  let offers: RankRecord[]
  try {
    needs = readRecords(values.needs)
    offers = readRecords(values.offers)
  } catch (error) {
    log((error as Error).message)
    return 2
  }
  const started = performance.now()
  const server = await startTemporaryServer(log)
  try {
    const ranking = await rankOnDatabase({ url: await server.createDatabase(), needs, offers, top, log })
    process.stdout.write(`${JSON.stringify(ranking)}\n`)
    log(`done in ${((performance.now() - started) / 1000).toFixed(1)} s`)
    return 0
  } finally {
    await server.close()
  }
}
