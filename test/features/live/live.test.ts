import t from 'tap'
import type { FastifyInstance } from 'fastify'
import { build } from '../../helpers/build.js'
import { connectLive, publishedEvent } from '../../helpers/event-day.js'
import { fixedClock } from '../../../server/infra/clock.js'
import { liveChannel } from '../../../server/infra/live.js'
import { createEditionsService } from '../../../server/features/events/editions.service.js'
import { createLiveService } from '../../../server/features/live/live.service.js'

const BEFORE_FIRST_SLOT = '2027-03-10T07:50:00Z'

async function listening(
  t: Parameters<typeof build>[0],
  options: Parameters<typeof build>[1] = {},
): Promise<{ app: FastifyInstance; url: string }> {
  const app = await build(t, { clock: fixedClock(BEFORE_FIRST_SLOT), outbox: { start: false }, ...options })
  const url = await app.listen({ port: 0, host: '127.0.0.1' })
  return { app, url }
}

t.test('websockets: each participant hears only its own channel, only hubs hear the event', async (t) => {
  const { app, url } = await listening(t)
  const w = await publishedEvent(app)
  await t.rejects(
    connectLive(url, w.agents.a, `organisation=${w.b.orgId}`),
    /refused: 403/,
    'not another SME’s channel',
  )
  await t.rejects(connectLive(url, w.agents.a, `event=${w.event.id}`), /refused: 403/, 'not the event’s channel')
  await t.rejects(connectLive(url, w.agents.a, ''), /refused: 403/, 'a channel must be named')
  const anonymous = { cookie: 'nope', csrf: '', inject: w.agents.a.inject }
  await t.rejects(connectLive(url, anonymous, `organisation=${w.a.orgId}`), /refused: 401/, 'not without a session')

  const hub = await connectLive(url, w.organiser, `event=${w.event.id}`)
  const x = await connectLive(url, w.agents.x, `organisation=${w.x.orgId}`)
  const z = await connectLive(url, w.agents.z, `organisation=${w.z.orgId}`)
  const checkIn = await w.organiser.inject({ method: 'POST', url: `/api/events/${w.event.id}/check-ins/${w.a.orgId}` })
  t.match(checkIn.json(), { organisationId: w.a.orgId, already: false })
  t.match(
    (await hub.next('check_in')).payload,
    { organisationId: w.a.orgId, name: 'Alpha Srl' },
    'the hub’s board hears the check-in',
  )
  t.match((await x.next('counterpart_checked_in')).payload, { name: 'Alpha Srl' }, 'Alpha’s counterpart hears it')
  const again = await w.agents.a.inject({ method: 'POST', url: `/api/events/${w.event.id}/check-ins/${w.a.orgId}` })
  t.equal(again.json().already, true, 'a second check-in is the same check-in')
  // A sentinel sent after the second check-in: once it arrives, anything the check-in sent has arrived before it.
  await app.live.publish(app.db, liveChannel.event(w.event.id), 'sentinel', {})
  await app.live.publish(app.db, liveChannel.organisation(w.z.orgId), 'sentinel', {})
  await Promise.all([hub.next('sentinel'), z.next('sentinel')])
  t.equal(hub.messages.filter((m) => m.type === 'check_in').length, 1, 'and is announced once')
  t.same(
    z.messages.map((m) => m.type),
    ['ready', 'sentinel'],
    'Zeta, who has no meeting with Alpha, hears nothing',
  )
  for (const c of [hub, x, z]) await c.close()
})

