import t from 'tap'
import { spawnSync } from 'node:child_process'
import { PROJECT_ROOT } from '../server/config.js'

const cli = (...args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', 'server/cli.ts', ...args], { cwd: PROJECT_ROOT, encoding: 'utf8', env: { ...process.env, DATABASE_URL: '' } })

t.test('--help lists the commands and exits 0', async (t) => {
  const result = cli('--help')
  t.equal(result.status, 0)
  t.match(result.stdout, /Usage: npm run --silent cli -- <command>/)
  for (const command of ['migrate', 'seed', 'config']) t.match(result.stdout, new RegExp(`\\n  ${command}\\s`))
})

t.test('an unknown command exits 2 and says so', async (t) => {
  const result = cli('frobnicate')
  t.equal(result.status, 2)
  t.match(result.stderr, /Unknown command "frobnicate"/)
})

t.test('bad configuration stops a command with one clear message', async (t) => {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'server/cli.ts', 'config'], {
    cwd: PROJECT_ROOT,
    encoding: 'utf8',
    env: { ...process.env, PORT: 'eighty' },
  })
  t.equal(result.status, 1)
  t.match(result.stderr, /Invalid configuration:\n {2}- PORT must be a port number between 0 and 65535 \(got "eighty"\)/)
})
