/**
 * Names and places of the demo network: the buyers (most outside Piemonte,
 * fictitious firms), the towns the SMEs are in, and the parts SME names and
 * people's names are made of.
 */

export interface BuyerProfile {
  legalName: string
  country: string
  nuts2: string
  city: string
  street: string
  postalCode: string
  naceCode: string
  domain: string
  language: 'it' | 'en'
  person: string
}

const buyer = (legalName: string, place: [string, string, string, string, string], naceCode: string, domain: string, person: string, language: 'it' | 'en' = 'en'): BuyerProfile => ({
  legalName, country: place[0], nuts2: place[1], city: place[2], street: place[3], postalCode: place[4], naceCode, domain, language, person,
})

/** 39 buyers; with the demo buyer (Nordbahn, Oberbayern) they are 40, 32 of them outside Piemonte. */
export const BUYERS: BuyerProfile[] = [
  buyer('Avions du Rhône SAS', ['FR', 'FRK2', 'Lyon', 'Rue de Gerland 120', '69007'], '30.30', 'aerospace', 'Claire Dubois'),
  buyer('Hanseatische Luftfahrtwerke GmbH', ['DE', 'DE60', 'Hamburg', 'Kreetslag 10', '21129'], '30.30', 'aerospace', 'Jens Petersen'),
  buyer('Aeroestructuras del Ebro S.A.', ['ES', 'ES24', 'Zaragoza', 'Avenida de Cataluña 300', '50014'], '30.30', 'aerospace', 'Lucía Martín'),
  buyer('Pipeline Europa Trasporto Gas S.p.A.', ['IT', 'ITC4', 'Milano', 'Via Ripamonti 85', '20141'], '49.50', 'aerospace', 'Paolo Ricci', 'it'),
  buyer('Transports Régionaux Auvergne SA', ['FR', 'FRK2', 'Clermont-Ferrand', 'Boulevard Gergovia 45', '63000'], '49.31', 'sustainable-mobility', 'Julien Moreau'),
  buyer('Catalunya Autobusos Metropolitans S.A.', ['ES', 'ES51', 'Barcelona', 'Carrer de Sants 200', '08028'], '49.31', 'sustainable-mobility', 'Jordi Puig'),
  buyer('Wiener Schienenfahrzeuge AG', ['AT', 'AT13', 'Wien', 'Leopoldauer Straße 150', '1210'], '30.20', 'sustainable-mobility', 'Katharina Huber'),
  buyer('Flandria E-Drive NV', ['BE', 'BE21', 'Antwerpen', 'Noorderlaan 133', '2030'], '29.10', 'sustainable-mobility', 'Pieter Janssens'),
  buyer('Intralog Gabelstapler GmbH', ['DE', 'DE11', 'Stuttgart', 'Heilbronner Straße 340', '70469'], '28.22', 'sustainable-mobility', 'Markus Schmid'),
  buyer('Ferrovie Lombarde Servizi S.p.A.', ['IT', 'ITC4', 'Milano', 'Piazzale Cadorna 14', '20123'], '49.10', 'sustainable-mobility', 'Chiara Galli', 'it'),
  buyer('Pojazdy Szynowe Wielkopolska S.A.', ['PL', 'PL41', 'Poznań', 'ul. Głogowska 210', '60-104'], '30.20', 'sustainable-mobility', 'Tomasz Nowak'),
  buyer('Trasporti Pubblici Emilia S.p.A.', ['IT', 'ITH5', 'Bologna', 'Via di Saliceto 3', '40128'], '49.31', 'sustainable-mobility', 'Francesca Marchetti', 'it'),
  buyer('Automotive Subalpina S.p.A.', ['IT', 'ITC1', 'Torino', 'Corso Settembrini 40', '10135'], '29.10', 'sustainable-mobility', 'Stefano Ferraris', 'it'),
  buyer('Bayerische Antriebstechnik AG', ['DE', 'DE21', 'Ingolstadt', 'Ettinger Straße 70', '85057'], '29.32', 'advanced-manufacturing', 'Sabine Maier'),
  buyer('Göteborgs Maskinindustri AB', ['SE', 'SE23', 'Göteborg', 'Hisingsgatan 30', '417 03'], '28.11', 'advanced-manufacturing', 'Erik Lindqvist'),
  buyer('Usines Mécaniques de Lorraine SA', ['FR', 'FRF3', 'Metz', 'Rue des Forges 12', '57000'], '25.62', 'advanced-manufacturing', 'Nicolas Lefèvre'),
  buyer('Brabant Precision Systems B.V.', ['NL', 'NL41', 'Eindhoven', 'High Tech Campus 21', '5656 AE'], '28.99', 'advanced-manufacturing', 'Sanne de Vries'),
  buyer('Aquedotti Riuniti del Nord S.p.A.', ['IT', 'ITC4', 'Brescia', 'Via Lamarmora 230', '25124'], '36.00', 'advanced-manufacturing', 'Giorgio Lombardi', 'it'),
  buyer('Elettromeccanica Piemontese S.p.A.', ['IT', 'ITC1', 'Novara', 'Corso Vercelli 120', '28100'], '27.11', 'advanced-manufacturing', 'Laura Bertolino', 'it'),
  buyer('Moravská Strojírna a.s.', ['CZ', 'CZ06', 'Brno', 'Hněvkovského 65', '617 00'], '28.41', 'advanced-manufacturing', 'Petr Dvořák'),
  buyer('Rhein-Ruhr Logistik Immobilien GmbH', ['DE', 'DEA1', 'Duisburg', 'Hafenstraße 50', '47119'], '52.10', 'green-technologies', 'Thomas Becker'),
  buyer('Textiles de Catalunya S.A.', ['ES', 'ES51', 'Sabadell', 'Carrer de la Indústria 45', '08202'], '13.30', 'green-technologies', 'Marta Vidal'),
  buyer('Supermarchés de l\'Ouest SA', ['FR', 'FRG0', 'Nantes', 'Boulevard de la Prairie 8', '44000'], '47.11', 'green-technologies', 'Camille Bernard'),
  buyer('Nordic E-Mobility Recycling Oy', ['FI', 'FI1B', 'Helsinki', 'Teollisuuskatu 21', '00510'], '29.10', 'green-technologies', 'Mikko Virtanen'),
  buyer('Acciaierie del Canavese S.p.A.', ['IT', 'ITC1', 'Ivrea', 'Via Jervis 77', '10015'], '24.10', 'green-technologies', 'Davide Gallo', 'it'),
  buyer('Danube Industrial Parks Kft.', ['HU', 'HU11', 'Budapest', 'Váci út 96', '1133'], '68.20', 'green-technologies', 'Zsófia Kovács'),
  buyer('SkyCatering Europe GmbH', ['DE', 'DE71', 'Frankfurt am Main', 'Cargo City Süd 570', '60549'], '56.29', 'food', 'Julia Wagner'),
  buyer('Alpenland Handelsgruppe AG', ['AT', 'AT32', 'Salzburg', 'Münchner Bundesstraße 130', '5020'], '47.11', 'food', 'Florian Gruber'),
  buyer('Maisons Gourmandes de France SA', ['FR', 'FR10', 'Paris', 'Rue de Rivoli 150', '75001'], '47.11', 'food', 'Sophie Laurent'),
  buyer('Benelux Hospitality Group NV', ['BE', 'BE10', 'Bruxelles', 'Avenue Louise 250', '1050'], '55.10', 'food', 'Lotte Peeters'),
  buyer('Irish Air Services Ltd', ['IE', 'IE06', 'Dublin', 'Airside Business Park 4', 'K67 X2Y1'], '51.10', 'food', 'Aoife Byrne'),
  buyer('Industria Dolciaria Langarola S.p.A.', ['IT', 'ITC1', 'Alba', 'Corso Piave 60', '12051'], '10.82', 'food', 'Elisa Cravero', 'it'),
  buyer('Grande Distribuzione Ligure S.p.A.', ['IT', 'ITC3', 'Genova', 'Via Albareto 21', '16153'], '47.11', 'food', 'Matteo Parodi', 'it'),
  buyer('Kliniken Rhein-Main GmbH', ['DE', 'DE71', 'Wiesbaden', 'Ludwig-Erhard-Straße 100', '65199'], '86.10', 'health', 'Andreas Hoffmann'),
  buyer('Hospices Civils Alpes SA', ['FR', 'FRK2', 'Grenoble', 'Avenue du Maquis du Grésivaudan 2', '38700'], '86.10', 'health', 'Émilie Girard'),
  buyer('Servicio de Salud Madrileño Compras S.L.', ['ES', 'ES30', 'Madrid', 'Paseo de la Castellana 280', '28046'], '86.10', 'health', 'Javier Ruiz'),
  buyer('Azienda Ospedaliera Torinese', ['IT', 'ITC1', 'Torino', 'Corso Bramante 88', '10126'], '86.10', 'health', 'Roberta Gili', 'it'),
  buyer('MedTech Scandinavia AB', ['SE', 'SE11', 'Stockholm', 'Solnavägen 3', '113 65'], '32.50', 'health', 'Anna Karlsson'),
  buyer('Gruppo Sanitario Privato Piemonte S.p.A.', ['IT', 'ITC1', 'Cuneo', 'Via Michele Coppino 26', '12100'], '86.10', 'health', 'Marco Peirone', 'it'),
]

