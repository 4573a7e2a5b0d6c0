import t from 'tap'
import { build } from '../../helpers/build.js'
import { startSmtp, linkIn } from '../../helpers/smtp.js'
import { addUser, createOrgWithAdmin, signIn } from '../../helpers/accounts.js'

t.test('an admin invites a colleague, who accepts by the e-mailed link and is signed in as a member', async (t) => {
  const smtp = await startSmtp(t)
  const app = await build(t, { env: { SMTP_URL: smtp.url }, outbox: { pollMs: 50 } })
  const buyer = await createOrgWithAdmin(app, { kind: 'buyer', name: 'Nordbahn', email: 'anna@nordbahn.example' })
  const anna = await signIn(app, 'anna@nordbahn.example')
  const created = await anna.inject({
    method: 'POST',
    url: `/api/organisations/${buyer.orgId}/invitations`,
    payload: { email: 'jonas@nordbahn.example', role: 'member' },
  })
  t.equal(created.statusCode, 201)
  const mail = await smtp.waitForMail('jonas@nordbahn.example')
  t.match(mail.text, /anna invites you to join Nordbahn on Meet the Buyer as member/)
  t.match(mail.text, /ti invita a unirti a Nordbahn/)
  const token = linkIn(mail, '/invitations/').split('/invitations/')[1]!

  const preview = (await app.inject({ method: 'GET', url: `/api/invitations/${token}` })).json()
  t.match(preview, {
    email: 'jonas@nordbahn.example',
    role: 'member',
    accountExists: false,
    organisation: { legalName: 'Nordbahn' },
  })
  const withoutDetails = await app.inject({ method: 'POST', url: '/api/invitations/accept', payload: { token } })
  t.same([withoutDetails.statusCode, withoutDetails.json().code], [400, 'invitations.user_required'])
  const accepted = await app.inject({
    method: 'POST',
    url: '/api/invitations/accept',
    payload: {
      token,
      user: { name: 'Jonas Keller', language: 'en', timeZone: 'Europe/Berlin' },
      consents: { profileVisibleToMatches: true, emailNotifications: false },
    },
  })
  t.equal(accepted.statusCode, 200)
  t.match(accepted.json().memberships, [{ role: 'member', organisation: { id: buyer.orgId } }])
  const reuse = await app.inject({ method: 'POST', url: '/api/invitations/accept', payload: { token } })
  t.same([reuse.statusCode, reuse.json().code], [410, 'invitations.invalid'])
  const team = (await anna.inject({ method: 'GET', url: `/api/organisations/${buyer.orgId}/members` })).json()
  t.same(
    team.map((m: { name: string; role: string }) => [m.name, m.role]),
    [
      ['anna', 'admin'],
      ['Jonas Keller', 'member'],
    ],
  )
})

t.test('a revoked invitation cannot be accepted', async (t) => {
  const smtp = await startSmtp(t)
  const app = await build(t, { env: { SMTP_URL: smtp.url }, outbox: { pollMs: 50 } })
  const sme = await createOrgWithAdmin(app, { kind: 'sme', name: 'Alpha', email: 'ada@alpha.example' })
  const ada = await signIn(app, 'ada@alpha.example')
  const invitation = (
    await ada.inject({
      method: 'POST',
      url: `/api/organisations/${sme.orgId}/invitations`,
      payload: { email: 'bob@alpha.example', role: 'admin' },
    })
  ).json()
  const token = linkIn(await smtp.waitForMail('bob@alpha.example'), '/invitations/').split('/invitations/')[1]!
  t.equal(
    (await ada.inject({ method: 'DELETE', url: `/api/organisations/${sme.orgId}/invitations/${invitation.id}` }))
      .statusCode,
    204,
  )
  t.equal((await app.inject({ method: 'GET', url: `/api/invitations/${token}` })).statusCode, 410)
})