t.test('a client that reconnects with its last id receives what it missed, in order', async (t) => {
  const { app, url } = await listening(t)
  const w = await publishedEvent(app)
  const first = await connectLive(url, w.agents.a, `organisation=${w.a.orgId}`)
  await w.organiser.inject({ method: 'POST', url: `/api/events/${w.event.id}/check-ins/${w.x.orgId}` })
  const seen = await first.next('counterpart_checked_in')
  await first.close()
  await w.organiser.inject({ method: 'POST', url: `/api/events/${w.event.id}/check-ins/${w.y.orgId}` })
  await w.organiser.inject({ method: 'POST', url: `/api/events/${w.event.id}/absences/${w.x.orgId}` })
  const resumed = await connectLive(url, w.agents.a, `organisation=${w.a.orgId}&since=${seen.id}`)
  const missed = resumed.messages.filter((m) => m.type !== 'ready')
  t.same(
    missed.map((m) => [m.type, m.payload?.name]),
    [
      ['counterpart_checked_in', 'Torino Trasporti SpA'],
      ...missed.filter((m) => m.type === 'counterpart_absent').map(() => ['counterpart_absent', 'Nordbahn GmbH']),
    ],
    'Torino’s arrival, then Nordbahn’s absence',
  )
  t.ok(
    missed.some((m) => m.type === 'counterpart_absent'),
    'the absence is among them',
  )
  t.ok(
    missed.every((m, i) => i === 0 || m.id! > missed[i - 1]!.id!),
    'in order',
  )
  t.notOk(
    missed.some((m) => m.id === seen.id),
    'nothing already seen',
  )
  await resumed.close()
})

t.test('two instances on one database: a change on one reaches a socket on the other', async (t) => {
  const one = await listening(t)
  const w = await publishedEvent(one.app)
  const two = await listening(t, { databaseUrl: one.app.database.url })
  const onTwo = await connectLive(two.url, w.agents.a, `organisation=${w.a.orgId}`)
  await w.organiser.inject({ method: 'POST', url: `/api/events/${w.event.id}/check-ins/${w.y.orgId}` })
  t.match(
    (await onTwo.next('counterpart_checked_in')).payload,
    { name: 'Torino Trasporti SpA' },
    'fanned out through LISTEN/NOTIFY',
  )
  await onTwo.close()
})

t.test(
  'a no-show: counterparts told at once, a standby pair offered, one-click re-pairing for one winner',
  async (t) => {
    const { app, url } = await listening(t)
    const w = await publishedEvent(app)
    for (const org of [w.a, w.b, w.y, w.z])
      await w.organiser.inject({ method: 'POST', url: `/api/events/${w.event.id}/check-ins/${org.orgId}` })
    const alpha = await connectLive(url, w.agents.a, `organisation=${w.a.orgId}`)
    const absent = await w.organiser.inject({ method: 'POST', url: `/api/events/${w.event.id}/absences/${w.x.orgId}` })
    t.equal(absent.json().meetings.length, 2, 'Nordbahn’s two meetings become no-shows')
    t.match((await alpha.next('counterpart_absent')).payload, { name: 'Nordbahn GmbH' })
    const mails =
      await app.sql`select payload->>'to' as to, payload->>'subject' as subject from outbox where topic = 'mail' and payload->>'subject' like '%not here%' order by 1`
    t.same(
      mails.map((m) => m.to),
      ['ada@alpha.example', 'bea@beta.example'],
      'both stranded SMEs get an e-mail too',
    )

    const board = (await w.organiser.inject({ method: 'GET', url: `/api/events/${w.event.id}/board` })).json()
    t.equal(board.meetings.filter((m: { state: string }) => m.state === 'no_show').length, 2)
    t.equal(board.currentSlot, null, 'before the first slot')
    const alphaOption = board.standby.find((s: { counterpartId: string }) => s.counterpartId === w.a.orgId)
    t.same(
      alphaOption.candidates.map((c: { name: string }) => c.name),
      ['Zeta Rail AG'],
      'Zeta asked to meet Alpha, is here and free then',
    )
    const betaOption = board.standby.find((s: { counterpartId: string }) => s.counterpartId === w.b.orgId)
    t.same(betaOption.candidates, [], 'nobody here asked to meet Beta')

    const [first, second] = await Promise.all(
      [1, 2].map(() =>
        w.organiser.inject({
          method: 'POST',
          url: `/api/events/${w.event.id}/repairs`,
          payload: { meetingId: alphaOption.meetingId, organisationId: w.z.orgId },
        }),
      ),
    )
    t.same([first!.statusCode, second!.statusCode].sort(), [200, 409], 'two clicks, one re-pairing')
    const [meeting] = await app.sql`select slot, sme_id, buyer_id from meetings where buyer_id = ${w.z.orgId}`
    t.same(meeting, { slot: alphaOption.slot, sme_id: w.a.orgId, buyer_id: w.z.orgId })
    t.match((await alpha.next('agenda_changed')).payload, { reason: 'repaired', with: 'Zeta Rail AG' })
    const [request] = await app.sql`select status from meeting_requests where from_organisation_id = ${w.z.orgId}`
    t.equal(request!.status, 'accepted')
    const wrong = await w.organiser.inject({
      method: 'POST',
      url: `/api/events/${w.event.id}/repairs`,
      payload: { meetingId: betaOption.meetingId, organisationId: w.z.orgId },
    })
    t.same([wrong.statusCode, wrong.json().code], [409, 'live.no_standby'], 'Zeta is not on Beta’s standby list')
    await alpha.close()
  },
)

