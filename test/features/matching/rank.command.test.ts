import t from 'tap'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { runCli } from '../../helpers/cli.js'
import { testServerUrl } from '../../helpers/db.js'

t.test(
  'cli rank prints, for each need, offers best first; an Italian offer matches an English need without codes',
  async (t) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mtb-rank-test-'))
    t.teardown(() => fs.rmSync(dir, { recursive: true, force: true }))
    const needs = [
      {
        id: 'n1',
        title: 'Supply of electric buses',
        description: 'Thirty battery electric buses for urban public transport with charging stations.',
        language: 'en',
      },
    ]
    const offers = [
      {
        id: 'o1',
        title: 'Fornitura di autobus elettrici',
        description: 'Autobus elettrici a batteria per il trasporto pubblico urbano, con stazioni di ricarica.',
        language: 'it',
      },
      {
        id: 'o2',
        title: 'Servizi di pulizia di uffici',
        description: 'Pulizia giornaliera di uffici e locali pubblici.',
        language: 'it',
        codes: ['90919200'],
      },
      { id: 'o3', title: 'Office furniture', description: 'Desks, chairs and cupboards for offices.', language: 'en' },
    ]
    fs.writeFileSync(path.join(dir, 'needs.json'), JSON.stringify(needs))
    fs.writeFileSync(path.join(dir, 'offers.json'), JSON.stringify(offers))
    const result = await runCli(
      ['rank', '--needs', path.join(dir, 'needs.json'), '--offers', path.join(dir, 'offers.json'), '--top', '3'],
      { DATABASE_URL: testServerUrl() },
    )
    t.equal(result.status, 0, result.stderr)
    const ranking = JSON.parse(result.stdout) as Record<string, string[]>
    t.same(Object.keys(ranking), ['n1'])
    t.equal(ranking.n1![0], 'o1', 'the Italian bus offer comes first for the English bus need')
    t.ok(ranking.n1!.length <= 3)
  },
)

t.test('cli rank explains its usage when arguments are missing', async (t) => {
  const result = await runCli(['rank', '--needs', 'x.json'])
  t.equal(result.status, 2)
  t.match(result.stderr, /usage: rank --needs NEEDS.json --offers OFFERS.json/)
})
