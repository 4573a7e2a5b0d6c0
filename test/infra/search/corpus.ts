import { cpvPrefixes, type SearchDocument } from '../../../server/infra/search/search.types.js'

const ORG_A = '00000000-0000-4000-8000-00000000000a'
const ORG_B = '00000000-0000-4000-8000-00000000000b'

function doc(id: number, fields: Partial<SearchDocument> & Pick<SearchDocument, 'title' | 'description' | 'language' | 'cpv'>): SearchDocument {
  return {
    id: `00000000-0000-4000-8000-${String(id).padStart(12, '0')}`,
    organisationId: id % 2 === 0 ? ORG_A : ORG_B,
    organisationName: id % 2 === 0 ? 'Alpha Srl' : 'Beta GmbH',
    keywords: [],
    cpvPrefixes: cpvPrefixes(fields.cpv),
    cpvDivision: [...new Set(fields.cpv.map((c) => c.slice(0, 2)))],
    audience: ['public'],
    updatedAt: 1_700_000_000_000 + id * 1000,
    ...fields,
  }
}

/** A small fixed corpus every engine must answer the same way. */
export const CORPUS: SearchDocument[] = [
  doc(1, { title: 'Electric buses for urban public transport', description: 'Battery electric buses, 12 and 18 metres, with charging infrastructure for city fleets.', language: 'en', cpv: ['34121000'], keywords: ['bus', 'e-mobility'], nace: '29.10', naceSection: 'C', s3: 'automotive-mobility', region: 'DE21', country: 'DE', trl: 9, sizeClass: 'large' }),
  doc(2, { title: 'Autobus elettrici per il trasporto urbano', description: 'Fornitura di autobus elettrici a batteria per il trasporto pubblico della città di Torino.', language: 'it', cpv: ['34121000', '34144900'], keywords: ['autobus', 'mobilità'], nace: '29.10', naceSection: 'C', s3: 'automotive-mobility', region: 'ITC1', country: 'IT', trl: 8, sizeClass: 'medium' }),
  doc(3, { title: 'Sensori di vibrazione per la manutenzione predittiva', description: 'Sensori MEMS e software per la manutenzione predittiva di macchine utensili.', language: 'it', cpv: ['38424000', '48000000'], keywords: ['sensori', 'manutenzione', 'meccatronica'], nace: '26.51', naceSection: 'C', s3: 'mechatronics', region: 'ITC1', country: 'IT', trl: 6, sizeClass: 'small' }),
  doc(4, { title: 'Predictive maintenance software for machine tools', description: 'Machine learning on vibration data <script>alert(1)</script> to plan maintenance.', language: 'en', cpv: ['48000000'], keywords: ['software', 'maintenance'], nace: '62.01', naceSection: 'J', s3: 'mechatronics', region: 'ITC4', country: 'IT', trl: 7, sizeClass: 'micro' }),
  doc(5, { title: 'Imballaggi compostabili per alimenti', description: 'Vaschette e film compostabili per la filiera agroalimentare.', language: 'it', cpv: ['44619000'], keywords: ['imballaggio', 'packaging'], nace: '22.22', naceSection: 'C', s3: 'green-chemistry-cleantech', region: 'ITC1', country: 'IT', trl: 5, sizeClass: 'small' }),
  doc(6, { title: 'Meccatronica per linee di assemblaggio', description: 'Robot collaborativi e attuatori per linee di assemblaggio automotive.', language: 'it', cpv: ['42997300'], keywords: ['robot', 'meccatronica'], nace: '28.41', naceSection: 'C', s3: 'mechatronics', region: 'ITC1', country: 'IT', trl: 7, sizeClass: 'small' }),
  doc(7, { title: 'Satellite components for small launchers', description: 'Structural components in composite materials for the space industry.', language: 'en', cpv: ['35600000'], keywords: ['space', 'composites'], nace: '30.30', naceSection: 'C', s3: 'aerospace', region: 'FRJ2', country: 'FR', trl: 4, sizeClass: 'medium', audience: [ORG_A] }),
  doc(8, { title: 'Formazione sulla sicurezza nei cantieri', description: 'Corsi di formazione sulla sicurezza per imprese edili e appaltatori.', language: 'it', cpv: ['80550000'], keywords: ['formazione', 'sicurezza'], nace: '85.59', naceSection: 'P', region: 'ITC1', country: 'IT', trl: 9, sizeClass: 'micro' }),
]

export const ids = (n: number[]) => n.map((i) => CORPUS[i - 1]!.id)
export { ORG_A, ORG_B }