t.test('an organisation keeps at least one admin: no last-admin demotion, removal or leaving', async (t) => {
  const app = await build(t)
  const sme = await createOrgWithAdmin(app, { kind: 'sme', name: 'Alpha', email: 'ada@alpha.example' })
  const bob = await addUser(app, { orgId: sme.orgId, email: 'bob@alpha.example', role: 'member' })
  const ada = await signIn(app, 'ada@alpha.example')
  const demote = await ada.inject({
    method: 'PATCH',
    url: `/api/organisations/${sme.orgId}/members/${sme.userId}`,
    payload: { role: 'member' },
  })
  t.same([demote.statusCode, demote.json().code], [409, 'accounts.last_admin'])
  const leave = await ada.inject({ method: 'DELETE', url: `/api/organisations/${sme.orgId}/members/${sme.userId}` })
  t.same([leave.statusCode, leave.json().code], [409, 'accounts.last_admin'])
  t.equal(
    (
      await ada.inject({
        method: 'PATCH',
        url: `/api/organisations/${sme.orgId}/members/${bob.userId}`,
        payload: { role: 'admin' },
      })
    ).statusCode,
    200,
  )
  t.equal(
    (await ada.inject({ method: 'DELETE', url: `/api/organisations/${sme.orgId}/members/${sme.userId}` })).statusCode,
    204,
    'with another admin, ada may leave',
  )
})

t.test('a member may leave but not remove others', async (t) => {
  const app = await build(t)
  const sme = await createOrgWithAdmin(app, { kind: 'sme', name: 'Alpha', email: 'ada@alpha.example' })
  const bob = await addUser(app, { orgId: sme.orgId, email: 'bob@alpha.example', role: 'member' })
  const bobAgent = await signIn(app, 'bob@alpha.example')
  t.equal(
    (await bobAgent.inject({ method: 'DELETE', url: `/api/organisations/${sme.orgId}/members/${sme.userId}` }))
      .statusCode,
    403,
  )
  t.equal(
    (await bobAgent.inject({ method: 'DELETE', url: `/api/organisations/${sme.orgId}/members/${bob.userId}` }))
      .statusCode,
    204,
  )
  t.equal(
    (await bobAgent.inject({ method: 'GET', url: `/api/organisations/${sme.orgId}` })).statusCode,
    403,
    'after leaving, the profile is closed to bob',
  )
})

t.test('a hub invites an SME: the organisation exists validated and its admin completes the profile', async (t) => {
  const smtp = await startSmtp(t)
  const app = await build(t, { env: { SMTP_URL: smtp.url }, outbox: { pollMs: 50 } })
  const hub = await createOrgWithAdmin(app, { kind: 'organiser', name: 'Hub', email: 'hub@hub.example' })
  const organiser = await signIn(app, 'hub@hub.example')
  const res = await organiser.inject({
    method: 'POST',
    url: `/api/organisers/${hub.orgId}/participant-invitations`,
    payload: { email: 'ceo@gamma.example', kind: 'sme', legalName: 'Gamma Srl' },
  })
  t.equal(res.statusCode, 201)
  const token = linkIn(await smtp.waitForMail('ceo@gamma.example'), '/invitations/').split('/invitations/')[1]!
  const session = (
    await app.inject({
      method: 'POST',
      url: '/api/invitations/accept',
      payload: {
        token,
        user: { name: 'Gia', language: 'it', timeZone: 'Europe/Rome' },
        consents: { profileVisibleToMatches: true, emailNotifications: true },
      },
    })
  ).json()
  t.match(session.memberships, [
    { role: 'admin', affiliationStatus: 'validated', organisation: { legalName: 'Gamma Srl', kind: 'sme' } },
  ])
  const orgId = session.memberships[0].organisation.id
  const profile = (await organiser.inject({ method: 'GET', url: `/api/organisations/${orgId}` })).json()
  t.equal(profile.profileComplete, false)
})

t.test('a profile edit is checked like sign-up and audited with before and after', async (t) => {
  const app = await build(t)
  const sme = await createOrgWithAdmin(app, { kind: 'sme', name: 'Alpha', email: 'ada@alpha.example' })
  const ada = await signIn(app, 'ada@alpha.example')
  const bad = await ada.inject({
    method: 'PATCH',
    url: `/api/organisations/${sme.orgId}`,
    payload: { vatId: '01234567807' },
  })
  t.same(
    bad.json().errors.map((e: { field: string }) => e.field),
    ['body.vatId'],
  )
  const ok = await ada.inject({
    method: 'PATCH',
    url: `/api/organisations/${sme.orgId}`,
    payload: { vatId: '01234567806', website: 'https://alpha.example' },
  })
  t.match(ok.json(), { vatId: 'IT01234567806', website: 'https://alpha.example' })
  const [event] =
    await app.sql`select action, before->>'vatId' as before, after->>'vatId' as after from audit_events where action = 'organisation.updated'`
  t.same(event, { action: 'organisation.updated', before: null, after: 'IT01234567806' })
})
