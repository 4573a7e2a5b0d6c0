import type { Bilingual } from './labels.js'
import { ITALIAN_NUTS2 } from './nuts2-it.js'

/**
 * NUTS-2 regions of the EU-27 in NUTS 2021 (Regulation (EU) 2019/1755),
 * 242 in all, named as Eurostat names them (national names, Latin script).
 * Extra-regio codes (`ITZZ`…) are left out: no organisation is located there.
 */

export interface Nuts2Region {
  name: string
  /** ISO 3166-1 alpha-2: Greece's EL regions are in GR. */
  country: string
}

/** Eurostat's country prefix where it differs from ISO 3166-1. */
const ISO_COUNTRY: Readonly<Record<string, string>> = { EL: 'GR' }

/** EU-27 member states by ISO 3166-1 alpha-2. */
export const EU_COUNTRIES: Readonly<Record<string, Bilingual>> = {
  AT: { en: 'Austria', it: 'Austria' },
  BE: { en: 'Belgium', it: 'Belgio' },
  BG: { en: 'Bulgaria', it: 'Bulgaria' },
  CY: { en: 'Cyprus', it: 'Cipro' },
  CZ: { en: 'Czechia', it: 'Cechia' },
  DE: { en: 'Germany', it: 'Germania' },
  DK: { en: 'Denmark', it: 'Danimarca' },
  EE: { en: 'Estonia', it: 'Estonia' },
  ES: { en: 'Spain', it: 'Spagna' },
  FI: { en: 'Finland', it: 'Finlandia' },
  FR: { en: 'France', it: 'Francia' },
  GR: { en: 'Greece', it: 'Grecia' },
  HR: { en: 'Croatia', it: 'Croazia' },
  HU: { en: 'Hungary', it: 'Ungheria' },
  IE: { en: 'Ireland', it: 'Irlanda' },
  IT: { en: 'Italy', it: 'Italia' },
  LT: { en: 'Lithuania', it: 'Lituania' },
  LU: { en: 'Luxembourg', it: 'Lussemburgo' },
  LV: { en: 'Latvia', it: 'Lettonia' },
  MT: { en: 'Malta', it: 'Malta' },
  NL: { en: 'Netherlands', it: 'Paesi Bassi' },
  PL: { en: 'Poland', it: 'Polonia' },
  PT: { en: 'Portugal', it: 'Portogallo' },
  RO: { en: 'Romania', it: 'Romania' },
  SE: { en: 'Sweden', it: 'Svezia' },
  SI: { en: 'Slovenia', it: 'Slovenia' },
  SK: { en: 'Slovakia', it: 'Slovacchia' },
}

