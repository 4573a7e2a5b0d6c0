import t from 'tap'
import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { PROJECT_ROOT } from '../server/config.js'

/**
 * The Node.js version the README promises is the one package.json's engines
 * names; every package the server runs on must accept it. Two packages declare
 * Node 22 while using nothing newer than Node 20 (the whole suite runs on
 * Node 20): they are named here, with the version checked, so a new version
 * of them, or a new package wanting more, fails this test instead of a user.
 */
const RUNS_ON_20_DESPITE_ITS_ENGINES: Record<string, string> = {
  cookie: '2.0.2', // used by fastify (light-my-request) and @fastify/cookie
  'content-disposition': '3.0.0', // used by @fastify/static
}

type Version = [number, number, number]

const parse = (text: string): Version => {
  const [major = 0, minor = 0, patch = 0] = text
    .replace(/^[v=\s]+/, '')
    .split('.')
    .map(Number)
  return [major, minor, patch]
}
const compare = (a: Version, b: Version) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2]

/** Whether `version` satisfies an engines range of the forms npm packages use: `||` of `>=x`, `^x.y.z`, `x`, `x - y`. */
function satisfies(version: Version, range: string): boolean {
  return range.split('||').some((alternative) =>
    alternative
      .trim()
      .replace(/\s+-\s+/, ' <=')
      .replace(/(>=|<=|>|<|\^|~)\s+/g, '$1')
      .split(/\s+/)
      .filter(Boolean)
      .every((comparator) => {
        const [, op = '', text = ''] = /^(>=|<=|>|<|\^|~|=)?(.*)$/.exec(comparator) ?? []
        if (text === '*' || text === 'x') return true
        const bound = parse(text)
        const order = compare(version, bound)
        const parts = text.split('.').length
        if (op === '>=') return order >= 0
        if (op === '>') return order > 0
        if (op === '<=') return order <= 0 || (parts < 3 && version[0] === bound[0])
        if (op === '<') return order < 0
        if (op === '^') return order >= 0 && version[0] === bound[0]
        if (op === '~') return order >= 0 && version[0] === bound[0] && version[1] === bound[1]
        return parts === 1
          ? version[0] === bound[0]
          : parts === 2
            ? version[0] === bound[0] && version[1] === bound[1]
            : order === 0
      }),
  )
}

t.test('the range reader', async (t) => {
  t.ok(satisfies([20, 19, 0], '^20.19.0 || >=22.12.0'))
  t.notOk(satisfies([20, 11, 0], '^20.19.0 || >=22.12.0'))
  t.ok(satisfies([20, 19, 0], '18 || 20 || >=22'))
  t.notOk(satisfies([20, 19, 0], '>=22'))
  t.ok(satisfies([20, 19, 0], '>= 0.6'))
  t.ok(satisfies([20, 19, 0], '>=14.0.0 <23'))
})

t.test(
  'every package the server runs on accepts the Node.js version package.json and the README promise',
  async (t) => {
    const engines = (
      JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'package.json'), 'utf8')) as {
        engines: { node: string }
      }
    ).engines.node
    const promised = parse(engines.replace('>=', ''))
    t.match(
      readFileSync(path.join(PROJECT_ROOT, 'README.md'), 'utf8'),
      `Node.js ${promised[0]}.${promised[1]} or later`,
    )
    const query = spawnSync('npm', ['query', '.prod'], { cwd: PROJECT_ROOT, encoding: 'utf8', maxBuffer: 64 << 20 })
    t.equal(query.status, 0, query.stderr)
    const packages = JSON.parse(query.stdout) as { name: string; version: string; engines?: { node?: string } }[]
    t.ok(packages.length > 100, `${packages.length} packages`)
    const refused = packages
      .filter((p) => p.engines?.node && !satisfies(promised, p.engines.node))
      .filter((p) => RUNS_ON_20_DESPITE_ITS_ENGINES[p.name] !== p.version)
      .map((p) => `${p.name}@${p.version} wants Node ${p.engines!.node}`)
    t.same(refused, [], `all accept Node ${promised.join('.')}`)
  },
)