/** Towns of Piemonte (all in ITC1) with a street and postal code each. */
export const TOWNS: [string, string, string][] = [
  ['Torino', 'Corso Orbassano', '10137'], ['Torino', 'Via Pietro Cossa', '10146'], ['Torino', 'Corso Vittorio Emanuele II', '10128'],
  ['Collegno', 'Via Torino', '10093'], ['Grugliasco', 'Via Lombardia', '10095'], ['Rivoli', 'Corso Susa', '10098'], ['Moncalieri', 'Strada Carignano', '10024'],
  ['Settimo Torinese', 'Via Regio Parco', '10036'], ['Ivrea', 'Via Castellamonte', '10015'], ['Pinerolo', 'Stradale Baudenasca', '10064'], ['Chieri', 'Via Tana', '10023'],
  ['Novara', 'Via Biglieri', '28100'], ['Vercelli', 'Corso Rigola', '13100'], ['Biella', 'Via Cottolengo', '13900'], ['Cuneo', 'Via Valle Po', '12100'],
  ['Alba', 'Corso Canale', '12051'], ['Bra', 'Via Piumati', '12042'], ['Asti', 'Corso Alessandria', '14100'], ['Alessandria', 'Via dell\'Artigianato', '15121'],
  ['Casale Monferrato', 'Strada Valenza', '15033'], ['Verbania', 'Via Quarantadue Martiri', '28922'], ['Savigliano', 'Via Torino', '12038'], ['Novi Ligure', 'Via Mazzini', '15067'],
]

