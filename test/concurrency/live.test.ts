import t from 'tap'
import { CALLS, allAtOnce, buildForRaces, raceEvent, selectedOrganisations, tally } from '../helpers/concurrency.js'

t.test(
  '200 simultaneous check-ins of one organisation check it in once: one first arrival, the rest "already"',
  async (t) => {
    const app = await buildForRaces(t)
    // Check-in is open on the event's days only: the event is today, in its own time zone.
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Rome' }).format(new Date())
    const race = await raceEvent(app, 8, {
      days: [{ date: today, sessions: [{ name: 'day', start: '00:00', end: '23:40' }] }],
    })
    const [sme] = await selectedOrganisations(race, 'sme', 1, 'Alpha')
    const answers = await allAtOnce(CALLS, () =>
      race.hub.inject({ method: 'POST', url: `/api/events/${race.event}/check-ins/${sme}` }),
    )
    t.same(tally(answers), { 200: CALLS })
    t.same(
      answers.map((res) => res.json().already).filter((already) => already === false).length,
      1,
      'exactly one answer is the first arrival',
    )
    t.equal(new Set(answers.map((res) => res.json().at)).size, 1, 'every answer gives the same arrival time')
    const [rows] =
      await app.sql`select count(*)::int as n from check_ins where event_id = ${race.event} and organisation_id = ${sme!}`
    t.equal(rows!.n, 1)
    const [audit] =
      await app.sql`select count(*)::int as n from audit_events where action = 'event.checked_in' and organisation_id = ${sme!}`
    t.equal(audit!.n, 1, 'one check-in in the audit trail')
    const [messages] = await app.sql`select count(*)::int as n from live_messages where type = 'check_in'`
    t.equal(messages!.n, 1, 'the board hears it once')
  },
)
