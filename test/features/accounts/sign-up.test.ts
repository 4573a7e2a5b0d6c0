import t from 'tap'
import { build } from '../../helpers/build.js'
import { startSmtp, linkIn } from '../../helpers/smtp.js'
import { createOrgWithAdmin, signIn } from '../../helpers/accounts.js'

function signUpBody(organiserId: string, overrides: Record<string, unknown> = {}) {
  return {
    kind: 'sme',
    organiserId,
    organisation: {
      legalName: 'Robotica Sabauda S.r.l.',
      vatId: 'IT 11223344554',
      country: 'IT',
      nuts2: 'ITC1',
      address: { street: 'Via Roma 1', postalCode: '10121', city: 'Torino' },
      sizeClass: 'small',
      naceCode: '28.99',
      innovativeStartup: true,
      isSme: true,
      languages: ['it', 'en'],
    },
    user: { name: 'Chiara Gallo', email: 'chiara@robotica.example', language: 'it', timeZone: 'Europe/Rome' },
    consents: { profileVisibleToMatches: true, emailNotifications: true },
    ...overrides,
  }
}

async function counts(app: Awaited<ReturnType<typeof build>>) {
  const [row] =
    await app.sql`select (select count(*) from organisations)::int as orgs, (select count(*) from users)::int as users, (select count(*) from outbox)::int as outbox`
  return row
}

t.test(
  'an SME signs up with a hub: pending validation, admin of its organisation, link by e-mail in its language',
  async (t) => {
    const smtp = await startSmtp(t)
    const app = await build(t, { env: { SMTP_URL: smtp.url }, outbox: { pollMs: 50 } })
    const hub = await createOrgWithAdmin(app, { kind: 'organiser', name: 'Hub', email: 'hub@hub.example' })
    const res = await app.inject({ method: 'POST', url: '/api/auth/sign-up', payload: signUpBody(hub.orgId) })
    t.equal(res.statusCode, 202)
    const mail = await smtp.waitForMail('chiara@robotica.example')
    t.equal(mail.subject, 'Il tuo link di accesso a Meet the Buyer')
    const token = new URL(linkIn(mail, '/auth/verify?token=')).searchParams.get('token')
    const session = (
      await app.inject({ method: 'POST', url: '/api/auth/magic-link/verify', payload: { token } })
    ).json()
    t.match(session.memberships, [
      {
        role: 'admin',
        affiliationStatus: 'pending',
        organisation: { legalName: 'Robotica Sabauda S.r.l.', kind: 'sme' },
      },
    ])
    const [org] = await app.sql`select vat_id, nuts2 from organisations where legal_name = 'Robotica Sabauda S.r.l.'`
    t.same(org, { vat_id: 'IT11223344554', nuts2: 'ITC1' })
  },
)

t.test('an invalid partita IVA is a 400 naming the field, and nothing is created', async (t) => {
  const app = await build(t, { outbox: { start: false } })
  const hub = await createOrgWithAdmin(app, { kind: 'organiser', name: 'Hub', email: 'hub@hub.example' })
  const before = await counts(app)
  const body = signUpBody(hub.orgId)
  body.organisation.vatId = 'IT11223344555'
  const res = await app.inject({ method: 'POST', url: '/api/auth/sign-up', payload: body })
  t.equal(res.statusCode, 400)
  t.same(res.json().errors, [
    { field: 'body.organisation.vatId', code: 'vat', message: 'the partita IVA check digit does not match' },
  ])
  t.same(await counts(app), before)
})

t.test('a region outside the country, an unknown time zone and a non-organiser hub are each named', async (t) => {
  const app = await build(t, { outbox: { start: false } })
  const hub = await createOrgWithAdmin(app, { kind: 'organiser', name: 'Hub', email: 'hub@hub.example' })
  const sme = await createOrgWithAdmin(app, { kind: 'sme', name: 'Not a hub', email: 'x@x.example' })
  const badRegion = signUpBody(hub.orgId)
  badRegion.organisation.nuts2 = 'DE21'
  t.same(
    (await app.inject({ method: 'POST', url: '/api/auth/sign-up', payload: badRegion }))
      .json()
      .errors.map((e: { field: string }) => e.field),
    ['body.organisation.nuts2'],
  )
  const badZone = signUpBody(hub.orgId, {
    user: { name: 'C', email: 'c@c.example', language: 'it', timeZone: 'Mars/Olympus' },
  })
  t.same(
    (await app.inject({ method: 'POST', url: '/api/auth/sign-up', payload: badZone }))
      .json()
      .errors.map((e: { field: string }) => e.field),
    ['body.user.timeZone'],
  )
  const notHub = await app.inject({ method: 'POST', url: '/api/auth/sign-up', payload: signUpBody(sme.orgId) })
  t.same(
    notHub.json().errors.map((e: { field: string }) => e.field),
    ['body.organiserId'],
  )
})

