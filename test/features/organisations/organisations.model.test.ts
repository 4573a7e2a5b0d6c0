import t from 'tap'
import {
  checkNuts2,
  checkVatId,
  isValidPartitaIva,
} from '../../../server/features/organisations/organisations.model.js'

t.test('the partita IVA check digit', async (t) => {
  t.equal(isValidPartitaIva('01234567806'), true)
  t.equal(isValidPartitaIva('09765432100'), true)
  t.equal(isValidPartitaIva('01234567807'), false, 'last digit off by one')
  t.equal(isValidPartitaIva('10234567806'), false, 'two digits swapped')
  t.equal(isValidPartitaIva('00000000000'), false)
  t.equal(isValidPartitaIva('0123456780'), false, 'ten digits')
})

t.test('Italian VAT numbers are normalised to IT + 11 digits and check-digit verified', async (t) => {
  t.same(checkVatId('IT', 'it 012 345 678 06'), { ok: true, normalised: 'IT01234567806' })
  t.same(checkVatId('IT', '01234567806'), { ok: true, normalised: 'IT01234567806' })
  t.same(checkVatId('IT', 'IT01234567807'), { ok: false, reason: 'the partita IVA check digit does not match' })
  t.same(checkVatId('IT', 'DE123456789'), { ok: false, reason: 'a IT VAT number starts with IT' })
})

t.test('other EU VAT numbers are checked by format', async (t) => {
  t.same(checkVatId('DE', 'DE 123 456 789'), { ok: true, normalised: 'DE123456789' })
  t.same(checkVatId('DE', '12345678'), { ok: false, reason: 'not the format of a DE VAT number' })
  t.same(checkVatId('FR', 'FRXX123456789'), { ok: true, normalised: 'FRXX123456789' })
  t.same(checkVatId('NL', 'NL123456789B01'), { ok: true, normalised: 'NL123456789B01' })
  t.same(checkVatId('GR', 'EL123456789'), { ok: true, normalised: 'EL123456789' }, 'Greece is EL')
  t.same(checkVatId('AT', 'ATU12345678'), { ok: true, normalised: 'ATU12345678' })
})

t.test('outside the EU a national id of letters and digits is accepted', async (t) => {
  t.same(checkVatId('CH', 'CHE-123.456.788'), { ok: true, normalised: 'CHE123456788' })
  t.equal(checkVatId('US', '12').ok, false)
})

t.test('a NUTS-2 region belongs to the country; Italy’s must exist', async (t) => {
  t.equal(checkNuts2('IT', 'ITC1'), undefined)
  t.equal(checkNuts2('IT', 'ITZ9'), 'not an Italian NUTS-2 region')
  t.equal(checkNuts2('IT', 'DE21'), 'a region of IT starts with IT')
  t.equal(checkNuts2('GR', 'EL30'), undefined)
  t.equal(checkNuts2('DE', 'DE21'), undefined)
})
