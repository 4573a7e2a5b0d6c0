import t from 'tap'
import { build } from '../../helpers/build.js'
import { addUser, affiliate, createOrgWithAdmin, PASSWORD, signIn } from '../../helpers/accounts.js'

t.test('a person exports everything held about them as JSON', async (t) => {
  const app = await build(t)
  const sme = await createOrgWithAdmin(app, { kind: 'sme', name: 'Alpha', email: 'ada@alpha.example' })
  const ada = await signIn(app, 'ada@alpha.example')
  await ada.inject({
    method: 'PUT',
    url: '/api/me/consents',
    payload: { profileVisibleToMatches: true, emailNotifications: false },
  })
  const res = await ada.inject({ method: 'GET', url: '/api/me/export' })
  t.equal(res.statusCode, 200)
  t.match(res.headers['content-disposition'], /attachment; filename="my-data.json"/)
  const data = res.json()
  t.match(data.user, { email: 'ada@alpha.example', name: 'ada' })
  t.same(data.memberships, [{ organisationId: sme.orgId, legalName: 'Alpha', role: 'admin' }])
  t.same(data.consents.map((c: { purpose: string; granted: boolean }) => `${c.purpose}=${c.granted}`).sort(), [
    'email_notifications=false',
    'profile_visible_to_matches=true',
    'profile_visible_to_matches=true',
  ])
  t.equal(data.sessions.length, 1)
  t.same(
    data.activity.map((a: { action: string }) => a.action),
    ['auth.signed_in', 'consents.changed'],
  )
})

t.test('deleting an account anonymises the person and leaves KPI counts unchanged', async (t) => {
  const app = await build(t)
  const hub = await createOrgWithAdmin(app, { kind: 'organiser', name: 'Hub', email: 'hub@hub.example' })
  const sme = await createOrgWithAdmin(app, { kind: 'sme', name: 'Alpha', email: 'ada@alpha.example' })
  const buyer = await createOrgWithAdmin(app, {
    kind: 'buyer',
    name: 'Nordbahn',
    email: 'anna@nordbahn.example',
    country: 'DE',
    nuts2: 'DE21',
  })
  await affiliate(app, hub.orgId, sme.orgId)
  await affiliate(app, hub.orgId, buyer.orgId)
  const kpis = async () =>
    (
      await app.sql`
    select
      (select count(*) from organisations o join affiliations a on a.participant_id = o.id where o.kind = 'sme' and a.status = 'validated')::int as smes_involved,
      (select count(*) from organisations o join affiliations a on a.participant_id = o.id where o.kind = 'buyer' and o.nuts2 <> 'ITC1')::int as buyers_outside,
      (select count(*) from audit_events where action <> 'account.deleted')::int as trail`
    )[0]
  const ada = await signIn(app, 'ada@alpha.example')
  const before = await kpis()

  const wrong = await ada.inject({
    method: 'DELETE',
    url: '/api/me',
    payload: { confirmEmail: 'someone@else.example' },
  })
  t.same([wrong.statusCode, wrong.json().code], [400, 'accounts.confirm_mismatch'])
  t.equal(
    (await ada.inject({ method: 'DELETE', url: '/api/me', payload: { confirmEmail: 'ADA@alpha.example' } })).statusCode,
    204,
  )

  t.same(await kpis(), before)
  const [user] =
    await app.sql`select name, email, password_hash, deleted_at is not null as deleted from users where id = ${sme.userId}`
  t.same(user, { name: 'Deleted user', email: `deleted-${sme.userId}@invalid`, password_hash: null, deleted: true })
  t.equal((await ada.inject({ method: 'GET', url: '/api/auth/session' })).statusCode, 401, 'the session is gone')
  const again = await app.inject({
    method: 'POST',
    url: '/api/auth/password',
    payload: { email: 'ada@alpha.example', password: PASSWORD },
  })
  t.equal(again.statusCode, 401)
  const [consents] = await app.sql`select count(*)::int as n from consents where user_id = ${sme.userId}`
  t.equal(consents!.n, 0)
})

t.test('the last admin of a team hands over before deleting the account', async (t) => {
  const app = await build(t)
  const sme = await createOrgWithAdmin(app, { kind: 'sme', name: 'Alpha', email: 'ada@alpha.example' })
  await addUser(app, { orgId: sme.orgId, email: 'bob@alpha.example', role: 'member' })
  const ada = await signIn(app, 'ada@alpha.example')
  const res = await ada.inject({ method: 'DELETE', url: '/api/me', payload: { confirmEmail: 'ada@alpha.example' } })
  t.same([res.statusCode, res.json().code], [409, 'accounts.last_admin'])
  const [user] = await app.sql`select deleted_at from users where id = ${sme.userId}`
  t.equal(user!.deleted_at, null)
})
