import t from 'tap'
import { ConfigError, describeConfig, loadConfig } from '../server/config.js'

t.test('defaults: port 3000 on 127.0.0.1, embedded database, captured mail, demo data', async (t) => {
  const config = loadConfig({})
  t.equal(config.port, 3000)
  t.equal(config.host, '127.0.0.1')
  t.equal(config.databaseUrl, undefined)
  t.equal(config.smtpUrl, undefined)
  t.equal(config.meiliHost, undefined)
  t.equal(config.publicUrl, 'http://127.0.0.1:3000')
  t.equal(config.seedDemo, true)
  t.match(config.dataDir, /\/data$/)
})

t.test('every bad variable is named in one error', async (t) => {
  const error = t.throws(() =>
    loadConfig({
      PORT: '99999',
      DATABASE_URL: 'mysql://x',
      SMTP_URL: 'not a url',
      LOG_LEVEL: 'loud',
      SEED_DEMO: 'maybe',
    }),
  ) as ConfigError
  t.ok(error instanceof ConfigError)
  t.equal(error.problems.length, 5)
  t.match(error.message, /PORT must be a port number/)
  t.match(error.message, /DATABASE_URL must start with postgres:\/\/ or postgresql:\/\//)
  t.match(error.message, /SMTP_URL is not a valid URL/)
  t.match(error.message, /LOG_LEVEL must be one of/)
  t.match(error.message, /SEED_DEMO must be true or false/)
})

t.test('a Meilisearch key without a host is refused', async (t) => {
  t.throws(() => loadConfig({ MEILI_API_KEY: 'k' }), /MEILI_API_KEY is set but MEILI_HOST is not/)
})

t.test('PUBLIC_URL wins over host and port, without a trailing slash', async (t) => {
  t.equal(loadConfig({ PUBLIC_URL: 'https://mtb.example.eu/', PORT: '8080' }).publicUrl, 'https://mtb.example.eu')
  t.equal(loadConfig({ PORT: '8080' }).publicUrl, 'http://127.0.0.1:8080')
})

t.test('passwords never appear in the printed configuration', async (t) => {
  const config = loadConfig({
    DATABASE_URL: 'postgres://app:s3cret@db:5432/mtb',
    SMTP_URL: 'smtp://u:pw@mail:25',
    MEILI_HOST: 'http://m:7700',
    MEILI_API_KEY: 'key',
  })
  const printed = JSON.stringify(describeConfig(config))
  t.notMatch(printed, /s3cret|:pw@|"key"/)
  t.match(printed, /postgres:\/\/app:\*\*\*@db:5432\/mtb/)
})
