import type { MeetingState } from '../../api/live-api.js'
import type { BadgeTone } from '../status-badge.js'

export function stateTone(state: MeetingState): BadgeTone {
  if (state === 'running' || state === 'held' || state === 'ready') return 'ok'
  if (state === 'late') return 'warn'
  if (state === 'no_show' || state === 'cancelled') return 'bad'
  return 'neutral'
}