t.test('an e-mail that already has an account cannot sign up again', async (t) => {
  const app = await build(t, { outbox: { start: false } })
  const hub = await createOrgWithAdmin(app, { kind: 'organiser', name: 'Hub', email: 'hub@hub.example' })
  t.equal(
    (await app.inject({ method: 'POST', url: '/api/auth/sign-up', payload: signUpBody(hub.orgId) })).statusCode,
    202,
  )
  const again = await app.inject({ method: 'POST', url: '/api/auth/sign-up', payload: signUpBody(hub.orgId) })
  t.same([again.statusCode, again.json().code], [409, 'accounts.email_taken'])
})

t.test('the hub validates or rejects a registration, and the trail records it', async (t) => {
  const app = await build(t, { outbox: { start: false } })
  const hub = await createOrgWithAdmin(app, { kind: 'organiser', name: 'Hub', email: 'hub@hub.example' })
  await app.inject({ method: 'POST', url: '/api/auth/sign-up', payload: signUpBody(hub.orgId) })
  const organiser = await signIn(app, 'hub@hub.example')
  const pending = (
    await organiser.inject({ method: 'GET', url: `/api/organisers/${hub.orgId}/participants?status=pending` })
  ).json()
  t.equal(pending.length, 1)
  const smeId = pending[0].organisation.id
  const decided = await organiser.inject({
    method: 'POST',
    url: `/api/organisers/${hub.orgId}/participants/${smeId}/decision`,
    payload: { decision: 'validated' },
  })
  t.equal(decided.json().status, 'validated')
  const audit = (await organiser.inject({ method: 'GET', url: '/api/audit?limit=10' })).json()
  t.same(audit.map((e: { action: string }) => e.action).slice(0, 2), [
    'participant.validated',
    'organisation.registered',
  ])
  t.match(audit[0], { before: { status: 'pending' }, after: { status: 'validated' }, actor: { name: 'hub' } })
  const read = async (query: string) =>
    ((await organiser.inject({ method: 'GET', url: `/api/audit?${query}` })).json() as { action: string }[]).map(
      (e) => e.action,
    )
  t.same(await read('area=participant'), ['participant.validated'], 'by area')
  t.same(await read('area=organisation'), ['organisation.registered'])
  t.same(await read('actor=HU'), ['participant.validated'], 'by who acted, in any case')
  t.same(await read('actor=%25'), [], 'a % in the name is a character, not a wildcard')
  const bad = await organiser.inject({ method: 'GET', url: '/api/audit?area=Schedule!' })
  t.match([bad.statusCode, bad.json()], [400, { errors: [{ field: 'query.area' }] }], 'a bad area is named')
})

t.test('matching needs the profile-visibility consent', async (t) => {
  const app = await build(t, { outbox: { start: false } })
  const hub = await createOrgWithAdmin(app, { kind: 'organiser', name: 'Hub', email: 'hub@hub.example' })
  const res = await app.inject({
    method: 'POST',
    url: '/api/auth/sign-up',
    payload: signUpBody(hub.orgId, { consents: { profileVisibleToMatches: false, emailNotifications: true } }),
  })
  t.same([res.statusCode, res.json().code], [400, 'accounts.consent_required'])
})

t.test(
  'the participant is told of the hub’s decision by e-mail in its language; a rejection needs its reason',
  async (t) => {
    const app = await build(t, { outbox: { start: false } })
    const hub = await createOrgWithAdmin(app, { kind: 'organiser', name: 'Polo Piemonte', email: 'hub@hub.example' })
    await app.inject({ method: 'POST', url: '/api/auth/sign-up', payload: signUpBody(hub.orgId) })
    const organiser = await signIn(app, 'hub@hub.example')
    const [pending] = (
      await organiser.inject({ method: 'GET', url: `/api/organisers/${hub.orgId}/participants?status=pending` })
    ).json()
    const decide = (payload: object) =>
      organiser.inject({
        method: 'POST',
        url: `/api/organisers/${hub.orgId}/participants/${pending.organisation.id}/decision`,
        payload,
      })
    const decisionMails = () =>
      app.sql<{ to: string; subject: string; text: string }[]>`
      select payload->>'to' as to, payload->>'subject' as subject, payload->>'text' as text
      from outbox where topic = 'mail' and payload->>'subject' like '%Polo Piemonte%' order by id`

    const bare = await decide({ decision: 'rejected', reason: '  ' })
    t.same([bare.statusCode, bare.json().errors[0].field], [400, 'body.reason'], 'no rejection without a reason')
    t.same(await decisionMails(), [], 'and nobody is told anything')

    t.equal((await decide({ decision: 'rejected', reason: 'La sede non è in Piemonte.' })).statusCode, 200)
    const [rejected] = await decisionMails()
    t.match(rejected, {
      to: 'chiara@robotica.example',
      subject: 'Polo Piemonte non ha convalidato la tua iscrizione',
      text: /Motivo: La sede non è in Piemonte\./,
    })
    t.equal((await decide({ decision: 'validated' })).statusCode, 200)
    const mails = await decisionMails()
    t.equal(mails.length, 2)
    t.match(mails[1], { subject: 'Polo Piemonte ha convalidato la tua iscrizione' })
  },
)