/** How SMEs are named, per S3 domain and main product (in the order of `OFFER_TEMPLATES`). */
export const NAME_STEMS: Record<string, string[][]> = {
  aerospace: [['Compositi', 'Aerostrutture'], ['Volo', 'Droni'], ['Avionica', 'Navigazione'], ['Aerotecnica', 'Manutenzioni Aeronautiche'], ['Geomatica', 'Spazio']],
  'sustainable-mobility': [['Ferrotecnica', 'Rotabili'], ['E-Mobility', 'Ricarica'], ['Elettrotrazione', 'Batterie'], ['Fonderia', 'Pressofusioni'], ['Infomobilità', 'Telematica'], ['Frenotecnica', 'Componenti Veicoli']],
  'advanced-manufacturing': [['Robotica', 'Automazioni'], ['Sensoristica', 'Meccatronica'], ['Sistemi di Misura', 'Collaudi'], ['Officine', 'Macchine Utensili'], ['Software Industriale', 'Digital Factory'], ['Saldotecnica', 'Carpenterie']],
  'green-technologies': [['Solare', 'Fotovoltaica'], ['Energia', 'Efficienza Energetica'], ['Acque', 'Idrotecnica'], ['Bioplast', 'Biopolimeri'], ['Recuperi', 'Metalli Circolari'], ['Misure Energetiche', 'Energy Metering']],
  food: [['Pastificio'], ['Cioccolateria', 'Dolciaria'], ['Caseificio'], ['Cantine', 'Vini'], ['Tecnoalimentare', 'Macchine Alimentari'], ['Forneria', 'Grissinificio']],
  health: [['Diagnostica'], ['Medical', 'Telemedicina'], ['Ortotecnica'], ['Forniture Ospedaliere', 'Sanitas'], ['Laboratori', 'Biomedica'], ['Igiene Ospedaliera', 'Chimica Sanitaria']],
}

export const PLACES = [
  'Subalpina', 'Canavese', 'Monviso', 'delle Langhe', 'Sesia', 'Dora', 'Stura', 'Tanaro', 'Bormida', 'Monferrato', 'Roero', 'Valsusa',
  'Gran Paradiso', 'Rocciamelone', 'Superga', 'Mole', 'Lagrange', 'Valentino', 'Stupinigi', 'Orta', 'Ossola', 'Cervino', 'Pellice', 'Belbo',
]

export const SUFFIXES = ['S.r.l.', 'S.r.l.', 'S.r.l.', 'S.p.A.', 'S.r.l. Società Benefit', 'S.r.l.s.']

export const FIRST_NAMES = ['Alessandro', 'Giulia', 'Francesco', 'Chiara', 'Lorenzo', 'Sara', 'Matteo', 'Federica', 'Andrea', 'Valentina', 'Simone', 'Martina', 'Davide', 'Elisa', 'Riccardo', 'Silvia', 'Gabriele', 'Paola', 'Nicola', 'Alice']
export const LAST_NAMES = ['Ferrero', 'Rosso', 'Bruno', 'Gallo', 'Bertola', 'Giordano', 'Barbero', 'Fissore', 'Accornero', 'Operti', 'Pautasso', 'Costamagna', 'Bosio', 'Rinaudo', 'Chiapello', 'Allasia', 'Dutto', 'Cerutti', 'Bonino', 'Quaglia']

/** Markets SMEs already serve (ISO country codes). */
export const MARKETS = ['IT', 'FR', 'DE', 'CH', 'AT', 'ES', 'BE', 'NL', 'PL', 'SE', 'US', 'GB']
