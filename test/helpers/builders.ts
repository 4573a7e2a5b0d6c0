import type { SignedInAgent } from './accounts.js'

type Overrides = Record<string, unknown>

/** A hub's edition of the measure: the year 2027 in Piedmont, with modest KPI targets. */
export const editionInput = (overrides: Overrides = {}) => ({
  name: 'Edition 2027',
  periodStart: '2027-01-01',
  periodEnd: '2027-12-31',
  homeNuts2: 'ITC1',
  targetS3: [],
  kpiTargets: {
    events: 2,
    smesInvolved: 60,
    buyersOutsideTargeted: 30,
    buyersOutsideInvolved: 15,
    contracts: 10,
    turnoverChangePct: 5,
    exportChangePct: 5,
  },
  coOrganiserIds: [],
  ...overrides,
})

/** A Meet the Buyer event at a venue: one morning (9:00–11:00) on 10 March 2027, 20-minute slots. */
export const eventInput = (overrides: Overrides = {}) => ({
  name: 'Meet the Buyer Torino',
  kind: 'own',
  format: 'venue',
  timeZone: 'Europe/Rome',
  days: [{ date: '2027-03-10', sessions: [{ name: 'morning', start: '09:00', end: '11:00' }] }],
  slotMinutes: 20,
  gapMinutes: 0,
  tables: [],
  maxMeetingsPerParticipant: 8,
  ...overrides,
})

/** One day of an event with a morning and an afternoon session (local times, HH:mm). */
export const twoSessionDay = (date: string, morning: [string, string], afternoon: [string, string]) => ({
  date,
  sessions: [
    { name: 'morning', start: morning[0], end: morning[1] },
    { name: 'afternoon', start: afternoon[0], end: afternoon[1] },
  ],
})

type Created = { id: string } & Record<string, unknown>

async function created(what: string, answer: Awaited<ReturnType<SignedInAgent['inject']>>): Promise<Created> {
  if (answer.statusCode !== 201) throw new Error(`${what}: ${answer.statusCode} ${answer.body}`)
  return answer.json() as Created
}

/** The hub's agent creates an edition (see `editionInput` for what is not overridden). */
export async function createEdition(agent: SignedInAgent, hubOrgId: string, overrides: Overrides = {}) {
  const answer = await agent.inject({
    method: 'POST',
    url: `/api/organisers/${hubOrgId}/editions`,
    payload: editionInput(overrides),
  })
  return created('edition', answer)
}

/** The hub's agent creates an event in the edition (see `eventInput` for what is not overridden). */
export async function createEvent(agent: SignedInAgent, editionId: string, overrides: Overrides = {}) {
  const answer = await agent.inject({
    method: 'POST',
    url: `/api/editions/${editionId}/events`,
    payload: eventInput(overrides),
  })
  return created('event', answer)
}

/**
 * Waits until a schedule run has left `queued` and `running`, and answers it.
 * With a started outbox the run is solved on the instance's own lane, so
 * `outbox.drain()` returns before the draft is stored.
 */
export async function finishedRun(
  agent: SignedInAgent,
  { eventId, scheduleId }: { eventId: string; scheduleId: string },
  timeoutMs = 60_000,
): Promise<{ status: string }> {
  const until = Date.now() + timeoutMs
  for (;;) {
    const run = (await agent.inject({ method: 'GET', url: `/api/events/${eventId}/schedules/${scheduleId}` })).json()
    if (run.status !== 'queued' && run.status !== 'running') return run
    if (Date.now() > until) throw new Error(`the schedule run is still ${run.status} after ${timeoutMs} ms`)
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}
