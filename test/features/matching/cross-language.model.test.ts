import t from 'tap'
import {
  conceptCounts,
  conceptVector,
  learnTranslations,
  toPivot,
  translationTable,
} from '../../../server/features/matching/cross-language.model.js'
import { dot, idfOf, stem } from '../../../server/features/matching/matching.text.js'

t.test('IBM Model 1 on a few aligned pairs finds which word stands for which', async (t) => {
  const table = learnTranslations(
    [
      [
        ['autobus', 'elettrici'],
        ['electric', 'buses'],
      ],
      [['autobus'], ['buses']],
      [
        ['veicoli', 'elettrici'],
        ['electric', 'vehicles'],
      ],
      [['veicoli'], ['vehicles']],
    ],
    { iterations: 10 },
  )
  t.equal(table.get('elettrici')?.[0]?.[0], 'electric')
  t.equal(table.get('autobus')?.[0]?.[0], 'buses')
  t.equal(table.get('veicoli')?.[0]?.[0], 'vehicles')
  for (const translations of table.values())
    t.ok(
      translations.every(([, p], i) => p > 0 && p <= 1 && (i === 0 || p <= translations[i - 1]![1])),
      'probabilities, most likely first',
    )
})

t.test('toPivot spreads a count over the translations, and weighs untranslated stems as told', async (t) => {
  const table = new Map([
    [
      'ordinat',
      [
        ['comput', 0.8],
        ['machin', 0.2],
      ] as const,
    ],
  ])
  t.same(
    [
      ...toPivot(
        new Map([
          ['ordinat', 2],
          ['dell', 1],
        ]),
        table,
        0,
      ),
    ],
    [
      ['comput', 1.6],
      ['machin', 0.4],
    ],
  )
  t.same(
    [
      ...toPivot(
        new Map([
          ['ordinat', 2],
          ['dell', 1],
        ]),
        table,
        0.5,
      ),
    ],
    [
      ['comput', 1.6],
      ['machin', 0.4],
      ['dell', 0.5],
    ],
  )
})

t.test('learnt from the CPV labels, French words bridge to their English counterparts', async (t) => {
  const fr = await translationTable('fr')
  const best = (word: string) => fr.get(stem(word))?.[0]?.[0]
  t.equal(best('ordinateurs'), stem('computers'))
  t.equal(best('nettoyage'), stem('cleaning'))
  t.equal(best('meubles'), stem('furniture'))
  const de = await translationTable('de')
  t.equal(de.get(stem('reinigung'))?.[0]?.[0], stem('cleaning'), 'German too')
  const en = await translationTable('en')
  t.same(en.get(stem('cleaning')), [[stem('cleaning'), 1]], 'English label words stand for themselves')
})

t.test(
  'an Italian need ranks a French offer on its subject above an unrelated one, though they share no word',
  async (t) => {
    const need = {
      title: 'Fornitura di arredi per uffici',
      description: 'Scrivanie, sedie e armadi per gli uffici comunali.',
      language: 'it',
    }
    const furniture = {
      title: 'Fourniture de mobilier de bureau',
      description: 'Bureaux, chaises et armoires pour les services municipaux.',
      language: 'fr',
    }
    const cleaning = {
      title: 'Services de nettoyage',
      description: 'Nettoyage quotidien des bâtiments et des vitres.',
      language: 'fr',
    }
    const counts = await Promise.all([need, furniture, cleaning].map(conceptCounts))
    const idf = idfOf(counts.map((c) => c.keys()))
    const [n, f, c] = counts.map((x) => conceptVector(x, idf))
    t.ok(dot(n!, f!) > 0.2, `furniture offer: ${dot(n!, f!)}`)
    t.ok(dot(n!, f!) > 2 * dot(n!, c!), `cleaning offer: ${dot(n!, c!)}`)
    t.ok(Math.abs(Math.hypot(...n!.values()) - 1) < 1e-9, 'unit length')
  },
)