t.test(
  'mark absent: a preview first, then the absence; "Undo" the same day gives the meetings back and tells the counterparts',
  async (t) => {
    const { app } = await listening(t)
    const w = await publishedEvent(app)
    const base = `/api/events/${w.event.id}/absences/${w.x.orgId}`
    const noShows = async () =>
      (await app.sql`select count(*)::int as n from meetings where outcome = 'no_show'`)[0]!.n as number
    const mailsLike = async (pattern: string) =>
      (
        await app.sql`select payload->>'to' as to from outbox where topic = 'mail' and payload->>'subject' like ${pattern} order by 1`
      ).map((m) => m.to as string)

    const preview = await w.organiser.inject({ method: 'GET', url: base })
    t.equal(preview.statusCode, 200)
    t.equal(preview.json().name, 'Nordbahn GmbH')
    t.same(
      preview
        .json()
        .meetings.map((m: { counterpartName: string; told: string[] }) => [m.counterpartName, m.told.length])
        .sort(),
      [
        ['Alpha Srl', 1],
        ['Beta Srl', 1],
      ],
      'the two meetings it would cancel, and who would be told',
    )
    t.match(preview.json().meetings[0], { time: /^\d{2}:\d{2}$/, tableName: /^T\d$/ })
    t.equal(await noShows(), 0, 'the preview changes nothing')
    t.equal((await w.agents.a.inject({ method: 'GET', url: base })).statusCode, 403, 'only the hub sees it')

    t.equal((await w.organiser.inject({ method: 'POST', url: base })).json().meetings.length, 2)
    t.equal(await noShows(), 2)
    const board = (await w.organiser.inject({ method: 'GET', url: `/api/events/${w.event.id}/board` })).json()
    t.match(
      board.participants.find((p: { organisationId: string }) => p.organisationId === w.x.orgId),
      { presence: 'absent', undoable: true },
    )

    const undone = await w.organiser.inject({ method: 'DELETE', url: base })
    t.equal(undone.statusCode, 200)
    t.same([undone.json().restored.length, undone.json().kept], [2, []])
    t.equal(await noShows(), 0, 'both meetings are back')
    t.same(await mailsLike('%is on'), ['ada@alpha.example', 'bea@beta.example'], 'both counterparts are told')
    const after = (await w.organiser.inject({ method: 'GET', url: `/api/events/${w.event.id}/board` })).json()
    t.match(
      after.participants.find((p: { organisationId: string }) => p.organisationId === w.x.orgId),
      { presence: 'unknown', undoable: false },
      'Nordbahn is back to not arrived yet',
    )
    const [trail] = await app.sql`select after from audit_events where action = 'event.absence_undone'`
    t.equal((trail!.after as { restored: string[] }).restored.length, 2, 'the undo is in the audit trail')
    const again = await w.organiser.inject({ method: 'DELETE', url: base })
    t.same([again.statusCode, again.json().code], [409, 'live.not_absent'])

    // Absent again; Alpha is re-paired with Zeta in the freed slot; Nordbahn then turns up after all.
    for (const org of [w.a, w.z])
      await w.organiser.inject({ method: 'POST', url: `/api/events/${w.event.id}/check-ins/${org.orgId}` })
    await w.organiser.inject({ method: 'POST', url: base })
    const option = (await w.organiser.inject({ method: 'GET', url: `/api/events/${w.event.id}/board` }))
      .json()
      .standby.find((s: { counterpartId: string }) => s.counterpartId === w.a.orgId)
    const repaired = await w.organiser.inject({
      method: 'POST',
      url: `/api/events/${w.event.id}/repairs`,
      payload: { meetingId: option.meetingId, organisationId: w.z.orgId },
    })
    t.equal(repaired.statusCode, 200)
    const checkedIn = await w.organiser.inject({
      method: 'POST',
      url: `/api/events/${w.event.id}/check-ins/${w.x.orgId}`,
    })
    t.equal(checkedIn.statusCode, 200)
    const rows = await app.sql`select sme_id, outcome from meetings where buyer_id = ${w.x.orgId} order by slot`
    t.same(
      rows.map((r) => [r.sme_id === w.a.orgId ? 'Alpha' : 'Beta', r.outcome]).sort(),
      [
        ['Alpha', 'no_show'],
        ['Beta', null],
      ],
      'checking in gives back the meeting with Beta; Alpha keeps its new partner',
    )

    await w.organiser.inject({ method: 'POST', url: base })
    await app.sql`update check_ins set at = at - interval '1 day' where organisation_id = ${w.x.orgId}`
    const late = await w.organiser.inject({ method: 'DELETE', url: base })
    t.same([late.statusCode, late.json().code, late.json().params], [409, 'live.undo_too_late', { day: '2027-03-09' }])
  },
)

