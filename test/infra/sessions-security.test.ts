import { createHash } from 'node:crypto'
import t from 'tap'
import { build } from '../helpers/build.js'
import { startSmtp, linkIn } from '../helpers/smtp.js'
import { createOrgWithAdmin, PASSWORD, signIn } from '../helpers/accounts.js'

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex')
const sessionCookie = (res: { cookies: { name: string; value: string }[] }) =>
  res.cookies.find((c) => c.name === 'mtb_session')?.value

t.test('a session token the browser brings to sign-in is never kept: sign-in always issues a new one', async (t) => {
  const app = await build(t)
  await createOrgWithAdmin(app, { kind: 'sme', name: 'Alpha', email: 'ada@alpha.example' })
  await createOrgWithAdmin(app, { kind: 'buyer', name: 'Mallory Ltd', email: 'mallory@evil.example' })
  const whoIs = async (token: string) => {
    const res = await app.inject({
      method: 'GET',
      url: '/api/auth/session',
      headers: { cookie: `mtb_session=${token}` },
    })
    return res.statusCode === 200 ? (res.json().user.email as string) : res.statusCode
  }
  const signInWith = (planted: string, headers: Record<string, string> = {}) =>
    app.inject({
      method: 'POST',
      url: '/api/auth/password',
      payload: { email: 'ada@alpha.example', password: PASSWORD },
      headers: { cookie: `mtb_session=${planted}`, ...headers },
      remoteAddress: '192.0.2.10',
    })

  const planted = 'attacker-chosen-token-aaaaaaaaaaaaaaaaaaaaaaaa'
  const first = await signInWith(planted)
  t.equal(first.statusCode, 200)
  const issued = sessionCookie(first)!
  t.not(issued, planted)
  t.equal(await whoIs(planted), 401, 'the planted token signs nobody in')
  t.equal(await whoIs(issued), 'ada@alpha.example')

  const mallory = await signIn(app, 'mallory@evil.example')
  const blind = await signInWith(mallory.cookie)
  t.same(
    [blind.statusCode, blind.json().code],
    [403, 'auth.csrf_failed'],
    'over a live session, signing in needs that session’s CSRF token',
  )
  const second = await signInWith(mallory.cookie, { 'x-csrf-token': mallory.csrf })
  t.equal(second.statusCode, 200)
  const issuedAgain = sessionCookie(second)!
  t.not(issuedAgain, mallory.cookie, 'an attacker’s own live session planted in the victim’s browser is replaced')
  t.equal(await whoIs(mallory.cookie), 'mallory@evil.example', 'and it never becomes the victim’s session')
  t.equal(await whoIs(issuedAgain), 'ada@alpha.example')
})

t.test('a write with the session cookie but without its CSRF token is refused and changes nothing', async (t) => {
  const app = await build(t)
  await createOrgWithAdmin(app, { kind: 'sme', name: 'Alpha', email: 'ada@alpha.example' })
  await createOrgWithAdmin(app, { kind: 'sme', name: 'Beta', email: 'bea@beta.example' })
  const ada = await signIn(app, 'ada@alpha.example')
  const bea = await signIn(app, 'bea@beta.example')
  const asAda = (method: 'PATCH' | 'DELETE' | 'POST', url: string, headers: Record<string, string>, payload?: object) =>
    app.inject({
      method,
      url,
      headers: { cookie: `mtb_session=${ada.cookie}`, ...headers },
      ...(payload ? { payload } : {}),
    })

  const attempts = [
    ['no token', {}],
    ['a wrong token', { 'x-csrf-token': 'guess' }],
    ['another session’s token', { 'x-csrf-token': bea.csrf }],
    ['the token from a cross-site page', { 'x-csrf-token': ada.csrf, origin: 'https://evil.example' }],
    ['the token from a sandboxed page', { 'x-csrf-token': ada.csrf, origin: 'null' }],
  ] as const
  for (const [what, headers] of attempts) {
    const rename = await asAda('PATCH', '/api/me', headers, { name: 'Mallory' })
    const expected = 'origin' in headers ? 'auth.origin_rejected' : 'auth.csrf_failed'
    t.same([rename.statusCode, rename.json().code], [403, expected], `rename with ${what}`)
    const erase = await asAda('DELETE', '/api/me', headers)
    t.same([erase.statusCode, erase.json().code], [403, expected], `account deletion with ${what}`)
    const out = await asAda('POST', '/api/auth/sign-out', headers)
    t.same([out.statusCode, out.json().code], [403, expected], `sign-out with ${what}`)
  }
  const me = await ada.inject({ method: 'GET', url: '/api/me' })
  t.same([me.statusCode, me.json().name], [200, 'ada'], 'the account, its name and the session are as they were')
  t.equal(
    (await ada.inject({ method: 'PATCH', url: '/api/me', payload: { name: 'Ada' } })).statusCode,
    200,
    'with its own token the write goes through',
  )
})

