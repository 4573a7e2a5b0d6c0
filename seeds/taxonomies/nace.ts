import type { Bilingual } from './labels.js'

/**
 * NACE Rev. 2 (Regulation (EC) No 1893/2006): the 21 sections and 88
 * divisions. Italian labels follow ATECO 2007, ISTAT's national version of
 * NACE Rev. 2, in sentence case.
 */

export interface NaceEntry {
  /** A section letter (`C`) or a two-digit division (`29`). */
  code: string
  kind: 'section' | 'division'
  /** The section letter; a section's is its own code. */
  section: string
  label: Bilingual
}

type Row = readonly [code: string, en: string, it: string]

const SECTIONS: readonly Row[] = [
  ['A', 'Agriculture, forestry and fishing', 'Agricoltura, silvicoltura e pesca'],
  ['B', 'Mining and quarrying', 'Estrazione di minerali da cave e miniere'],
  ['C', 'Manufacturing', 'Attività manifatturiere'],
  [
    'D',
    'Electricity, gas, steam and air conditioning supply',
    'Fornitura di energia elettrica, gas, vapore e aria condizionata',
  ],
  [
    'E',
    'Water supply; sewerage, waste management and remediation activities',
    'Fornitura di acqua; reti fognarie, attività di gestione dei rifiuti e risanamento',
  ],
  ['F', 'Construction', 'Costruzioni'],
  [
    'G',
    'Wholesale and retail trade; repair of motor vehicles and motorcycles',
    "Commercio all'ingrosso e al dettaglio; riparazione di autoveicoli e motocicli",
  ],
  ['H', 'Transportation and storage', 'Trasporto e magazzinaggio'],
  ['I', 'Accommodation and food service activities', 'Attività dei servizi di alloggio e di ristorazione'],
  ['J', 'Information and communication', 'Servizi di informazione e comunicazione'],
  ['K', 'Financial and insurance activities', 'Attività finanziarie e assicurative'],
  ['L', 'Real estate activities', 'Attività immobiliari'],
  ['M', 'Professional, scientific and technical activities', 'Attività professionali, scientifiche e tecniche'],
  [
    'N',
    'Administrative and support service activities',
    'Noleggio, agenzie di viaggio, servizi di supporto alle imprese',
  ],
  [
    'O',
    'Public administration and defence; compulsory social security',
    'Amministrazione pubblica e difesa; assicurazione sociale obbligatoria',
  ],
  ['P', 'Education', 'Istruzione'],
  ['Q', 'Human health and social work activities', 'Sanità e assistenza sociale'],
  ['R', 'Arts, entertainment and recreation', 'Attività artistiche, sportive, di intrattenimento e divertimento'],
  ['S', 'Other service activities', 'Altre attività di servizi'],
  [
    'T',
    'Activities of households as employers; undifferentiated goods- and services-producing activities of households for own use',
    'Attività di famiglie e convivenze come datori di lavoro per personale domestico; produzione di beni e servizi indifferenziati per uso proprio da parte di famiglie e convivenze',
  ],
  ['U', 'Activities of extraterritorial organisations and bodies', 'Organizzazioni ed organismi extraterritoriali'],
]