t.test('feedback after a meeting: held with interest, or "they did not come"; comments only for the hub', async (t) => {
  const { app } = await listening(t)
  const w = await publishedEvent(app)
  const [ax] = await app.sql`select id from meetings where sme_id = ${w.a.orgId} and buyer_id = ${w.x.orgId}`
  const [by] = await app.sql`select id from meetings where sme_id = ${w.b.orgId} and buyer_id = ${w.y.orgId}`
  const held = await w.agents.a.inject({
    method: 'PUT',
    url: `/api/meetings/${ax!.id}/feedback`,
    payload: { held: true, interest: 'quote_requested', comment: 'They want a quote for 40 doors' },
  })
  t.match(held.json(), { held: true, interest: 'quote_requested', followUp: true })
  await w.agents.x.inject({
    method: 'PUT',
    url: `/api/meetings/${ax!.id}/feedback`,
    payload: { held: true, interest: 'informative' },
  })
  const noShow = await w.agents.b.inject({
    method: 'PUT',
    url: `/api/meetings/${by!.id}/feedback`,
    payload: { held: false },
  })
  t.equal(noShow.json().interest, null)
  const [row] = await app.sql`select outcome, absent_organisation_id from meetings where id = ${by!.id}`
  t.same(row, { outcome: 'no_show', absent_organisation_id: w.y.orgId }, 'Beta says Torino did not come')
  const hubView = (await w.organiser.inject({ method: 'GET', url: `/api/meetings/${ax!.id}/feedback` })).json()
  t.equal(hubView.length, 2, 'the hub reads both sides')
  t.ok(hubView.some((f: { comment: string | null }) => f.comment === 'They want a quote for 40 doors'))
  const buyerView = (await w.agents.x.inject({ method: 'GET', url: `/api/meetings/${ax!.id}/feedback` })).json()
  t.same(
    buyerView.map((f: { organisationId: string }) => f.organisationId),
    [w.x.orgId],
    'a side reads only its own',
  )
  const outsider = await w.agents.z.inject({
    method: 'PUT',
    url: `/api/meetings/${ax!.id}/feedback`,
    payload: { held: true },
  })
  t.equal(outsider.statusCode, 404, 'a stranger cannot report on it')
  const bad = await w.agents.a.inject({
    method: 'PUT',
    url: `/api/meetings/${ax!.id}/feedback`,
    payload: { held: true, interest: 'maybe' },
  })
  t.same(
    [bad.statusCode, bad.json().errors.some((e: { field: string }) => e.field.startsWith('body.interest'))],
    [400, true],
  )
})