t.test('the session cookie is HttpOnly and SameSite, and Secure behind HTTPS', async (t) => {
  const app = await build(t, { env: { PUBLIC_URL: 'https://mtb.example.eu' } })
  await createOrgWithAdmin(app, { kind: 'sme', name: 'Alpha', email: 'ada@alpha.example' })
  const res = await app.inject({
    method: 'POST',
    url: '/api/auth/password',
    payload: { email: 'ada@alpha.example', password: PASSWORD },
  })
  const cookie = res.cookies.find((c) => c.name === 'mtb_session')!
  t.match(cookie, { httpOnly: true, sameSite: 'Lax', secure: true, path: '/' })
  t.equal(res.headers['cache-control'], 'no-store')
})

t.test(
  'no password, session token, sign-in link or invitation token is stored in clear anywhere in the database',
  async (t) => {
    const smtp = await startSmtp(t)
    const app = await build(t, { env: { SMTP_URL: smtp.url }, outbox: { pollMs: 50 } })
    const hub = await createOrgWithAdmin(app, { kind: 'organiser', name: 'Hub', email: 'hub@hub.example' })
    const firstPassword = 'sign-up secret 2026'
    const secondPassword = 'changed secret 2026'
    const signUp = await app.inject({
      method: 'POST',
      url: '/api/auth/sign-up',
      payload: {
        kind: 'sme',
        organiserId: hub.orgId,
        password: firstPassword,
        organisation: {
          legalName: 'Robotica Sabauda S.r.l.',
          vatId: 'IT 11223344554',
          country: 'IT',
          nuts2: 'ITC1',
          address: { street: 'Via Roma 1', postalCode: '10121', city: 'Torino' },
          sizeClass: 'small',
          isSme: true,
          languages: ['it'],
        },
        user: { name: 'Chiara Gallo', email: 'chiara@robotica.example', language: 'en', timeZone: 'Europe/Rome' },
        consents: { profileVisibleToMatches: true, emailNotifications: true },
      },
    })
    t.equal(signUp.statusCode, 202, signUp.body)
    const tokenIn = (url: string) => new URL(url).searchParams.get('token')!
    const usedLink = tokenIn(linkIn(await smtp.waitForMail('chiara@robotica.example'), '/auth/verify?token='))
    const verified = await app.inject({
      method: 'POST',
      url: '/api/auth/magic-link/verify',
      payload: { token: usedLink },
    })
    const linkSession = sessionCookie(verified)!
    const changed = await app.inject({
      method: 'PUT',
      url: '/api/me/password',
      payload: { currentPassword: firstPassword, newPassword: secondPassword },
      headers: { cookie: `mtb_session=${linkSession}`, 'x-csrf-token': verified.json().csrfToken },
    })
    t.equal(changed.statusCode, 204, changed.body)

    smtp.mails.length = 0
    await app.inject({ method: 'POST', url: '/api/auth/magic-link', payload: { email: 'chiara@robotica.example' } })
    const openLink = tokenIn(linkIn(await smtp.waitForMail('chiara@robotica.example'), '/auth/verify?token='))
    const passwordSession = sessionCookie(
      await app.inject({
        method: 'POST',
        url: '/api/auth/password',
        payload: { email: 'chiara@robotica.example', password: secondPassword },
      }),
    )!

    const anna = await signIn(app, 'hub@hub.example')
    await anna.inject({
      method: 'POST',
      url: `/api/organisations/${hub.orgId}/invitations`,
      payload: { email: 'jonas@hub.example', role: 'member' },
    })
    const invitation = linkIn(await smtp.waitForMail('jonas@hub.example'), '/invitations/').split('/invitations/')[1]!
    await app.outbox.drain()

    const secrets = {
      firstPassword,
      secondPassword,
      usedLink,
      openLink,
      linkSession,
      passwordSession,
      annaSession: anna.cookie,
      invitation,
    }
    const tables = await app.sql<
      { name: string }[]
    >`select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`
    t.ok(tables.length > 20, `${tables.length} tables read`)
    for (const { name } of tables) {
      const rows = await app.sql.unsafe<{ row: string }[]>(`select row_to_json(t)::text as row from "${name}" t`)
      const text = rows.map((r) => r.row).join('\n')
      for (const [what, secret] of Object.entries(secrets))
        t.notOk(text.includes(secret), `${name} does not hold ${what}`)
    }
    const [user] = await app.sql`select password_hash from users where email = 'chiara@robotica.example'`
    t.match(user!.password_hash, /^\$argon2id\$v=19\$m=\d+,t=\d+,p=\d+\$/, 'passwords are argon2id hashes')
    t.equal(
      (
        await app.sql`select count(*)::int as n from sessions where token_hash in (${sha256(linkSession)}, ${sha256(passwordSession)})`
      )[0]!.n,
      2,
      'sessions are found by the SHA-256 of the cookie',
    )
    t.equal(
      (
        await app.sql`select count(*)::int as n from login_tokens where token_hash = ${sha256(openLink)} and used_at is null`
      )[0]!.n,
      1,
      'an open link is kept as its SHA-256',
    )
  },
)