/** Divisions, grouped by section letter. */
const DIVISIONS: Readonly<Record<string, readonly Row[]>> = {
  A: [
    [
      '01',
      'Crop and animal production, hunting and related service activities',
      'Coltivazioni agricole e produzione di prodotti animali, caccia e servizi connessi',
    ],
    ['02', 'Forestry and logging', 'Silvicoltura ed utilizzo di aree forestali'],
    ['03', 'Fishing and aquaculture', 'Pesca e acquacoltura'],
  ],
  B: [
    ['05', 'Mining of coal and lignite', 'Estrazione di carbone (esclusa torba)'],
    ['06', 'Extraction of crude petroleum and natural gas', 'Estrazione di petrolio greggio e di gas naturale'],
    ['07', 'Mining of metal ores', 'Estrazione di minerali metalliferi'],
    ['08', 'Other mining and quarrying', 'Altre attività di estrazione di minerali da cave e miniere'],
    ['09', 'Mining support service activities', "Attività dei servizi di supporto all'estrazione"],
  ],
  C: [
    ['10', 'Manufacture of food products', 'Industrie alimentari'],
    ['11', 'Manufacture of beverages', 'Industria delle bevande'],
    ['12', 'Manufacture of tobacco products', 'Industria del tabacco'],
    ['13', 'Manufacture of textiles', 'Industrie tessili'],
    [
      '14',
      'Manufacture of wearing apparel',
      'Confezione di articoli di abbigliamento; confezione di articoli in pelle e pelliccia',
    ],
    ['15', 'Manufacture of leather and related products', 'Fabbricazione di articoli in pelle e simili'],
    [
      '16',
      'Manufacture of wood and of products of wood and cork, except furniture; manufacture of articles of straw and plaiting materials',
      'Industria del legno e dei prodotti in legno e sughero (esclusi i mobili); fabbricazione di articoli in paglia e materiali da intreccio',
    ],
    ['17', 'Manufacture of paper and paper products', 'Fabbricazione di carta e di prodotti di carta'],
    ['18', 'Printing and reproduction of recorded media', 'Stampa e riproduzione di supporti registrati'],
    [
      '19',
      'Manufacture of coke and refined petroleum products',
      'Fabbricazione di coke e prodotti derivanti dalla raffinazione del petrolio',
    ],
    ['20', 'Manufacture of chemicals and chemical products', 'Fabbricazione di prodotti chimici'],
    [
      '21',
      'Manufacture of basic pharmaceutical products and pharmaceutical preparations',
      'Fabbricazione di prodotti farmaceutici di base e di preparati farmaceutici',
    ],
    ['22', 'Manufacture of rubber and plastic products', 'Fabbricazione di articoli in gomma e materie plastiche'],
    [
      '23',
      'Manufacture of other non-metallic mineral products',
      'Fabbricazione di altri prodotti della lavorazione di minerali non metalliferi',
    ],
    ['24', 'Manufacture of basic metals', 'Metallurgia'],
    [
      '25',
      'Manufacture of fabricated metal products, except machinery and equipment',
      'Fabbricazione di prodotti in metallo (esclusi macchinari e attrezzature)',
    ],
    [
      '26',
      'Manufacture of computer, electronic and optical products',
      'Fabbricazione di computer e prodotti di elettronica e ottica; apparecchi elettromedicali, apparecchi di misurazione e di orologi',
    ],
    [
      '27',
      'Manufacture of electrical equipment',
      'Fabbricazione di apparecchiature elettriche ed apparecchiature per uso domestico non elettriche',
    ],
    ['28', 'Manufacture of machinery and equipment n.e.c.', 'Fabbricazione di macchinari ed apparecchiature nca'],
    [
      '29',
      'Manufacture of motor vehicles, trailers and semi-trailers',
      'Fabbricazione di autoveicoli, rimorchi e semirimorchi',
    ],
    ['30', 'Manufacture of other transport equipment', 'Fabbricazione di altri mezzi di trasporto'],
    ['31', 'Manufacture of furniture', 'Fabbricazione di mobili'],
    ['32', 'Other manufacturing', 'Altre industrie manifatturiere'],
    [
      '33',
      'Repair and installation of machinery and equipment',
      'Riparazione, manutenzione ed installazione di macchine ed apparecchiature',
    ],
  ],
  D: [
    [
      '35',
      'Electricity, gas, steam and air conditioning supply',
      'Fornitura di energia elettrica, gas, vapore e aria condizionata',
    ],
  ],
  E: [
    ['36', 'Water collection, treatment and supply', 'Raccolta, trattamento e fornitura di acqua'],
    ['37', 'Sewerage', 'Gestione delle reti fognarie'],
    [
      '38',
      'Waste collection, treatment and disposal activities; materials recovery',
      'Attività di raccolta, trattamento e smaltimento dei rifiuti; recupero dei materiali',
    ],
    [
      '39',
      'Remediation activities and other waste management services',
      'Attività di risanamento e altri servizi di gestione dei rifiuti',
    ],
  ],
  F: [
    ['41', 'Construction of buildings', 'Costruzione di edifici'],
    ['42', 'Civil engineering', 'Ingegneria civile'],
    ['43', 'Specialised construction activities', 'Lavori di costruzione specializzati'],
  ],
  G: [
    [
      '45',
      'Wholesale and retail trade and repair of motor vehicles and motorcycles',
      "Commercio all'ingrosso e al dettaglio e riparazione di autoveicoli e motocicli",
    ],
    [
      '46',
      'Wholesale trade, except of motor vehicles and motorcycles',
      "Commercio all'ingrosso (escluso quello di autoveicoli e di motocicli)",
    ],
    [
      '47',
      'Retail trade, except of motor vehicles and motorcycles',
      'Commercio al dettaglio (escluso quello di autoveicoli e di motocicli)',
    ],
  ],
  H: [
    ['49', 'Land transport and transport via pipelines', 'Trasporto terrestre e trasporto mediante condotte'],
    ['50', 'Water transport', "Trasporto marittimo e per vie d'acqua"],
    ['51', 'Air transport', 'Trasporto aereo'],
    [
      '52',
      'Warehousing and support activities for transportation',
      'Magazzinaggio e attività di supporto ai trasporti',
    ],
    ['53', 'Postal and courier activities', 'Servizi postali e attività di corriere'],
  ],
  I: [
    ['55', 'Accommodation', 'Alloggio'],
    ['56', 'Food and beverage service activities', 'Attività dei servizi di ristorazione'],
  ],
  J: [
    ['58', 'Publishing activities', 'Attività editoriali'],
    [
      '59',
      'Motion picture, video and television programme production, sound recording and music publishing activities',
      'Attività di produzione cinematografica, di video e di programmi televisivi, di registrazioni musicali e sonore',
    ],
    ['60', 'Programming and broadcasting activities', 'Attività di programmazione e trasmissione'],
    ['61', 'Telecommunications', 'Telecomunicazioni'],
    [
      '62',
      'Computer programming, consultancy and related activities',
      'Produzione di software, consulenza informatica e attività connesse',
    ],
    ['63', 'Information service activities', "Attività dei servizi d'informazione e altri servizi informatici"],
  ],
  K: [
    [
      '64',
      'Financial service activities, except insurance and pension funding',
      'Attività di servizi finanziari (escluse le assicurazioni e i fondi pensione)',
    ],
    [
      '65',
      'Insurance, reinsurance and pension funding, except compulsory social security',
      'Assicurazioni, riassicurazioni e fondi pensione (escluse le assicurazioni sociali obbligatorie)',
    ],
    [
      '66',
      'Activities auxiliary to financial services and insurance activities',
      'Attività ausiliarie dei servizi finanziari e delle attività assicurative',
    ],
  ],
  L: [['68', 'Real estate activities', 'Attività immobiliari']],
  M: [
    ['69', 'Legal and accounting activities', 'Attività legali e contabilità'],
    [
      '70',
      'Activities of head offices; management consultancy activities',
      'Attività di direzione aziendale e di consulenza gestionale',
    ],
    [
      '71',
      'Architectural and engineering activities; technical testing and analysis',
      "Attività degli studi di architettura e d'ingegneria; collaudi ed analisi tecniche",
    ],
    ['72', 'Scientific research and development', 'Ricerca scientifica e sviluppo'],
    ['73', 'Advertising and market research', 'Pubblicità e ricerche di mercato'],
    [
      '74',
      'Other professional, scientific and technical activities',
      'Altre attività professionali, scientifiche e tecniche',
    ],
    ['75', 'Veterinary activities', 'Servizi veterinari'],
  ],
  N: [
    ['77', 'Rental and leasing activities', 'Attività di noleggio e leasing operativo'],
    ['78', 'Employment activities', 'Attività di ricerca, selezione, fornitura di personale'],
    [
      '79',
      'Travel agency, tour operator reservation service and related activities',
      'Attività dei servizi delle agenzie di viaggio, dei tour operator e servizi di prenotazione e attività connesse',
    ],
    ['80', 'Security and investigation activities', 'Servizi di vigilanza e investigazione'],
    ['81', 'Services to buildings and landscape activities', 'Attività di servizi per edifici e paesaggio'],
    [
      '82',
      'Office administrative, office support and other business support activities',
      "Attività di supporto per le funzioni d'ufficio e altri servizi di supporto alle imprese",
    ],
  ],
  O: [
    [
      '84',
      'Public administration and defence; compulsory social security',
      'Amministrazione pubblica e difesa; assicurazione sociale obbligatoria',
    ],
  ],
  P: [['85', 'Education', 'Istruzione']],
  Q: [
    ['86', 'Human health activities', 'Assistenza sanitaria'],
    ['87', 'Residential care activities', 'Servizi di assistenza sociale residenziale'],
    ['88', 'Social work activities without accommodation', 'Assistenza sociale non residenziale'],
  ],
  R: [
    ['90', 'Creative, arts and entertainment activities', 'Attività creative, artistiche e di intrattenimento'],
    [
      '91',
      'Libraries, archives, museums and other cultural activities',
      'Attività di biblioteche, archivi, musei ed altre attività culturali',
    ],
    ['92', 'Gambling and betting activities', 'Attività riguardanti le lotterie, le scommesse, le case da gioco'],
    [
      '93',
      'Sports activities and amusement and recreation activities',
      'Attività sportive, di intrattenimento e di divertimento',
    ],
  ],
  S: [
    ['94', 'Activities of membership organisations', 'Attività di organizzazioni associative'],
    [
      '95',
      'Repair of computers and personal and household goods',
      'Riparazione di computer e di beni per uso personale e per la casa',
    ],
    ['96', 'Other personal service activities', 'Altre attività di servizi per la persona'],
  ],
  T: [
    [
      '97',
      'Activities of households as employers of domestic personnel',
      'Attività di famiglie e convivenze come datori di lavoro per personale domestico',
    ],
    [
      '98',
      'Undifferentiated goods- and services-producing activities of private households for own use',
      'Produzione di beni e servizi indifferenziati per uso proprio da parte di famiglie e convivenze',
    ],
  ],
  U: [
    ['99', 'Activities of extraterritorial organisations and bodies', 'Organizzazioni ed organismi extraterritoriali'],
  ],
}

