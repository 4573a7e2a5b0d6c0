import type { FeatureJobs } from '../../infra/jobs.js'
import type { LiveService } from './live.service.js'

/** On the event day, reminders before each meeting, checked every minute. */
export function liveJobs(deps: { live: LiveService }): FeatureJobs {
  return { timers: [{ name: 'meeting reminders', everyMs: 60_000, run: () => deps.live.sendReminders() }] }
}
