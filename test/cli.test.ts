import t from 'tap'
import { spawnSync } from 'node:child_process'
import { PROJECT_ROOT } from '../server/config.js'
import { runCli } from './helpers/cli.js'

const cli = (...args: string[]) =>
  spawnSync(process.execPath, ['--enable-source-maps', 'dist/cli.js', ...args], {
    cwd: PROJECT_ROOT,
    encoding: 'utf8',
    env: { ...process.env, DATABASE_URL: '' },
  })

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
  const result = spawnSync(process.execPath, ['--enable-source-maps', 'dist/cli.js', 'config'], {
    cwd: PROJECT_ROOT,
    encoding: 'utf8',
    env: { ...process.env, PORT: 'eighty' },
  })
  t.equal(result.status, 1)
  t.match(
    result.stderr,
    /Invalid configuration:\n {2}- PORT must be a port number between 0 and 65535 \(got "eighty"\)/,
  )
})

t.test(
  'create-organisation opens the platform to a hub: organisation, invitation, and the e-mail to its admin',
  async (t) => {
    const { createTestDatabase } = await import('./helpers/db.js')
    const { startSmtp } = await import('./helpers/smtp.js')
    const smtp = await startSmtp(t)
    const databaseUrl = await createTestDatabase(t)
    const run = (...args: string[]) => runCli(args, { DATABASE_URL: databaseUrl, SMTP_URL: smtp.url })
    const result = await run(
      'create-organisation',
      '--kind',
      'organiser',
      '--name',
      'Hub Piemonte',
      '--country',
      'IT',
      '--nuts2',
      'ITC1',
      '--admin-email',
      'boss@hub.example',
    )
    t.equal(result.status, 0, result.stderr)
    const created = JSON.parse(result.stdout)
    t.match(created, {
      organisation: { kind: 'organiser', legalName: 'Hub Piemonte', nuts2: 'ITC1' },
      invitation: { email: 'boss@hub.example', role: 'admin' },
    })
    const mail = await smtp.waitForMail('boss@hub.example')
    t.match(mail.text, /invites you to join Hub Piemonte/)
    const bad = await run(
      'create-organisation',
      '--kind',
      'organiser',
      '--name',
      'Hub',
      '--country',
      'IT',
      '--nuts2',
      'ITZ9',
      '--admin-email',
      'x@hub.example',
    )
    t.equal(bad.status, 1)
    t.match(bad.stderr, /options\.nuts2/)
  },
)