function entry(kind: NaceEntry['kind'], section: string, [code, en, it]: Row): NaceEntry {
  return Object.freeze({ code, kind, section, label: Object.freeze({ en, it }) })
}

export const NACE_SECTIONS: readonly NaceEntry[] = SECTIONS.map((row) => entry('section', row[0], row))

export const NACE_DIVISIONS: readonly NaceEntry[] = SECTIONS.flatMap(([section]) =>
  (DIVISIONS[section] ?? []).map((row) => entry('division', section, row)),
)

/** Sections first, then divisions in code order. */
export const NACE_ENTRIES: readonly NaceEntry[] = [...NACE_SECTIONS, ...NACE_DIVISIONS]

const BY_CODE = new Map(NACE_ENTRIES.map((nace) => [nace.code, nace]))

/** A section (`C`, `c`) or a division (`29`); undefined for anything else. */
export function naceByCode(code: string): NaceEntry | undefined {
  return BY_CODE.get(code.trim().toUpperCase())
}

/**
 * The section letter of a division or of any finer NACE/ATECO code starting
 * with one (`29`, `29.1`, `29.10.00` → `C`); a section letter returns itself.
 */
export function naceSection(code: string): string | undefined {
  const trimmed = code.trim().toUpperCase()
  const division = /^(\d{2})(?:[.\d]*)$/.exec(trimmed)?.[1]
  return BY_CODE.get(division ?? trimmed)?.section
}