t.test('reminders are queued once: 15 minutes before (with .ics), live "next meeting", and nudges', async (t) => {
  const clock = fixedClock('2027-03-10T07:50:00Z')
  const { app } = await listening(t, { clock })
  const w = await publishedEvent(app)
  await app.sql`delete from outbox`
  const base = {
    db: app.db,
    clock,
    outbox: app.outbox,
    audit: { record: async () => {} },
    publicUrl: 'http://localhost',
  }
  const service = createLiveService({ ...base, editions: createEditionsService(base), live: () => app.live })
  const first = await service.sendReminders()
  t.ok(first >= 2, 'the two 08:00 meetings are 10 minutes away')
  t.equal(await service.sendReminders(), 0, 'a second sweep sends nothing')
  const mails = await app.sql`select payload from outbox where topic = 'mail' and payload->>'subject' like 'Soon%'`
  t.ok(mails.length >= 4, 'both sides of each meeting are reminded')
  const attachment = (mails[0]!.payload as { attachments: { filename: string; content: string }[] }).attachments[0]!
  t.equal(attachment.filename, 'meeting.ics')
  t.match(attachment.content, /BEGIN:VEVENT[\s\S]*DTSTART:20270310T080000Z/)
  const [nudge] =
    await app.sql`select count(*)::int as n from outbox where payload->>'subject' like 'No meeting confirmed%'`
  t.equal(nudge!.n, 1, 'Zeta, selected with no accepted meeting, is nudged')
  t.equal(
    (await app.sql`select count(*)::int as n from live_messages where type = 'next_meeting'`)[0]!.n,
    0,
    'ten minutes ahead is not yet "next meeting in 5 minutes"',
  )

  clock.set(new Date('2027-03-10T07:56:00Z'))
  await service.sendReminders()
  const next = await app.sql`select channel from live_messages where type = 'next_meeting'`
  t.ok(next.length >= 4, 'four minutes ahead, both sides of each meeting hear "your next meeting" live')

  await w.organiser.inject({ method: 'POST', url: `/api/events/${w.event.id}/check-ins/${w.a.orgId}` })
  clock.set(new Date('2027-03-10T08:03:00Z'))
  await service.sendReminders()
  const late =
    await app.sql`select channel, payload->>'name' as name from live_messages where type = 'counterpart_late'`
  t.ok(
    late.length >= 1 && late.every((m) => m.channel === `org:${w.a.orgId}`),
    'only Alpha, who is here, hears that its counterpart is late',
  )
  t.equal(await service.sendReminders(), 0, 'and only once')
})

t.test(
  'check-in and absence are refused outside the event’s days, with the days named, and change nothing',
  async (t) => {
    const clock = fixedClock('2027-02-10T09:00:00Z')
    const app = await build(t, { clock, outbox: { start: false } })
    const w = await publishedEvent(app)
    for (const [who, url] of [
      [w.organiser, `/api/events/${w.event.id}/check-ins/${w.a.orgId}`],
      [w.agents.a, `/api/events/${w.event.id}/check-ins/${w.a.orgId}`],
      [w.organiser, `/api/events/${w.event.id}/absences/${w.b.orgId}`],
    ] as const) {
      const refused = await who.inject({ method: 'POST', url })
      t.same(
        [refused.statusCode, refused.json().code, refused.json().params],
        [409, 'live.not_event_day', { days: '2027-03-10' }],
        url,
      )
    }
    const [rows] = await app.sql`select count(*)::int as n from check_ins`
    t.equal(rows!.n, 0, 'nobody is checked in or absent')
    const today = await w.agents.a.inject({ method: 'GET', url: `/api/events/${w.event.id}/today/${w.a.orgId}` })
    t.equal(today.json().eventDay, false, 'the Today page knows check-in is not open')

    clock.set('2027-03-09T23:30:00Z') // already 10 March in Rome
    const onTheDay = await w.organiser.inject({
      method: 'POST',
      url: `/api/events/${w.event.id}/check-ins/${w.a.orgId}`,
    })
    t.equal(onTheDay.statusCode, 200, 'the day is the event’s own, in its time zone')
  },
)