const BY_PREFIX: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  AT: {
    AT11: 'Burgenland', AT12: 'Niederösterreich', AT13: 'Wien', AT21: 'Kärnten', AT22: 'Steiermark',
    AT31: 'Oberösterreich', AT32: 'Salzburg', AT33: 'Tirol', AT34: 'Vorarlberg',
  },
  BE: {
    BE10: 'Région de Bruxelles-Capitale/Brussels Hoofdstedelijk Gewest',
    BE21: 'Prov. Antwerpen', BE22: 'Prov. Limburg (BE)', BE23: 'Prov. Oost-Vlaanderen', BE24: 'Prov. Vlaams-Brabant',
    BE25: 'Prov. West-Vlaanderen', BE31: 'Prov. Brabant wallon', BE32: 'Prov. Hainaut', BE33: 'Prov. Liège',
    BE34: 'Prov. Luxembourg (BE)', BE35: 'Prov. Namur',
  },
  BG: {
    BG31: 'Severozapaden', BG32: 'Severen tsentralen', BG33: 'Severoiztochen', BG34: 'Yugoiztochen',
    BG41: 'Yugozapaden', BG42: 'Yuzhen tsentralen',
  },
  CY: { CY00: 'Kýpros' },
  CZ: {
    CZ01: 'Praha', CZ02: 'Střední Čechy', CZ03: 'Jihozápad', CZ04: 'Severozápad', CZ05: 'Severovýchod',
    CZ06: 'Jihovýchod', CZ07: 'Střední Morava', CZ08: 'Moravskoslezsko',
  },
  DE: {
    DE11: 'Stuttgart', DE12: 'Karlsruhe', DE13: 'Freiburg', DE14: 'Tübingen',
    DE21: 'Oberbayern', DE22: 'Niederbayern', DE23: 'Oberpfalz', DE24: 'Oberfranken', DE25: 'Mittelfranken',
    DE26: 'Unterfranken', DE27: 'Schwaben', DE30: 'Berlin', DE40: 'Brandenburg', DE50: 'Bremen', DE60: 'Hamburg',
    DE71: 'Darmstadt', DE72: 'Gießen', DE73: 'Kassel', DE80: 'Mecklenburg-Vorpommern',
    DE91: 'Braunschweig', DE92: 'Hannover', DE93: 'Lüneburg', DE94: 'Weser-Ems',
    DEA1: 'Düsseldorf', DEA2: 'Köln', DEA3: 'Münster', DEA4: 'Detmold', DEA5: 'Arnsberg',
    DEB1: 'Koblenz', DEB2: 'Trier', DEB3: 'Rheinhessen-Pfalz', DEC0: 'Saarland',
    DED2: 'Dresden', DED4: 'Chemnitz', DED5: 'Leipzig', DEE0: 'Sachsen-Anhalt', DEF0: 'Schleswig-Holstein',
    DEG0: 'Thüringen',
  },
  DK: { DK01: 'Hovedstaden', DK02: 'Sjælland', DK03: 'Syddanmark', DK04: 'Midtjylland', DK05: 'Nordjylland' },
  EE: { EE00: 'Eesti' },
  EL: {
    EL30: 'Attiki', EL41: 'Voreio Aigaio', EL42: 'Notio Aigaio', EL43: 'Kriti',
    EL51: 'Anatoliki Makedonia, Thraki', EL52: 'Kentriki Makedonia', EL53: 'Dytiki Makedonia', EL54: 'Ipeiros',
    EL61: 'Thessalia', EL62: 'Ionia Nisia', EL63: 'Dytiki Ellada', EL64: 'Sterea Ellada', EL65: 'Peloponnisos',
  },
  ES: {
    ES11: 'Galicia', ES12: 'Principado de Asturias', ES13: 'Cantabria', ES21: 'País Vasco',
    ES22: 'Comunidad Foral de Navarra', ES23: 'La Rioja', ES24: 'Aragón', ES30: 'Comunidad de Madrid',
    ES41: 'Castilla y León', ES42: 'Castilla-La Mancha', ES43: 'Extremadura', ES51: 'Cataluña',
    ES52: 'Comunitat Valenciana', ES53: 'Illes Balears', ES61: 'Andalucía', ES62: 'Región de Murcia',
    ES63: 'Ciudad de Ceuta', ES64: 'Ciudad de Melilla', ES70: 'Canarias',
  },
  FI: { FI19: 'Länsi-Suomi', FI1B: 'Helsinki-Uusimaa', FI1C: 'Etelä-Suomi', FI1D: 'Pohjois- ja Itä-Suomi', FI20: 'Åland' },
  FR: {
    FR10: 'Ile-de-France', FRB0: 'Centre — Val de Loire', FRC1: 'Bourgogne', FRC2: 'Franche-Comté',
    FRD1: 'Basse-Normandie', FRD2: 'Haute-Normandie', FRE1: 'Nord-Pas de Calais', FRE2: 'Picardie',
    FRF1: 'Alsace', FRF2: 'Champagne-Ardenne', FRF3: 'Lorraine', FRG0: 'Pays de la Loire', FRH0: 'Bretagne',
    FRI1: 'Aquitaine', FRI2: 'Limousin', FRI3: 'Poitou-Charentes', FRJ1: 'Languedoc-Roussillon',
    FRJ2: 'Midi-Pyrénées', FRK1: 'Auvergne', FRK2: 'Rhône-Alpes', FRL0: "Provence-Alpes-Côte d'Azur",
    FRM0: 'Corse', FRY1: 'Guadeloupe', FRY2: 'Martinique', FRY3: 'Guyane', FRY4: 'La Réunion', FRY5: 'Mayotte',
  },
  HR: { HR02: 'Panonska Hrvatska', HR03: 'Jadranska Hrvatska', HR05: 'Grad Zagreb', HR06: 'Sjeverna Hrvatska' },
  HU: {
    HU11: 'Budapest', HU12: 'Pest', HU21: 'Közép-Dunántúl', HU22: 'Nyugat-Dunántúl', HU23: 'Dél-Dunántúl',
    HU31: 'Észak-Magyarország', HU32: 'Észak-Alföld', HU33: 'Dél-Alföld',
  },
  IE: { IE04: 'Northern and Western', IE05: 'Southern', IE06: 'Eastern and Midland' },
  IT: ITALIAN_NUTS2,
  LT: { LT01: 'Sostinės regionas', LT02: 'Vidurio ir vakarų Lietuvos regionas' },
  LU: { LU00: 'Luxembourg' },
  LV: { LV00: 'Latvija' },
  MT: { MT00: 'Malta' },
  NL: {
    NL11: 'Groningen', NL12: 'Friesland (NL)', NL13: 'Drenthe', NL21: 'Overijssel', NL22: 'Gelderland',
    NL23: 'Flevoland', NL32: 'Noord-Holland', NL34: 'Zeeland', NL35: 'Utrecht', NL36: 'Zuid-Holland',
    NL41: 'Noord-Brabant', NL42: 'Limburg (NL)',
  },
  PL: {
    PL21: 'Małopolskie', PL22: 'Śląskie', PL41: 'Wielkopolskie', PL42: 'Zachodniopomorskie', PL43: 'Lubuskie',
    PL51: 'Dolnośląskie', PL52: 'Opolskie', PL61: 'Kujawsko-pomorskie', PL62: 'Warmińsko-mazurskie',
    PL63: 'Pomorskie', PL71: 'Łódzkie', PL72: 'Świętokrzyskie', PL81: 'Lubelskie', PL82: 'Podkarpackie',
    PL84: 'Podlaskie', PL91: 'Warszawski stołeczny', PL92: 'Mazowiecki regionalny',
  },
  PT: {
    PT11: 'Norte', PT15: 'Algarve', PT16: 'Centro (PT)', PT17: 'Área Metropolitana de Lisboa', PT18: 'Alentejo',
    PT20: 'Região Autónoma dos Açores', PT30: 'Região Autónoma da Madeira',
  },
  RO: {
    RO11: 'Nord-Vest', RO12: 'Centru', RO21: 'Nord-Est', RO22: 'Sud-Est', RO31: 'Sud-Muntenia',
    RO32: 'București-Ilfov', RO41: 'Sud-Vest Oltenia', RO42: 'Vest',
  },
  SE: {
    SE11: 'Stockholm', SE12: 'Östra Mellansverige', SE21: 'Småland med öarna', SE22: 'Sydsverige',
    SE23: 'Västsverige', SE31: 'Norra Mellansverige', SE32: 'Mellersta Norrland', SE33: 'Övre Norrland',
  },
  SI: { SI03: 'Vzhodna Slovenija', SI04: 'Zahodna Slovenija' },
  SK: { SK01: 'Bratislavský kraj', SK02: 'Západné Slovensko', SK03: 'Stredné Slovensko', SK04: 'Východné Slovensko' },
}

export const NUTS2_REGIONS: Readonly<Record<string, Readonly<Nuts2Region>>> = Object.freeze(
  Object.fromEntries(
    Object.entries(BY_PREFIX).flatMap(([prefix, regions]) =>
      Object.entries(regions).map(([code, name]) => [code, Object.freeze({ name, country: ISO_COUNTRY[prefix] ?? prefix })]),
    ),
  ),
)

/** Whether a code is an EU-27 NUTS-2 region of NUTS 2021 (exact, upper case). */
export function isNuts2(code: string): boolean {
  return Object.hasOwn(NUTS2_REGIONS, code)
}
