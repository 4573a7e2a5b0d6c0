import t from 'tap'
import { participationSteps } from '../../../shared/lifecycles/participation.js'
import { requestVerbs } from '../../../shared/lifecycles/requests.js'
import {
  canMove,
  effectiveStatus,
  isOutsideRegion,
  mayMeet,
  requestMoves,
} from '../../../server/features/participation/participation.model.js'

t.test('the lifecycle moves forward one legal step at a time', async (t) => {
  t.ok(canMove(undefined, 'targeted', 'hub'))
  t.ok(canMove(undefined, 'applied', 'organisation'), 'an organisation may apply on its own')
  t.ok(canMove('targeted', 'invited', 'hub'))
  t.ok(canMove('invited', 'selected', 'hub'))
  t.ok(canMove('applied', 'rejected', 'hub'))
  t.ok(canMove('selected', 'prepared', 'hub'))
  t.ok(canMove('prepared', 'attended', 'hub'))
  t.ok(canMove('attended', 'followed_up', 'hub'))
  t.notOk(canMove('targeted', 'selected', 'hub'), 'nobody is selected without being invited or applying')
  t.notOk(canMove('rejected', 'selected', 'hub'), 'a rejection is final')
  t.notOk(canMove('followed_up', 'attended', 'hub'))
  t.notOk(canMove(undefined, 'selected', 'hub'))
  t.same(participationSteps('selected', 'hub'), ['prepared', 'attended', 'rejected'])
})

t.test('applying is the organisation’s step, the rest are the hub’s', async (t) => {
  t.same(participationSteps('invited', 'organisation'), ['applied'], 'an invited organisation may apply')
  t.same(participationSteps('invited', 'hub'), ['selected', 'rejected'])
  t.notOk(canMove('invited', 'applied', 'hub'), 'a hub does not apply for an organisation')
  t.same(participationSteps('applied', 'organisation'), [], 'nor does an organisation select itself')
})

t.test('only selected participants meet', async (t) => {
  t.same(
    ['targeted', 'invited', 'applied', 'selected', 'rejected', 'prepared', 'attended', 'followed_up'].map((s) =>
      mayMeet(s as never),
    ),
    [false, false, false, true, false, true, true, false],
  )
})

t.test('a buyer is outside the region when its NUTS-2 differs from the edition’s home', async (t) => {
  t.equal(isOutsideRegion('DE21', 'ITC1'), true)
  t.equal(isOutsideRegion('ITC4', 'ITC1'), true, 'Lombardy is outside Piedmont')
  t.equal(isOutsideRegion('ITC1', 'ITC1'), false)
  t.equal(isOutsideRegion(null, 'ITC1'), false, 'unknown is not counted as outside')
})

t.test(
  'requests: the recipient accepts or declines, the sender withdraws, deadlines expire pending ones',
  async (t) => {
    t.same(requestMoves('pending'), { recipient: ['accepted', 'declined'], sender: ['withdrawn'] })
    t.same(requestMoves('declined'), { recipient: [], sender: [] })
    t.same(requestVerbs('pending', 'recipient'), ['accept', 'decline'], 'the verbs a page offers follow the moves')
    t.same(requestVerbs('accepted', 'sender'), ['withdraw'], 'the sender may withdraw an accepted request')
    t.same(requestVerbs('accepted', 'recipient'), [])
    const deadline = new Date('2027-03-20T17:00:00Z')
    t.equal(effectiveStatus('pending', deadline, new Date('2027-03-20T17:00:01Z')), 'expired')
    t.equal(
      effectiveStatus('accepted', deadline, new Date('2027-03-21T00:00:00Z')),
      'accepted',
      'accepted meetings do not expire',
    )
    t.equal(effectiveStatus('pending', null, new Date('2030-01-01T00:00:00Z')), 'pending')
  },
)
