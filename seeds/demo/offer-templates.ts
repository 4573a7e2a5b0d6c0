/**
 * What the demo SMEs sell, per S3 domain of Piemonte: believable products and
 * services in Italian and English, each with the CPV code that names it, the
 * NACE class of the firm that makes it, and the variants that tell two
 * suppliers of the same kind apart.
 */

export interface Text {
  title: string
  description: string
}

export interface OfferTemplate {
  it: Text
  en: Text
  /** Title endings that make each supplier's offer its own: [Italian, English]. */
  variants: [string, string][]
  cpvMain: string
  cpvExtra: string[]
  naceCode: string
  trl: [number, number]
  keywords: { it: string[]; en: string[] }
  certifications: string[]
}

const offer = (
  it: Text,
  en: Text,
  codes: { cpv: string; extra?: string[]; nace: string; trl: [number, number]; certs?: string[] },
  keywords: { it: string[]; en: string[] },
  variants: [string, string][],
): OfferTemplate => ({
  it,
  en,
  variants,
  cpvMain: codes.cpv,
  cpvExtra: codes.extra ?? [],
  naceCode: codes.nace,
  trl: codes.trl,
  keywords,
  certifications: codes.certs ?? [],
})

export const OFFER_TEMPLATES: Record<string, OfferTemplate[]> = {
  aerospace: [
    offer(
      {
        title: 'Componenti strutturali in composito per velivoli',
        description:
          'Progettiamo e produciamo pannelli, centine e carenature in fibra di carbonio con autoclave e RTM, qualificati per aviazione commerciale e regionale. Ispezione non distruttiva a ultrasuoni su ogni pezzo.',
      },
      {
        title: 'Composite structural parts for aircraft',
        description:
          'We design and manufacture carbon-fibre panels, ribs and fairings by autoclave and RTM, qualified for commercial and regional aviation. Every part is checked by ultrasonic non-destructive inspection.',
      },
      { cpv: '34731000', extra: ['34731700'], nace: '30.30', trl: [7, 9], certs: ['EN 9100', 'NADCAP'] },
      { it: ['compositi', 'fibra di carbonio', 'aerostrutture'], en: ['composites', 'carbon fibre', 'aerostructures'] },
      [
        ['in piccola serie', 'in small batches'],
        ['per elicotteri', 'for helicopters'],
        ['con certificazione EASA', 'with EASA approval'],
      ],
    ),
    offer(
      {
        title: 'Droni per ispezione di infrastrutture',
        description:
          'Droni multirotore con termocamera e LiDAR per ispezionare linee elettriche, ponti e coperture industriali; il servizio comprende volo, elaborazione dei dati e rapporto con le anomalie georeferenziate.',
      },
      {
        title: 'Drones for infrastructure inspection',
        description:
          'Multirotor drones with thermal camera and LiDAR to inspect power lines, bridges and industrial roofs; the service covers flight, data processing and a report of geo-referenced defects.',
      },
      { cpv: '35613000', extra: ['38221000'], nace: '30.30', trl: [7, 9], certs: ['ISO 9001'] },
      { it: ['droni', 'ispezione', 'LiDAR', 'termografia'], en: ['drones', 'inspection', 'LiDAR', 'thermography'] },
      [
        ['a lungo raggio', 'with long range'],
        ['per reti ferroviarie', 'for rail networks'],
        ['con analisi AI dei difetti', 'with AI defect analysis'],
      ],
    ),
    offer(
      {
        title: 'Ricevitori GNSS ad alta precisione',
        description:
          'Moduli di posizionamento multi-costellazione con correzioni RTK e Galileo HAS, precisione centimetrica per veicoli autonomi, macchine agricole e rilievi topografici.',
      },
      {
        title: 'High-precision GNSS receivers',
        description:
          'Multi-constellation positioning modules with RTK and Galileo HAS corrections, centimetre accuracy for autonomous vehicles, farm machinery and surveying.',
      },
      { cpv: '38112100', nace: '26.51', trl: [6, 8], certs: ['ISO 9001'] },
      { it: ['GNSS', 'Galileo', 'posizionamento'], en: ['GNSS', 'Galileo', 'positioning'] },
      [
        ['per veicoli autonomi', 'for autonomous vehicles'],
        ['a basso consumo', 'with low power use'],
        ['con antenna integrata', 'with integrated antenna'],
      ],
    ),
    offer(
      {
        title: 'Revisione e manutenzione di componenti aeronautici',
        description:
          'Officina Part 145 per la revisione di attuatori, carrelli e componenti idraulici, con tempi di consegna garantiti e tracciabilità completa dei ricambi.',
      },
      {
        title: 'Overhaul and maintenance of aircraft components',
        description:
          'Part 145 repair station overhauling actuators, landing gear and hydraulic components, with guaranteed turnaround times and full traceability of spare parts.',
      },
      { cpv: '50211000', extra: ['50211310'], nace: '33.16', trl: [9, 9], certs: ['EASA Part 145', 'EN 9110'] },
      { it: ['MRO', 'revisione', 'attuatori'], en: ['MRO', 'overhaul', 'actuators'] },
      [
        ['per flotte regionali', 'for regional fleets'],
        ['con ritiro e consegna', 'with pick-up and delivery'],
        ['per elicotteri', 'for helicopters'],
      ],
    ),
    offer(
      {
        title: 'Sistemi di osservazione della Terra per il monitoraggio del territorio',
        description:
          'Elaborazione di immagini satellitari Copernicus e SAR per monitorare frane, subsidenza e consumo di suolo, con servizi GIS e allerte automatiche.',
      },
      {
        title: 'Earth observation for land monitoring',
        description:
          'Processing of Copernicus and SAR satellite imagery to monitor landslides, subsidence and land use, with GIS services and automatic alerts.',
      },
      { cpv: '38221000', extra: ['72300000'], nace: '62.01', trl: [6, 8], certs: ['ISO 27001'] },
      { it: ['osservazione della Terra', 'Copernicus', 'GIS'], en: ['earth observation', 'Copernicus', 'GIS'] },
      [
        ['per gestori di reti', 'for network operators'],
        ['con interferometria SAR', 'with SAR interferometry'],
        ['per assicurazioni', 'for insurers'],
      ],
    ),
  ],
  'sustainable-mobility': [
    offer(
      {
        title: 'Kit di retrofit per porte di veicoli ferroviari',
        description:
          'Attuatori elettromeccanici e centraline che sostituiscono i sistemi pneumatici delle porte dei treni regionali, con diagnostica remota e installazione in deposito.',
      },
      {
        title: 'Retrofit kits for rail vehicle doors',
        description:
          'Electromechanical actuators and controllers that replace pneumatic door systems on regional trains, with remote diagnostics and installation at the depot.',
      },
      { cpv: '34631000', extra: ['50220000'], nace: '30.20', trl: [7, 9], certs: ['ISO 9001', 'EN 15085'] },
      { it: ['ferroviario', 'porte', 'retrofit'], en: ['rail', 'doors', 'retrofit'] },
      [
        ['per treni regionali', 'for regional trains'],
        ['per tram', 'for trams'],
        ['con diagnostica remota', 'with remote diagnostics'],
      ],
    ),
    offer(
      {
        title: 'Stazioni di ricarica per flotte elettriche',
        description:
          'Colonnine AC e DC fino a 350 kW con gestione dinamica del carico e protocollo OCPP 2.0.1, per depositi di autobus, logistica e parcheggi aziendali.',
      },
      {
        title: 'Charging stations for electric fleets',
        description:
          'AC and DC chargers up to 350 kW with dynamic load management and OCPP 2.0.1, for bus depots, logistics hubs and company car parks.',
      },
      { cpv: '31158100', extra: ['34144900'], nace: '27.90', trl: [8, 9], certs: ['CE', 'ISO 9001'] },
      { it: ['ricarica', 'veicoli elettrici', 'OCPP'], en: ['charging', 'electric vehicles', 'OCPP'] },
      [
        ['per depositi di autobus', 'for bus depots'],
        ['con accumulo integrato', 'with integrated storage'],
        ['per la logistica urbana', 'for urban logistics'],
      ],
    ),
    offer(
      {
        title: 'Pacchi batteria su misura per veicoli industriali',
        description:
          'Progettazione e assemblaggio di pacchi batteria al litio con BMS proprietario e raffreddamento a liquido per carrelli elevatori, macchine agricole e veicoli commerciali.',
      },
      {
        title: 'Custom battery packs for industrial vehicles',
        description:
          'Design and assembly of lithium battery packs with our own BMS and liquid cooling for forklifts, farm machinery and commercial vehicles.',
      },
      { cpv: '31440000', extra: ['31400000'], nace: '27.20', trl: [6, 8], certs: ['ISO 9001', 'UN 38.3'] },
      { it: ['batterie', 'litio', 'BMS'], en: ['batteries', 'lithium', 'BMS'] },
      [
        ['al litio-ferro-fosfato', 'in lithium iron phosphate'],
        ['per macchine agricole', 'for farm machinery'],
        ['con seconda vita', 'with second-life reuse'],
      ],
    ),
    offer(
      {
        title: "Componenti in alluminio pressofuso per l'automotive",
        description:
          'Getti in alluminio a bassa pressione e pressocolata per scatole motore elettrico, supporti e carter, con lavorazione meccanica e controllo a raggi X.',
      },
      {
        title: 'Die-cast aluminium components for automotive',
        description:
          'Low-pressure and high-pressure aluminium castings for e-motor housings, brackets and covers, machined and X-ray inspected.',
      },
      { cpv: '34300000', extra: ['34320000'], nace: '24.53', trl: [8, 9], certs: ['IATF 16949', 'ISO 14001'] },
      { it: ['pressofusione', 'alluminio', 'e-motor'], en: ['die casting', 'aluminium', 'e-motor'] },
      [
        ['per motori elettrici', 'for electric motors'],
        ['alleggeriti', 'light-weighted'],
        ['in media serie', 'in medium series'],
      ],
    ),
    offer(
      {
        title: 'Sistemi di informazione ai passeggeri',
        description:
          'Display a bordo e in fermata, annunci audio e piattaforma cloud con dati in tempo reale GTFS-RT per aziende di trasporto pubblico.',
      },
      {
        title: 'Passenger information systems',
        description:
          'On-board and stop displays, audio announcements and a cloud platform with GTFS-RT real-time data for public transport operators.',
      },
      { cpv: '48813000', extra: ['32300000'], nace: '26.40', trl: [8, 9], certs: ['EN 50155'] },
      { it: ['infomobilità', 'trasporto pubblico', 'GTFS'], en: ['passenger information', 'public transport', 'GTFS'] },
      [
        ['per autobus', 'for buses'],
        ['per stazioni', 'for stations'],
        ['accessibili', 'accessible'],
      ],
    ),
    offer(
      {
        title: 'Freni e componenti frenanti per veicoli commerciali',
        description:
          'Pinze, dischi e pastiglie a bassa emissione di polveri per veicoli commerciali leggeri e autobus, omologati ECE R90.',
      },
      {
        title: 'Brakes and brake parts for commercial vehicles',
        description: 'Calipers, discs and low-dust pads for light commercial vehicles and buses, ECE R90 approved.',
      },
      { cpv: '34322000', nace: '29.32', trl: [7, 9], certs: ['IATF 16949'] },
      { it: ['freni', 'pastiglie', 'Euro 7'], en: ['brakes', 'pads', 'Euro 7'] },
      [
        ['a basse emissioni di polveri', 'with low dust emissions'],
        ['per autobus', 'for buses'],
        ['per veicoli elettrici', 'for electric vehicles'],
      ],
    ),
  ],
  'advanced-manufacturing': [
    offer(
      {
        title: 'Robot collaborativi per linee di assemblaggio',
        description:
          'Cobot da 5 a 15 kg con pinze e visione integrata, installati e programmati per linee di assemblaggio, con formazione degli operatori.',
      },
      {
        title: 'Collaborative robots for assembly lines',
        description:
          'Cobots from 5 to 15 kg payload with grippers and integrated vision, installed and programmed for assembly lines, with operator training.',
      },
      { cpv: '42997300', extra: ['42990000'], nace: '28.99', trl: [8, 9], certs: ['ISO 9001', 'ISO 10218'] },
      { it: ['cobot', 'assemblaggio', 'automazione'], en: ['cobots', 'assembly', 'automation'] },
      [
        ['con visione 3D', 'with 3D vision'],
        ['per il settore alimentare', 'for the food industry'],
        ['su carrello mobile', 'on a mobile base'],
      ],
    ),
    offer(
      {
        title: 'Sensori per la manutenzione predittiva',
        description:
          'Sensori MEMS wireless di vibrazione e temperatura e piattaforma di analisi per prevedere i guasti di motori, pompe e riduttori.',
      },
      {
        title: 'Sensors for predictive maintenance',
        description:
          'Wireless MEMS vibration and temperature sensors with an analytics platform that predicts failures of motors, pumps and gearboxes.',
      },
      { cpv: '38424000', extra: ['48150000'], nace: '26.51', trl: [6, 8], certs: ['ISO 9001'] },
      { it: ['sensori', 'manutenzione predittiva', 'IoT'], en: ['sensors', 'predictive maintenance', 'IoT'] },
      [
        ['per carrelli ferroviari', 'for rail bogies'],
        ['ATEX', 'for ATEX zones'],
        ['con batteria decennale', 'with a ten-year battery'],
      ],
    ),
    offer(
      {
        title: 'Banchi prova per componenti meccanici ed elettrici',
        description:
          'Progettiamo banchi di collaudo di fine linea e di durata per motori elettrici, riduttori e attuatori, con software di acquisizione e tracciabilità dei risultati.',
      },
      {
        title: 'Test benches for mechanical and electrical components',
        description:
          'We build end-of-line and endurance test benches for electric motors, gearboxes and actuators, with data-acquisition software and traceable results.',
      },
      { cpv: '38540000', extra: ['38500000'], nace: '28.99', trl: [7, 9], certs: ['ISO 9001'] },
      { it: ['collaudo', 'banchi prova', 'qualità'], en: ['testing', 'test benches', 'quality'] },
      [
        ['per motori elettrici', 'for electric motors'],
        ['per attuatori aeronautici', 'for aircraft actuators'],
        ['di fine linea', 'for end of line'],
      ],
    ),
    offer(
      {
        title: 'Macchine utensili speciali e celle di lavorazione',
        description:
          'Centri di lavoro dedicati e celle robotizzate chiavi in mano per fresatura, foratura e sbavatura di componenti in lega leggera.',
      },
      {
        title: 'Special-purpose machine tools and machining cells',
        description:
          'Dedicated machining centres and turnkey robotic cells for milling, drilling and deburring light-alloy parts.',
      },
      { cpv: '42611000', extra: ['42997300'], nace: '28.41', trl: [8, 9], certs: ['CE', 'ISO 9001'] },
      {
        it: ['macchine utensili', 'celle robotizzate', 'fresatura'],
        en: ['machine tools', 'robotic cells', 'milling'],
      },
      [
        ['a cinque assi', 'with five axes'],
        ["per l'aerospazio", 'for aerospace'],
        ['con carico automatico', 'with automatic loading'],
      ],
    ),
    offer(
      {
        title: 'Software MES per la fabbrica connessa',
        description:
          'Piattaforma MES modulare per raccolta dati macchina, OEE, tracciabilità dei lotti e pianificazione a capacità finita, integrata con i principali ERP.',
      },
      {
        title: 'MES software for the connected factory',
        description:
          'Modular MES platform for machine data collection, OEE, batch traceability and finite-capacity scheduling, integrated with the main ERPs.',
      },
      { cpv: '48150000', extra: ['72212100'], nace: '62.01', trl: [8, 9], certs: ['ISO 27001'] },
      { it: ['MES', 'OEE', 'industria 4.0'], en: ['MES', 'OEE', 'industry 4.0'] },
      [
        ['in cloud', 'in the cloud'],
        ['per PMI manifatturiere', 'for manufacturing SMEs'],
        ['con gemello digitale', 'with a digital twin'],
      ],
    ),
    offer(
      {
        title: 'Saldatura laser e robotizzata conto terzi',
        description:
          'Saldatura laser, TIG e MIG robotizzata di lamiere e tubi in acciaio inox e alluminio, con controllo dimensionale e certificazione dei processi.',
      },
      {
        title: 'Laser and robotic welding services',
        description:
          'Contract laser, TIG and robotic MIG welding of stainless steel and aluminium sheet and tube, with dimensional inspection and certified processes.',
      },
      { cpv: '42662000', nace: '25.62', trl: [9, 9], certs: ['ISO 3834', 'EN 15085'] },
      { it: ['saldatura', 'laser', 'carpenteria'], en: ['welding', 'laser', 'metalwork'] },
      [
        ['per il ferroviario', 'for rail'],
        ["per l'alimentare", 'for food equipment'],
        ['di precisione', 'to tight tolerances'],
      ],
    ),
  ],
  'green-technologies': [
    offer(
      {
        title: 'Impianti fotovoltaici per coperture industriali',
        description:
          "Progettazione, fornitura e posa di impianti fotovoltaici su tetti industriali, con moduli ad alta efficienza, monitoraggio e manutenzione per vent'anni.",
      },
      {
        title: 'Photovoltaic plants for industrial roofs',
        description:
          'Design, supply and installation of rooftop PV plants on industrial buildings, with high-efficiency modules, monitoring and twenty years of maintenance.',
      },
      { cpv: '09331200', extra: ['09332000'], nace: '43.21', trl: [9, 9], certs: ['ISO 9001', 'ISO 14001'] },
      {
        it: ['fotovoltaico', 'energia solare', 'autoconsumo'],
        en: ['photovoltaics', 'solar energy', 'self-consumption'],
      },
      [
        ['con accumulo', 'with storage'],
        ['per comunità energetiche', 'for energy communities'],
        ['con rimozione amianto', 'with asbestos removal'],
      ],
    ),
    offer(
      {
        title: 'Diagnosi energetiche e efficientamento degli stabilimenti',
        description:
          "Diagnosi energetiche secondo EN 16247, misure sul campo e piani di efficientamento con calcolo del ritorno dell'investimento e accesso agli incentivi.",
      },
      {
        title: 'Energy audits and plant efficiency',
        description:
          'Energy audits to EN 16247, field measurements and efficiency plans with payback calculation and access to incentives.',
      },
      { cpv: '71314300', extra: ['90713000'], nace: '71.12', trl: [9, 9], certs: ['ISO 50001', 'UNI CEI 11352'] },
      { it: ['efficienza energetica', 'diagnosi', 'ESCo'], en: ['energy efficiency', 'audit', 'ESCo'] },
      [
        ["per l'industria alimentare", 'for the food industry'],
        ['con contratto a prestazione', 'with an energy performance contract'],
        ['per siti multipli', 'for multi-site companies'],
      ],
    ),
    offer(
      {
        title: 'Trattamento e recupero delle acque di processo',
        description:
          'Impianti compatti a membrana e ossidazione avanzata per depurare e riutilizzare le acque di processo, con telecontrollo e servizio di conduzione.',
      },
      {
        title: 'Process water treatment and reuse',
        description:
          'Compact membrane and advanced-oxidation plants that treat and reuse process water, with remote control and operation service.',
      },
      { cpv: '42996000', extra: ['90713000'], nace: '28.29', trl: [7, 9], certs: ['ISO 14001'] },
      { it: ['acque reflue', 'membrane', 'economia circolare'], en: ['wastewater', 'membranes', 'circular economy'] },
      [
        ["per l'industria tessile", 'for textile plants'],
        ['a scarico zero', 'with zero liquid discharge'],
        ['containerizzati', 'in containers'],
      ],
    ),
    offer(
      {
        title: 'Bioplastiche compostabili per imballaggi',
        description:
          'Granuli e film compostabili da fonti rinnovabili per imballaggi alimentari flessibili e sacchi, certificati EN 13432.',
      },
      {
        title: 'Compostable bioplastics for packaging',
        description:
          'Compostable granules and films from renewable sources for flexible food packaging and bags, certified to EN 13432.',
      },
      { cpv: '19520000', extra: ['44619000'], nace: '20.16', trl: [7, 9], certs: ['EN 13432', 'ISO 9001'] },
      { it: ['bioplastiche', 'compostabile', 'imballaggi'], en: ['bioplastics', 'compostable', 'packaging'] },
      [
        ['ad alta barriera', 'with high barrier'],
        ['per la grande distribuzione', 'for retail chains'],
        ['da scarti agricoli', 'from farm residues'],
      ],
    ),
    offer(
      {
        title: 'Recupero di materie prime da batterie e RAEE',
        description:
          'Servizio di raccolta, disassemblaggio e recupero idrometallurgico di litio, cobalto e nichel da batterie esauste e rifiuti elettronici.',
      },
      {
        title: 'Raw-material recovery from batteries and e-waste',
        description:
          'Collection, dismantling and hydrometallurgical recovery of lithium, cobalt and nickel from spent batteries and electronic waste.',
      },
      { cpv: '90500000', nace: '38.32', trl: [6, 8], certs: ['ISO 14001', 'EMAS'] },
      {
        it: ['riciclo', 'batterie', 'materie prime critiche'],
        en: ['recycling', 'batteries', 'critical raw materials'],
      },
      [
        ['con tracciabilità digitale', 'with digital traceability'],
        ['per costruttori di veicoli', 'for vehicle makers'],
        ['su scala pilota', 'at pilot scale'],
      ],
    ),
    offer(
      {
        title: 'Contatori e monitoraggio dei consumi energetici',
        description:
          'Contatori certificati MID e piattaforma di monitoraggio dei consumi di elettricità, gas e aria compressa, con allarmi e report ESG.',
      },
      {
        title: 'Energy meters and consumption monitoring',
        description:
          'MID-certified meters and a monitoring platform for electricity, gas and compressed air, with alarms and ESG reports.',
      },
      { cpv: '38551000', extra: ['48000000'], nace: '26.51', trl: [8, 9], certs: ['MID', 'ISO 9001'] },
      { it: ['monitoraggio energetico', 'contatori', 'ESG'], en: ['energy monitoring', 'meters', 'ESG'] },
      [
        ['wireless', 'wireless'],
        ['per reti di negozi', 'for store networks'],
        ['con report CSRD', 'with CSRD reporting'],
      ],
    ),
  ],
  food: [
    offer(
      {
        title: 'Pasta fresca e ripiena per la ristorazione',
        description:
          'Agnolotti del plin, tajarin e gnocchi prodotti con uova da allevamento a terra e farine piemontesi, surgelati IQF per ristorazione e catering.',
      },
      {
        title: 'Fresh and filled pasta for food service',
        description:
          'Agnolotti del plin, tajarin and gnocchi made with barn eggs and Piedmontese flour, IQF frozen for restaurants and catering.',
      },
      { cpv: '15850000', nace: '10.73', trl: [9, 9], certs: ['BRCGS', 'IFS Food'] },
      { it: ['pasta fresca', 'agnolotti', 'surgelati'], en: ['fresh pasta', 'agnolotti', 'frozen food'] },
      [
        ['biologica', 'organic'],
        ['senza glutine', 'gluten-free'],
        ['in formato catering', 'in catering packs'],
      ],
    ),
    offer(
      {
        title: "Cioccolato e gianduja per l'industria dolciaria",
        description:
          "Coperture, gianduja e creme spalmabili con Nocciola Piemonte IGP, in blocchi, gocce e cisterne per l'industria dolciaria e la gelateria.",
      },
      {
        title: 'Chocolate and gianduja for confectioners',
        description:
          'Couvertures, gianduja and spreads made with Nocciola Piemonte PGI hazelnuts, in blocks, drops and tanks for confectioners and ice-cream makers.',
      },
      { cpv: '15840000', extra: ['15332000'], nace: '10.82', trl: [9, 9], certs: ['IFS Food', 'Rainforest Alliance'] },
      { it: ['cioccolato', 'gianduja', 'nocciole'], en: ['chocolate', 'gianduja', 'hazelnuts'] },
      [
        ['senza olio di palma', 'without palm oil'],
        ['a marchio del distributore', 'for private label'],
        ['vegana', 'vegan'],
      ],
    ),
    offer(
      {
        title: 'Formaggi DOP piemontesi per la grande distribuzione',
        description:
          "Toma, Castelmagno e Robiola di Roccaverano DOP stagionati in grotta, porzionati e confezionati in atmosfera protettiva per la GDO e l'export.",
      },
      {
        title: 'Piedmontese PDO cheeses for retail',
        description:
          'Toma, Castelmagno and Robiola di Roccaverano PDO cheeses cave-aged, portioned and packed in protective atmosphere for retail chains and export.',
      },
      { cpv: '15540000', nace: '10.51', trl: [9, 9], certs: ['BRCGS', 'DOP'] },
      { it: ['formaggi', 'DOP', 'export'], en: ['cheese', 'PDO', 'export'] },
      [
        ['in porzioni', 'in portions'],
        ['biologici', 'organic'],
        ['per il canale horeca', 'for hotels and restaurants'],
      ],
    ),
    offer(
      {
        title: 'Vini delle Langhe e del Monferrato',
        description:
          "Barolo, Barbaresco, Barbera d'Asti e Moscato d'Asti da vigneti di proprietà, con etichette dedicate per catene alberghiere, compagnie aeree e grande distribuzione estera.",
      },
      {
        title: 'Wines from Langhe and Monferrato',
        description:
          "Barolo, Barbaresco, Barbera d'Asti and Moscato d'Asti from our own vineyards, with dedicated labels for hotel chains, airlines and foreign retailers.",
      },
      { cpv: '15930000', extra: ['15931000'], nace: '11.02', trl: [9, 9], certs: ['Equalitas', 'Biologico UE'] },
      { it: ['vino', 'Barolo', 'export'], en: ['wine', 'Barolo', 'export'] },
      [
        ['in formato mignon', 'in miniature bottles'],
        ['biologici', 'organic'],
        ['a etichetta privata', 'for private label'],
      ],
    ),
    offer(
      {
        title: 'Macchine per la trasformazione alimentare',
        description:
          'Impastatrici, laminatoi e linee di formatura per pasta, prodotti da forno e dolciari, in acciaio inox con pulizia CIP e controllo da remoto.',
      },
      {
        title: 'Food processing machinery',
        description:
          'Mixers, sheeters and forming lines for pasta, bakery and confectionery, in stainless steel with CIP cleaning and remote control.',
      },
      { cpv: '42215000', extra: ['42990000'], nace: '28.93', trl: [8, 9], certs: ['CE', 'EHEDG'] },
      {
        it: ['macchine alimentari', 'linee di produzione', 'inox'],
        en: ['food machinery', 'production lines', 'stainless steel'],
      },
      [
        ['per prodotti da forno', 'for bakery'],
        ['per pasta ripiena', 'for filled pasta'],
        ['a basso consumo', 'with low energy use'],
      ],
    ),
    offer(
      {
        title: 'Prodotti da forno e grissini artigianali',
        description:
          'Grissini stirati a mano, crackers e biscotti di meliga con ingredienti locali, in confezioni monoporzione per hotel, compagnie aeree e vending.',
      },
      {
        title: 'Artisan breadsticks and baked goods',
        description:
          'Hand-stretched grissini, crackers and corn-flour biscuits made with local ingredients, in single-serve packs for hotels, airlines and vending.',
      },
      { cpv: '15810000', nace: '10.72', trl: [9, 9], certs: ['IFS Food'] },
      { it: ['grissini', 'prodotti da forno', 'monoporzione'], en: ['breadsticks', 'bakery', 'single-serve'] },
      [
        ['integrali', 'wholegrain'],
        ['senza lattosio', 'lactose-free'],
        ['per il vending', 'for vending'],
      ],
    ),
  ],
  health: [
    offer(
      {
        title: 'Dispositivi diagnostici rapidi point-of-care',
        description:
          'Test rapidi a flusso laterale con lettore digitale per infezioni respiratorie e marcatori cardiaci, risultati in quindici minuti e connessione al fascicolo sanitario.',
      },
      {
        title: 'Rapid point-of-care diagnostic devices',
        description:
          'Lateral-flow rapid tests with a digital reader for respiratory infections and cardiac markers, results in fifteen minutes and connection to health records.',
      },
      { cpv: '33124000', extra: ['33696500'], nace: '32.50', trl: [6, 8], certs: ['ISO 13485', 'IVDR'] },
      { it: ['diagnostica', 'point-of-care', 'test rapidi'], en: ['diagnostics', 'point-of-care', 'rapid tests'] },
      [
        ['per la medicina territoriale', 'for community care'],
        ['multiplex', 'multiplex'],
        ['per farmacie', 'for pharmacies'],
      ],
    ),
    offer(
      {
        title: 'Software per la telemedicina e il monitoraggio dei pazienti',
        description:
          'Piattaforma certificata come dispositivo medico per televisita, telemonitoraggio di pazienti cronici e integrazione con dispositivi indossabili.',
      },
      {
        title: 'Telemedicine and patient-monitoring software',
        description:
          'Platform certified as a medical device for video visits, remote monitoring of chronic patients and integration with wearables.',
      },
      { cpv: '48180000', extra: ['33195000'], nace: '62.01', trl: [7, 9], certs: ['ISO 13485', 'ISO 27001', 'MDR'] },
      {
        it: ['telemedicina', 'sanità digitale', 'telemonitoraggio'],
        en: ['telemedicine', 'digital health', 'remote monitoring'],
      },
      [
        ['per pazienti cardiopatici', 'for cardiac patients'],
        ["per l'assistenza domiciliare", 'for home care'],
        ['con intelligenza artificiale', 'with artificial intelligence'],
      ],
    ),
    offer(
      {
        title: 'Dispositivi ortopedici su misura stampati in 3D',
        description:
          'Tutori, plantari e guide chirurgiche personalizzate da scansione 3D, stampate in polimeri biocompatibili e consegnate in cinque giorni.',
      },
      {
        title: 'Custom 3D-printed orthopaedic devices',
        description:
          'Braces, insoles and patient-specific surgical guides from 3D scans, printed in biocompatible polymers and delivered in five days.',
      },
      { cpv: '33183000', extra: ['33190000'], nace: '32.50', trl: [7, 9], certs: ['ISO 13485', 'MDR'] },
      { it: ['ortopedia', 'stampa 3D', 'su misura'], en: ['orthopaedics', '3D printing', 'patient-specific'] },
      [
        ['per la pediatria', 'for children'],
        ['in titanio', 'in titanium'],
        ['per lo sport', 'for sport'],
      ],
    ),
    offer(
      {
        title: 'Materiali di consumo monouso per sale operatorie',
        description:
          'Kit procedurali sterili, teli e camici in TNT prodotti in camera bianca, con tracciabilità UDI e consegne programmate agli ospedali.',
      },
      {
        title: 'Single-use consumables for operating theatres',
        description:
          'Sterile procedure packs, drapes and non-woven gowns made in a clean room, with UDI traceability and scheduled deliveries to hospitals.',
      },
      { cpv: '33140000', extra: ['18143000'], nace: '32.50', trl: [9, 9], certs: ['ISO 13485', 'EN 13795'] },
      { it: ['monouso', 'sterile', 'sala operatoria'], en: ['single-use', 'sterile', 'operating theatre'] },
      [
        ['in materiali riciclabili', 'in recyclable materials'],
        ['per la chirurgia ortopedica', 'for orthopaedic surgery'],
        ['personalizzati', 'customised'],
      ],
    ),
    offer(
      {
        title: 'Servizi di ricerca preclinica e analisi di laboratorio',
        description:
          "Laboratorio GLP per studi di citotossicità, biocompatibilità e stabilità di farmaci e dispositivi medici, con reportistica pronta per l'autorità regolatoria.",
      },
      {
        title: 'Preclinical research and laboratory testing',
        description:
          'GLP laboratory for cytotoxicity, biocompatibility and stability studies of drugs and medical devices, with reports ready for regulators.',
      },
      { cpv: '73110000', extra: ['33696500'], nace: '72.11', trl: [9, 9], certs: ['GLP', 'ISO 17025'] },
      {
        it: ['ricerca preclinica', 'biocompatibilità', 'laboratorio'],
        en: ['preclinical research', 'biocompatibility', 'laboratory'],
      },
      [
        ['secondo ISO 10993', 'to ISO 10993'],
        ['per start-up biotech', 'for biotech start-ups'],
        ['in tempi rapidi', 'with fast turnaround'],
      ],
    ),
    offer(
      {
        title: 'Disinfettanti e sanificazione ospedaliera',
        description:
          'Disinfettanti di superficie a base di perossido di idrogeno e sistemi di nebulizzazione per la sanificazione di reparti e ambulanze.',
      },
      {
        title: 'Disinfectants and hospital sanitation',
        description: 'Hydrogen-peroxide surface disinfectants and fogging systems for sanitising wards and ambulances.',
      },
      { cpv: '33631600', extra: ['39831000'], nace: '20.20', trl: [8, 9], certs: ['ISO 9001', 'PMC'] },
      { it: ['disinfezione', 'sanificazione', 'ospedali'], en: ['disinfection', 'sanitation', 'hospitals'] },
      [
        ['a basso impatto ambientale', 'with low environmental impact'],
        ['per ambulanze', 'for ambulances'],
        ['con tracciabilità dei cicli', 'with traceable cycles'],
      ],
    ),
  ],
}
