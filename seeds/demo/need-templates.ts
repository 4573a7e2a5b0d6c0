import type { Text } from './offer-templates.js'

/**
 * What the demo buyers source, per S3 domain: procurement needs written as a
 * purchasing team would, in English and Italian, with the CPV codes of the
 * offers that answer them.
 */
export interface NeedTemplate {
  en: Text
  it: Text
  cpvCodes: string[]
  budget: [number, number]
  minTrl: number
  certifications: string[]
  volume: string
}

const need = (en: Text, it: Text, spec: Omit<NeedTemplate, 'en' | 'it'>): NeedTemplate => ({ en, it, ...spec })

export const NEED_TEMPLATES: Record<string, NeedTemplate[]> = {
  aerospace: [
    need(
      {
        title: 'Second source for composite fairings',
        description:
          'We need a qualified second source for carbon-fibre fairings and access panels of a regional aircraft programme, rate 8 shipsets per month from 2027.',
      },
      {
        title: 'Seconda fonte per carenature in composito',
        description:
          'Cerchiamo una seconda fonte qualificata per carenature e pannelli di accesso in fibra di carbonio di un programma di aereo regionale, 8 shipset al mese dal 2027.',
      },
      {
        cpvCodes: ['34731000'],
        budget: [1_500_000, 4_000_000],
        minTrl: 8,
        certifications: ['EN 9100'],
        volume: '8 shipsets per month',
      },
    ),
    need(
      {
        title: 'Drone inspection of plant roofs and chimneys',
        description:
          'Framework agreement for thermal and visual drone inspections of roofs, chimneys and pipe racks at 14 production sites, with defect reports in our maintenance system.',
      },
      {
        title: 'Ispezioni con droni di coperture e camini',
        description:
          'Accordo quadro per ispezioni termografiche e visive con droni di coperture, camini e rack tubazioni in 14 stabilimenti, con rapporti dei difetti nel nostro sistema di manutenzione.',
      },
      {
        cpvCodes: ['35613000', '38221000'],
        budget: [150_000, 400_000],
        minTrl: 8,
        certifications: [],
        volume: '14 sites, twice a year',
      },
    ),
    need(
      {
        title: 'Component overhaul for a regional turboprop fleet',
        description:
          'Overhaul of landing-gear actuators and hydraulic pumps for a fleet of 22 turboprops, with a pool of exchange units and 15-day turnaround.',
      },
      {
        title: 'Revisione componenti per una flotta di turboelica',
        description:
          'Revisione di attuatori del carrello e pompe idrauliche per una flotta di 22 turboelica, con un pool di parti di scambio e consegna in 15 giorni.',
      },
      {
        cpvCodes: ['50211000'],
        budget: [800_000, 2_500_000],
        minTrl: 9,
        certifications: ['EASA Part 145'],
        volume: '22 aircraft',
      },
    ),
    need(
      {
        title: 'Satellite monitoring of ground movement along our network',
        description:
          'Monthly InSAR monitoring of subsidence and landslides along 1,200 km of pipelines, delivered as GIS layers with alerts.',
      },
      {
        title: 'Monitoraggio satellitare dei movimenti del terreno',
        description:
          'Monitoraggio InSAR mensile di subsidenza e frane lungo 1.200 km di condotte, fornito come livelli GIS con allerte.',
      },
      {
        cpvCodes: ['38221000', '72300000'],
        budget: [200_000, 600_000],
        minTrl: 7,
        certifications: ['ISO 27001'],
        volume: '1,200 km of network',
      },
    ),
  ],
  'sustainable-mobility': [
    need(
      {
        title: 'Electromechanical door systems for new trains',
        description:
          'Supply of electromechanical passenger door systems for a new series of 40 commuter trains, delivery from 2028.',
      },
      {
        title: 'Sistemi porte elettromeccanici per nuovi treni',
        description:
          'Fornitura di sistemi porte passeggeri elettromeccanici per una nuova serie di 40 treni suburbani, consegne dal 2028.',
      },
      {
        cpvCodes: ['34631000'],
        budget: [2_000_000, 5_000_000],
        minTrl: 8,
        certifications: ['EN 15085'],
        volume: '40 trains × 12 doors',
      },
    ),
    need(
      {
        title: 'Depot charging for 120 electric buses',
        description:
          'Design, supply and maintenance of DC depot chargers with smart load management for 120 electric buses across three depots.',
      },
      {
        title: 'Ricarica in deposito per 120 autobus elettrici',
        description:
          'Progettazione, fornitura e manutenzione di caricatori DC con gestione intelligente del carico per 120 autobus elettrici in tre depositi.',
      },
      {
        cpvCodes: ['31158100', '34144910'],
        budget: [3_000_000, 7_500_000],
        minTrl: 8,
        certifications: ['CE'],
        volume: '120 buses, 3 depots',
      },
    ),
    need(
      {
        title: 'Battery packs for a new range of electric forklifts',
        description:
          'Lithium battery packs with BMS and CAN interface for a new range of 2–5 t electric forklifts, about 6,000 packs a year.',
      },
      {
        title: 'Pacchi batteria per una nuova gamma di carrelli elettrici',
        description:
          "Pacchi batteria al litio con BMS e interfaccia CAN per una nuova gamma di carrelli elettrici da 2 a 5 t, circa 6.000 pacchi l'anno.",
      },
      {
        cpvCodes: ['31440000'],
        budget: [4_000_000, 9_000_000],
        minTrl: 7,
        certifications: ['UN 38.3'],
        volume: '6,000 packs a year',
      },
    ),
    need(
      {
        title: 'Lightweight aluminium housings for e-axles',
        description:
          'Machined die-cast aluminium housings and covers for an e-axle platform, 80,000 units a year from 2028, PPAP level 3.',
      },
      {
        title: 'Carter in alluminio alleggeriti per assali elettrici',
        description:
          "Carter e coperchi in alluminio pressofuso lavorati per una piattaforma di assali elettrici, 80.000 pezzi l'anno dal 2028, PPAP livello 3.",
      },
      {
        cpvCodes: ['34300000', '34320000'],
        budget: [5_000_000, 12_000_000],
        minTrl: 8,
        certifications: ['IATF 16949'],
        volume: '80,000 units a year',
      },
    ),
    need(
      {
        title: 'Real-time passenger information for a regional network',
        description:
          'Displays at 300 stops and on 450 vehicles, with a GTFS-RT feed and audio announcements for visually impaired passengers.',
      },
      {
        title: 'Informazione in tempo reale per una rete regionale',
        description:
          'Display in 300 fermate e su 450 mezzi, con flusso GTFS-RT e annunci audio per passeggeri ipovedenti.',
      },
      {
        cpvCodes: ['48813000'],
        budget: [1_200_000, 3_000_000],
        minTrl: 8,
        certifications: ['EN 50155'],
        volume: '300 stops, 450 vehicles',
      },
    ),
    need(
      {
        title: 'Predictive maintenance for the regional train fleet',
        description:
          'We look for sensors and analytics to predict failures of bogies and doors on 120 regional trains, with a pilot in 2027.',
      },
      {
        title: 'Manutenzione predittiva della flotta regionale',
        description:
          'Cerchiamo sensori e analisi dei dati per prevedere i guasti di carrelli e porte su 120 treni regionali, con un progetto pilota nel 2027.',
      },
      {
        cpvCodes: ['38424000', '50220000'],
        budget: [200_000, 800_000],
        minTrl: 6,
        certifications: ['ISO 9001'],
        volume: '120 trains',
      },
    ),
  ],
  'advanced-manufacturing': [
    need(
      {
        title: 'Collaborative robots for final assembly stations',
        description:
          'Cobots with vision for 30 final-assembly stations in two plants, including integration, safety assessment and operator training.',
      },
      {
        title: 'Robot collaborativi per le stazioni di assemblaggio finale',
        description:
          'Cobot con visione per 30 stazioni di assemblaggio finale in due stabilimenti, compresi integrazione, valutazione della sicurezza e formazione.',
      },
      {
        cpvCodes: ['42997300'],
        budget: [900_000, 2_000_000],
        minTrl: 8,
        certifications: ['ISO 10218'],
        volume: '30 stations',
      },
    ),
    need(
      {
        title: 'Condition monitoring of pumps and motors',
        description:
          'Wireless vibration sensors and analytics for 2,500 pumps and motors across our water treatment plants, with a 12-month pilot first.',
      },
      {
        title: 'Monitoraggio delle condizioni di pompe e motori',
        description:
          'Sensori di vibrazione wireless e analisi per 2.500 pompe e motori dei nostri impianti di trattamento acque, con un pilota di 12 mesi.',
      },
      {
        cpvCodes: ['38424000', '48150000'],
        budget: [300_000, 1_000_000],
        minTrl: 6,
        certifications: [],
        volume: '2,500 assets',
      },
    ),
    need(
      {
        title: 'End-of-line test benches for e-motors',
        description:
          'Four end-of-line test benches for traction motors (up to 250 kW), with traceable results sent to our MES.',
      },
      {
        title: 'Banchi di collaudo di fine linea per motori elettrici',
        description:
          'Quattro banchi di collaudo di fine linea per motori di trazione fino a 250 kW, con risultati tracciati inviati al nostro MES.',
      },
      {
        cpvCodes: ['38540000'],
        budget: [1_000_000, 2_400_000],
        minTrl: 8,
        certifications: ['ISO 9001'],
        volume: '4 benches',
      },
    ),
    need(
      {
        title: 'MES roll-out in twelve plants',
        description:
          'A MES for OEE, traceability and scheduling to roll out in twelve European plants over three years, integrated with SAP S/4HANA.',
      },
      {
        title: 'Adozione di un MES in dodici stabilimenti',
        description:
          'Un MES per OEE, tracciabilità e pianificazione da introdurre in dodici stabilimenti europei in tre anni, integrato con SAP S/4HANA.',
      },
      {
        cpvCodes: ['48150000', '72212100'],
        budget: [1_500_000, 4_000_000],
        minTrl: 8,
        certifications: ['ISO 27001'],
        volume: '12 plants',
      },
    ),
    need(
      {
        title: 'Welded stainless-steel frames for rolling stock',
        description:
          'Laser- and robot-welded stainless-steel underframe modules for rolling stock, certified to EN 15085 CL1, about 400 sets a year.',
      },
      {
        title: 'Telai saldati in inox per materiale rotabile',
        description:
          "Moduli di sottocassa in acciaio inox saldati al laser e con robot per materiale rotabile, certificati EN 15085 CL1, circa 400 set l'anno.",
      },
      {
        cpvCodes: ['42662000', '34631000'],
        budget: [1_200_000, 3_500_000],
        minTrl: 9,
        certifications: ['EN 15085'],
        volume: '400 sets a year',
      },
    ),
    need(
      {
        title: 'Robotic machining cells for light-alloy parts',
        description:
          'Turnkey five-axis machining cells with automatic loading for aluminium structural parts, two cells in 2027.',
      },
      {
        title: 'Celle robotizzate per parti in lega leggera',
        description:
          'Celle di lavorazione a cinque assi chiavi in mano con carico automatico per parti strutturali in alluminio, due celle nel 2027.',
      },
      {
        cpvCodes: ['42611000', '42997300'],
        budget: [1_400_000, 3_000_000],
        minTrl: 8,
        certifications: ['CE'],
        volume: '2 cells',
      },
    ),
  ],
  'green-technologies': [
    need(
      {
        title: 'Rooftop solar on our logistics centres',
        description:
          'Turnkey rooftop PV (about 9 MWp in total) on six logistics centres, with monitoring and a 20-year maintenance contract.',
      },
      {
        title: 'Fotovoltaico sui tetti dei centri logistici',
        description:
          'Impianti fotovoltaici chiavi in mano (circa 9 MWp in totale) su sei centri logistici, con monitoraggio e contratto di manutenzione ventennale.',
      },
      {
        cpvCodes: ['09331200', '09332000'],
        budget: [5_000_000, 8_000_000],
        minTrl: 9,
        certifications: ['ISO 14001'],
        volume: '9 MWp, 6 sites',
      },
    ),
    need(
      {
        title: 'Energy audits and efficiency plans for our plants',
        description:
          'EN 16247 energy audits for 18 plants and an efficiency plan with payback for each, to meet our 2030 decarbonisation targets.',
      },
      {
        title: 'Diagnosi energetiche e piani di efficientamento',
        description:
          "Diagnosi energetiche EN 16247 per 18 stabilimenti e un piano di efficientamento con ritorno dell'investimento per ciascuno, per i nostri obiettivi di decarbonizzazione al 2030.",
      },
      {
        cpvCodes: ['71314300'],
        budget: [250_000, 600_000],
        minTrl: 9,
        certifications: ['ISO 50001'],
        volume: '18 plants',
      },
    ),
    need(
      {
        title: 'Water reuse at a dyeing plant',
        description:
          'A membrane treatment plant to reuse 70% of the process water of our dyeing plant (1,500 m³/day), with operation for five years.',
      },
      {
        title: 'Riutilizzo delle acque in una tintoria',
        description:
          'Un impianto a membrana per riutilizzare il 70% delle acque di processo della nostra tintoria (1.500 m³/giorno), con conduzione per cinque anni.',
      },
      {
        cpvCodes: ['42996000'],
        budget: [2_000_000, 4_500_000],
        minTrl: 8,
        certifications: ['ISO 14001'],
        volume: '1,500 m³ per day',
      },
    ),
    need(
      {
        title: 'Compostable flexible packaging for fresh produce',
        description:
          'Compostable films and bags for fresh-produce packaging in 1,100 stores, EN 13432 certified, about 900 t a year.',
      },
      {
        title: "Imballaggi flessibili compostabili per l'ortofrutta",
        description:
          "Film e sacchetti compostabili per il confezionamento dell'ortofrutta in 1.100 punti vendita, certificati EN 13432, circa 900 t l'anno.",
      },
      {
        cpvCodes: ['19520000', '44619000'],
        budget: [1_800_000, 3_600_000],
        minTrl: 8,
        certifications: ['EN 13432'],
        volume: '900 t a year',
      },
    ),
    need(
      {
        title: 'Recycling of end-of-life traction batteries',
        description:
          'Collection and recycling of end-of-life traction batteries from our European dealers, with recovered-material certificates for the EU Battery Regulation.',
      },
      {
        title: 'Riciclo delle batterie di trazione a fine vita',
        description:
          'Raccolta e riciclo delle batterie di trazione a fine vita dai nostri concessionari europei, con certificati dei materiali recuperati per il Regolamento UE sulle batterie.',
      },
      {
        cpvCodes: ['90500000'],
        budget: [1_000_000, 3_000_000],
        minTrl: 7,
        certifications: ['ISO 14001'],
        volume: '2,000 t a year',
      },
    ),
  ],
  food: [
    need(
      {
        title: 'Filled fresh pasta for our in-flight catering',
        description:
          'IQF frozen filled pasta (agnolotti, ravioli) for business-class menus, 180 t a year, with gluten-free options and full allergen documentation.',
      },
      {
        title: 'Pasta fresca ripiena per il catering di bordo',
        description:
          "Pasta ripiena surgelata IQF (agnolotti, ravioli) per i menu di business class, 180 t l'anno, con opzioni senza glutine e documentazione completa degli allergeni.",
      },
      {
        cpvCodes: ['15850000'],
        budget: [600_000, 1_400_000],
        minTrl: 9,
        certifications: ['BRCGS'],
        volume: '180 t a year',
      },
    ),
    need(
      {
        title: 'Hazelnut chocolate spreads for private label',
        description:
          'Palm-oil-free hazelnut spreads and gianduja pralines under our private label for 2,300 stores in Germany and Austria.',
      },
      {
        title: 'Creme spalmabili alla nocciola a marchio del distributore',
        description:
          'Creme spalmabili alla nocciola senza olio di palma e praline gianduja a nostro marchio per 2.300 punti vendita in Germania e Austria.',
      },
      {
        cpvCodes: ['15840000'],
        budget: [1_500_000, 3_000_000],
        minTrl: 9,
        certifications: ['IFS Food'],
        volume: '2,300 stores',
      },
    ),
    need(
      {
        title: 'Italian PDO cheese range for our delicatessen counters',
        description:
          'A range of Piedmontese PDO cheeses, pre-packed and for the counter, for 600 delicatessen counters in France.',
      },
      {
        title: 'Formaggi DOP italiani per i banchi gastronomia',
        description:
          'Un assortimento di formaggi DOP piemontesi, preconfezionati e al taglio, per 600 banchi gastronomia in Francia.',
      },
      {
        cpvCodes: ['15540000'],
        budget: [700_000, 1_600_000],
        minTrl: 9,
        certifications: ['IFS Food'],
        volume: '600 counters',
      },
    ),
    need(
      {
        title: 'Piedmont red wines for our hotel chain',
        description:
          'Barolo and Barbera for 140 hotels and their restaurants, with a dedicated label and three-year price agreement.',
      },
      {
        title: 'Vini rossi piemontesi per la nostra catena alberghiera',
        description:
          "Barolo e Barbera per 140 hotel e i loro ristoranti, con un'etichetta dedicata e un accordo di prezzo triennale.",
      },
      { cpvCodes: ['15930000'], budget: [400_000, 1_200_000], minTrl: 9, certifications: [], volume: '140 hotels' },
    ),
    need(
      {
        title: 'Single-serve breadsticks and snacks for on-board service',
        description:
          'Single-serve grissini and savoury snacks for on-board service on 900 daily flights, shelf life of at least nine months.',
      },
      {
        title: 'Grissini e snack monoporzione per il servizio di bordo',
        description:
          'Grissini e snack salati monoporzione per il servizio a bordo di 900 voli al giorno, con durata di almeno nove mesi.',
      },
      {
        cpvCodes: ['15810000'],
        budget: [300_000, 900_000],
        minTrl: 9,
        certifications: ['IFS Food'],
        volume: '900 flights a day',
      },
    ),
    need(
      {
        title: 'Production line for fresh filled pasta',
        description:
          'A complete line (mixing, sheeting, forming, pasteurising) for 1,200 kg/h of filled pasta in our new plant, with CIP cleaning.',
      },
      {
        title: 'Linea di produzione per pasta fresca ripiena',
        description:
          'Una linea completa (impasto, laminazione, formatura, pastorizzazione) da 1.200 kg/h di pasta ripiena per il nuovo stabilimento, con pulizia CIP.',
      },
      {
        cpvCodes: ['42215000'],
        budget: [2_000_000, 4_000_000],
        minTrl: 8,
        certifications: ['CE'],
        volume: '1,200 kg/h',
      },
    ),
  ],
  health: [
    need(
      {
        title: 'Point-of-care tests for our emergency departments',
        description:
          'Rapid tests with digital readers for respiratory infections and troponin in 35 emergency departments, connected to the laboratory information system.',
      },
      {
        title: 'Test point-of-care per i pronto soccorso',
        description:
          'Test rapidi con lettore digitale per infezioni respiratorie e troponina in 35 pronto soccorso, collegati al sistema informativo di laboratorio.',
      },
      {
        cpvCodes: ['33124000'],
        budget: [900_000, 2_200_000],
        minTrl: 8,
        certifications: ['ISO 13485', 'IVDR'],
        volume: '35 emergency departments',
      },
    ),
    need(
      {
        title: 'Remote monitoring of heart-failure patients',
        description:
          'A certified telemonitoring platform with wearables for 3,000 heart-failure patients, integrated with our electronic health records.',
      },
      {
        title: 'Telemonitoraggio dei pazienti con scompenso cardiaco',
        description:
          'Una piattaforma certificata di telemonitoraggio con dispositivi indossabili per 3.000 pazienti con scompenso cardiaco, integrata con la cartella clinica elettronica.',
      },
      {
        cpvCodes: ['48180000', '33195000'],
        budget: [700_000, 1_800_000],
        minTrl: 7,
        certifications: ['MDR', 'ISO 27001'],
        volume: '3,000 patients',
      },
    ),
    need(
      {
        title: 'Sterile procedure packs for 40 operating theatres',
        description:
          'Custom sterile procedure packs and drapes for 40 operating theatres, with UDI labels and weekly deliveries.',
      },
      {
        title: 'Kit procedurali sterili per 40 sale operatorie',
        description:
          'Kit procedurali sterili personalizzati e teli per 40 sale operatorie, con etichette UDI e consegne settimanali.',
      },
      {
        cpvCodes: ['33140000'],
        budget: [1_200_000, 2_800_000],
        minTrl: 9,
        certifications: ['ISO 13485'],
        volume: '40 theatres',
      },
    ),
    need(
      {
        title: 'Patient-specific orthopaedic guides and braces',
        description:
          'Patient-specific surgical guides and 3D-printed braces for our orthopaedic clinics, with a five-day lead time.',
      },
      {
        title: 'Guide chirurgiche e tutori ortopedici personalizzati',
        description:
          'Guide chirurgiche personalizzate e tutori stampati in 3D per le nostre cliniche ortopediche, con consegna in cinque giorni.',
      },
      {
        cpvCodes: ['33183000'],
        budget: [300_000, 900_000],
        minTrl: 7,
        certifications: ['ISO 13485'],
        volume: '2,000 cases a year',
      },
    ),
    need(
      {
        title: 'Biocompatibility testing for a new device family',
        description:
          'ISO 10993 biocompatibility and stability studies for a new family of class IIb devices, reports ready for notified-body review.',
      },
      {
        title: 'Prove di biocompatibilità per una nuova famiglia di dispositivi',
        description:
          "Studi di biocompatibilità ISO 10993 e di stabilità per una nuova famiglia di dispositivi di classe IIb, con rapporti pronti per l'organismo notificato.",
      },
      {
        cpvCodes: ['73110000'],
        budget: [150_000, 450_000],
        minTrl: 9,
        certifications: ['GLP'],
        volume: '1 device family',
      },
    ),
  ],
}
