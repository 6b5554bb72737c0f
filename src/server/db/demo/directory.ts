import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../client.js';
import {
  contactPoint,
  engagementDeclaration,
  location,
  municipality,
  organisation,
  organisationMunicipality,
  organisationSector,
  region,
  regionMunicipality,
  sector,
  service,
  serviceLocation,
  wait,
  zinplek,
} from '../schema/index.js';
import { upsertRegion } from '../reference-data.js';
import { identityRepo } from '../../modules/identity/identity.repo.js';
import type { TContactFunction, TEngagementStatus } from '../../../shared/schemas/directory/enums.js';

/**
 * The demo directory (sociale kaart, issue 8): a few more 1G1P regions by arrondissement, and for
 * the demo organisations of people.ts and some 25 more invented ones in Noord-West-Vlaanderen and
 * Oost-Vlaanderen their locations (real street names, invented house numbers, WGS 84 coordinates
 * inside the municipality), served municipalities, sectors, services, contact points, zinplekken
 * (seed 004) and engagement declarations (seed 002). Organisations, e-mail addresses (domain
 * `.demo`) and phone numbers are made up.
 *
 * Dates are relative to `now` like families.ts: an entry confirmed 8 months ago stays stale.
 * Idempotent: organisations upsert on their name; their entries are keyed on the organisation and
 * the entry's name (contact points on function and title), so a second run adds nothing.
 */

const DAY = 86_400_000;

/** Other 1G1P regions by arrondissement (NIS code of the arrondissement). */
export const DEMO_REGIONS: { code: string; name: string; arrondissements: string[] }[] = [
  { code: 'regio-gent', name: 'Regio Gent', arrondissements: ['44000'] },
  { code: 'regio-aalst', name: 'Regio Aalst', arrondissements: ['41000'] },
  { code: 'meetjesland', name: 'Meetjesland', arrondissements: ['43000'] },
  { code: 'waasland', name: 'Waasland', arrondissements: ['46000'] },
  { code: 'regio-dendermonde', name: 'Regio Dendermonde', arrondissements: ['42000'] },
  { code: 'vlaamse-ardennen', name: 'Vlaamse Ardennen', arrondissements: ['45000'] },
  { code: 'regio-antwerpen', name: 'Regio Antwerpen', arrondissements: ['11000'] },
  { code: 'regio-leuven', name: 'Regio Leuven', arrondissements: ['24000'] },
];

interface LocationSpec {
  name: string;
  street: string;
  postalCode: string;
  city: string;
  nis: string;
  lat: number;
  lon: number;
}

/** Kinds of service, with Dutch texts; organisations pick some and set their own numbers. */
const SERVICES = {
  cawOnthaal: {
    name: 'Onthaal en eerste hulp bij vragen',
    description: 'Je kan bij ons terecht met alle vragen over welzijn: relaties, geld, wonen, administratie, geweld of een crisis. We luisteren, zoeken samen naar een oplossing en verwijzen door als het nodig is.',
    eligibility: 'Iedereen, ook zonder verwijzing.',
    minAge: 0, maxAge: 120, languages: ['nl', 'fr', 'en'], cost: 'Gratis.', directAccess: true,
    howToApply: 'Loop binnen tijdens de openingsuren of bel het onthaal. Je kan ook chatten via de website.',
  },
  jac: {
    name: 'JAC – jongerenonthaal',
    description: 'Het Jongerenaanspreekpunt voor jongeren van 12 tot 25 jaar: anoniem praten over thuis, school, vrienden, seksualiteit, drugs of geld.',
    eligibility: 'Jongeren van 12 tot 25 jaar.',
    minAge: 12, maxAge: 25, languages: ['nl', 'en'], cost: 'Gratis en anoniem.', directAccess: true,
    howToApply: 'Kom langs zonder afspraak, bel of chat. Je hoeft je naam niet te geven.',
  },
  contextbegeleiding: {
    name: 'Contextbegeleiding aan huis',
    description: 'Rechtstreeks toegankelijke jeugdhulp: een begeleider komt wekelijks aan huis en werkt samen met ouders en kinderen aan opvoeding, structuur en communicatie in het gezin.',
    eligibility: 'Gezinnen met kinderen en jongeren van 0 tot 18 jaar met vragen over opvoeding.',
    minAge: 0, maxAge: 18, languages: ['nl', 'fr'], cost: 'Gratis.', directAccess: true,
    howToApply: 'Ouders kunnen zelf aanmelden. Een hulpverlener kan ook aanmelden met akkoord van het gezin.',
  },
  dagbegeleiding: {
    name: 'Dagbegeleiding in groep',
    description: 'Na schooltijd en op woensdagnamiddag begeleiden we kinderen in een kleine groep: huiswerk, spel, sociale vaardigheden. Ouders krijgen opvoedingsondersteuning.',
    eligibility: 'Kinderen van 6 tot 14 jaar; toegang via de intersectorale toegangspoort of rechtstreeks toegankelijk (beperkt).',
    minAge: 6, maxAge: 14, languages: ['nl'], cost: 'Een kleine bijdrage voor maaltijden; nooit een drempel.', directAccess: false,
    howToApply: 'Aanmelden via de intersectorale toegangspoort (A-document) of een gesprek aanvragen bij het onthaal.',
  },
  verblijf: {
    name: 'Verblijf in een leefgroep',
    description: 'Residentiële opvang voor jongeren die tijdelijk niet thuis kunnen wonen, met aandacht voor school, netwerk en terugkeer naar huis of zelfstandig wonen.',
    eligibility: 'Jongeren van 12 tot 18 jaar, met een beslissing van de intersectorale toegangspoort of de jeugdrechter.',
    minAge: 12, maxAge: 18, languages: ['nl'], cost: 'Volgens de regels van Opgroeien (bijdrage op basis van kinderbijslag).', directAccess: false,
    howToApply: 'Enkel na een indicatiestelling via de intersectorale toegangspoort.',
  },
  clbOnthaal: {
    name: 'Leerlingenbegeleiding en onthaal',
    description: 'Het CLB helpt leerlingen, ouders en scholen bij vragen over leren en studeren, onderwijsloopbaan, preventieve gezondheidszorg en psychisch en sociaal functioneren.',
    eligibility: 'Leerlingen van de scholen die we begeleiden en hun ouders.',
    minAge: 2, maxAge: 25, languages: ['nl', 'fr', 'en', 'ar', 'tr'], cost: 'Gratis.', directAccess: true,
    howToApply: 'Bel of mail het CLB, of spreek de CLB-medewerker op school aan.',
  },
  cggKinderen: {
    name: 'Ambulante therapie voor kinderen en jongeren',
    description: 'Diagnostiek en behandeling bij psychische problemen: angst, somberheid, trauma, gedragsproblemen, ontwikkelingsstoornissen. Gesprekken met kind en ouders.',
    eligibility: 'Kinderen en jongeren tot 18 jaar en hun gezin.',
    minAge: 0, maxAge: 18, languages: ['nl', 'en'], cost: 'Remgeld per gesprek (max. € 11), verminderd tarief met verhoogde tegemoetkoming.', directAccess: true,
    howToApply: 'Aanmelden per telefoon; een onthaalmedewerker plant een intakegesprek.',
  },
  ggzMobiel: {
    name: 'Mobiel crisisteam kinderen en jongeren',
    description: 'Snelle, korte en intensieve begeleiding aan huis of op school bij een psychische crisis, in overleg met de huisarts en de school.',
    eligibility: 'Jongeren tot 18 jaar in een psychiatrische crisissituatie; aanmelding door een hulpverlener of arts.',
    minAge: 0, maxAge: 18, languages: ['nl', 'fr'], cost: 'Gratis.', directAccess: false,
    howToApply: 'Een hulpverlener of arts meldt aan via de crisislijn (7 op 7, 9–17 u).',
  },
  kgConsultatie: {
    name: 'Consultatiebureau voor baby’s en peuters',
    description: 'Gratis opvolging van de groei en ontwikkeling van je kindje, vaccinaties en advies over voeding, slapen en opvoeding door een arts en een verpleegkundige.',
    eligibility: 'Ouders van kinderen van 0 tot 3 jaar.',
    minAge: 0, maxAge: 3, languages: ['nl', 'fr', 'en', 'ar', 'pl'], cost: 'Gratis.', directAccess: true,
    howToApply: 'Maak een afspraak via de lijn van Kind en Gezin of in het Huis van het Kind.',
  },
  opvoedingswinkel: {
    name: 'Opvoedingspunt',
    description: 'Met al je vragen over opvoeden en opgroeien: een gesprek met een pedagoog, infosessies voor ouders, oudergroepen en een uitleendienst.',
    eligibility: 'Ouders, grootouders en iedereen die kinderen opvoedt.',
    minAge: 0, maxAge: 18, languages: ['nl', 'en', 'tr'], cost: 'Gratis.', directAccess: true,
    howToApply: 'Loop binnen, bel of maak online een afspraak.',
  },
  vaphMfc: {
    name: 'Multifunctioneel centrum, dagbegeleiding',
    description: 'Ondersteuning voor kinderen en jongeren met een (vermoeden van) beperking: dagopvang, begeleiding op school en thuis, kortverblijf.',
    eligibility: 'Kinderen en jongeren tot 21 jaar met een beslissing van de toegangspoort (VAPH) of via rechtstreeks toegankelijke hulp.',
    minAge: 0, maxAge: 21, languages: ['nl'], cost: 'Een dagprijs volgens de VAPH-regels.', directAccess: false,
    howToApply: 'Vraag een gesprek met de sociale dienst; zij helpen met de aanvraag bij de toegangspoort.',
  },
  vaphThuis: {
    name: 'Thuisbegeleiding voor gezinnen met een kind met een beperking',
    description: 'Een thuisbegeleider ondersteunt ouders in de opvoeding en de verzorging van hun kind met een (vermoeden van) beperking, thuis en in het netwerk.',
    eligibility: 'Gezinnen met een kind tot 21 jaar met een (vermoeden van) beperking.',
    minAge: 0, maxAge: 21, languages: ['nl', 'fr'], cost: 'Gratis (rechtstreeks toegankelijke hulp).', directAccess: true,
    howToApply: 'Ouders melden zelf aan per telefoon of via de website.',
  },
  ocmwSociaal: {
    name: 'Sociale dienst en leefloon',
    description: 'Het OCMW onderzoekt je recht op leefloon, financiële steun, budgetbegeleiding, schuldbemiddeling en tussenkomst in medische kosten.',
    eligibility: 'Inwoners van de gemeente met een vraag over inkomen of sociale rechten.',
    minAge: 18, maxAge: 120, languages: ['nl', 'fr', 'en'], cost: 'Gratis.', directAccess: true,
    howToApply: 'Kom naar het Sociaal Huis tijdens de zitdagen of maak een afspraak.',
  },
  mutualiteit: {
    name: 'Sociale dienst van het ziekenfonds',
    description: 'Advies over tegemoetkomingen, zorgbudgetten, hulpmiddelen, thuiszorg en de rechten van kinderen met een langdurige ziekte of beperking.',
    eligibility: 'Leden van het ziekenfonds en hun gezin.',
    minAge: 0, maxAge: 120, languages: ['nl', 'fr'], cost: 'Gratis voor leden.', directAccess: true,
    howToApply: 'Maak een afspraak in een kantoor of vraag een huisbezoek.',
  },
  pleegzorg: {
    name: 'Pleegzorg',
    description: 'Kinderen en jongeren die (tijdelijk) niet thuis kunnen wonen, vinden een plek in een pleeggezin. We begeleiden pleegkinderen, pleegouders en ouders.',
    eligibility: 'Kinderen en jongeren tot 25 jaar; perspectiefzoekende pleegzorg via de toegangspoort, ondersteunende pleegzorg rechtstreeks toegankelijk.',
    minAge: 0, maxAge: 25, languages: ['nl'], cost: 'Gratis; pleegouders krijgen een vergoeding.', directAccess: false,
    howToApply: 'Aanmelden via de intersectorale toegangspoort of, voor ondersteunende pleegzorg, rechtstreeks bij ons.',
  },
  timeOut: {
    name: 'Time-outtraject voor jongeren die vastlopen op school',
    description: 'Een kort traject buiten de klas: rust, ervaringsgerichte activiteiten en gesprekken, samen met school en ouders, om daarna weer aan te sluiten.',
    eligibility: 'Leerlingen van 12 tot 18 jaar, aangemeld door school en CLB.',
    minAge: 12, maxAge: 18, languages: ['nl'], cost: 'Gratis.', directAccess: false,
    howToApply: 'De school meldt aan samen met het CLB, met akkoord van jongere en ouders.',
  },
} satisfies Record<string, {
  name: string;
  description: string;
  eligibility: string;
  minAge: number;
  maxAge: number;
  languages: string[];
  cost: string;
  directAccess: boolean;
  howToApply: string;
}>;
type ServiceKind = keyof typeof SERVICES;

interface ServiceSpec {
  kind: ServiceKind;
  /** A name of its own (else the kind's). */
  name?: string;
  capacity?: number;
  waitingDays?: number;
  /** Days since the owner last confirmed it (default 20); over 183 days it is stale. */
  confirmedDaysAgo?: number;
}

interface OrganisationSpec {
  name: string;
  region: string;
  sectors: string[];
  description: string;
  domain: string;
  phone: string;
  directAccess?: boolean;
  broadEntryPoint?: boolean;
  mandated?: boolean;
  listed?: boolean;
  archived?: boolean;
  /** Days since the organisation last confirmed its entry (default 30). */
  confirmedDaysAgo?: number;
  /** NIS codes served; default every municipality of the region. */
  serves?: string[];
  locations: LocationSpec[];
  services: ServiceSpec[];
  contacts?: { function: TContactFunction; title: string; local?: string }[];
  engagement?: { status: TEngagementStatus; days?: number; note?: string };
}

const NWV = 'noord-west-vlaanderen';

/** Real street names and town centres (coordinates checked against the municipality shapes). */
const AT = {
  brugge: { street: 'Sint-Jorisstraat', postalCode: '8000', city: 'Brugge', nis: '31005', lat: 51.2113, lon: 3.2262 },
  brugge2: { street: 'Gistelse Steenweg', postalCode: '8200', city: 'Brugge', nis: '31005', lat: 51.1975, lon: 3.2005 },
  oostende: { street: 'Kapellestraat', postalCode: '8400', city: 'Oostende', nis: '35013', lat: 51.2285, lon: 2.9195 },
  oostende2: { street: 'Torhoutsesteenweg', postalCode: '8400', city: 'Oostende', nis: '35013', lat: 51.2125, lon: 2.9290 },
  blankenberge: { street: 'Kerkstraat', postalCode: '8370', city: 'Blankenberge', nis: '31004', lat: 51.3115, lon: 3.1340 },
  torhout: { street: 'Markt', postalCode: '8820', city: 'Torhout', nis: '31033', lat: 51.0650, lon: 3.1010 },
  knokke: { street: 'Lippenslaan', postalCode: '8300', city: 'Knokke-Heist', nis: '31043', lat: 51.3410, lon: 3.2880 },
  oostkamp: { street: 'Kerkstraat', postalCode: '8020', city: 'Oostkamp', nis: '31022', lat: 51.1545, lon: 3.2325 },
  zedelgem: { street: 'Loppemsestraat', postalCode: '8210', city: 'Zedelgem', nis: '31040', lat: 51.1430, lon: 3.1380 },
  jabbeke: { street: 'Dorpsstraat', postalCode: '8490', city: 'Jabbeke', nis: '31012', lat: 51.1825, lon: 3.0880 },
  beernem: { street: 'Bloemendalestraat', postalCode: '8730', city: 'Beernem', nis: '31003', lat: 51.1395, lon: 3.3390 },
  damme: { street: 'Markt', postalCode: '8340', city: 'Damme', nis: '31006', lat: 51.2510, lon: 3.2815 },
  dehaan: { street: 'Leopoldlaan', postalCode: '8420', city: 'De Haan', nis: '35029', lat: 51.2700, lon: 3.0360 },
  gistel: { street: 'Kerkstraat', postalCode: '8470', city: 'Gistel', nis: '35005', lat: 51.1570, lon: 2.9665 },
  middelkerke: { street: 'Leopoldlaan', postalCode: '8430', city: 'Middelkerke', nis: '35011', lat: 51.1815, lon: 2.8230 },
  bredene: { street: 'Kapelstraat', postalCode: '8450', city: 'Bredene', nis: '35002', lat: 51.2380, lon: 2.9745 },
  ichtegem: { street: 'Engelstraat', postalCode: '8480', city: 'Ichtegem', nis: '35006', lat: 51.0950, lon: 3.0140 },
  oudenburg: { street: 'Marktstraat', postalCode: '8460', city: 'Oudenburg', nis: '35014', lat: 51.1840, lon: 3.0030 },
  gent: { street: 'Kortrijksesteenweg', postalCode: '9000', city: 'Gent', nis: '44021', lat: 51.0430, lon: 3.7140 },
  gent2: { street: 'Dampoortstraat', postalCode: '9000', city: 'Gent', nis: '44021', lat: 51.0560, lon: 3.7400 },
  aalst: { street: 'Kattestraat', postalCode: '9300', city: 'Aalst', nis: '41002', lat: 50.9378, lon: 4.0400 },
  ninove: { street: 'Centrumlaan', postalCode: '9400', city: 'Ninove', nis: '41048', lat: 50.8280, lon: 4.0260 },
  zottegem: { street: 'Markt', postalCode: '9620', city: 'Zottegem', nis: '41081', lat: 50.8690, lon: 3.8100 },
  geraardsbergen: { street: 'Markt', postalCode: '9500', city: 'Geraardsbergen', nis: '41018', lat: 50.7730, lon: 3.8820 },
  eeklo: { street: 'Stationsstraat', postalCode: '9900', city: 'Eeklo', nis: '43005', lat: 51.1850, lon: 3.5640 },
  maldegem: { street: 'Marktplein', postalCode: '9990', city: 'Maldegem', nis: '43010', lat: 51.2070, lon: 3.4440 },
  zelzate: { street: 'Grote Markt', postalCode: '9060', city: 'Zelzate', nis: '43018', lat: 51.2000, lon: 3.8100 },
  sintNiklaas: { street: 'Grote Markt', postalCode: '9100', city: 'Sint-Niklaas', nis: '46021', lat: 51.1650, lon: 4.1430 },
  beveren: { street: 'Gravenplein', postalCode: '9120', city: 'Beveren', nis: '46003', lat: 51.2120, lon: 4.2560 },
  lokeren: { street: 'Markt', postalCode: '9160', city: 'Lokeren', nis: '46014', lat: 51.1040, lon: 3.9910 },
  dendermonde: { street: 'Oude Vest', postalCode: '9200', city: 'Dendermonde', nis: '42006', lat: 51.0280, lon: 4.1010 },
  wetteren: { street: 'Markt', postalCode: '9230', city: 'Wetteren', nis: '42025', lat: 51.0020, lon: 3.8830 },
  oudenaarde: { street: 'Markt', postalCode: '9700', city: 'Oudenaarde', nis: '45035', lat: 50.8450, lon: 3.6050 },
  ronse: { street: 'Grote Markt', postalCode: '9600', city: 'Ronse', nis: '45041', lat: 50.7450, lon: 3.6000 },
} as const;

const loc = (name: string, at: keyof typeof AT, number: number): LocationSpec => {
  const a = AT[at];
  return { name, street: `${a.street} ${number}`, postalCode: a.postalCode, city: a.city, nis: a.nis, lat: a.lat, lon: a.lon };
};

const NWV_NIS = ['31003', '31004', '31005', '31006', '31012', '31022', '31033', '31040', '31042', '31043', '35002', '35005', '35006', '35011', '35013', '35014', '35029'];
const KUST = ['35002', '35005', '35011', '35013', '35014', '35029', '31004', '31043'];

/** The demo organisations of people.ts (first five) and invented others. */
export const DEMO_DIRECTORY: OrganisationSpec[] = [
  {
    name: 'Jeugdhulp Kustlijn vzw', region: NWV, sectors: ['jeugdhulp'], domain: 'kustlijn.demo', phone: '059 99 01 00',
    description: 'Voorziening jeugdhulp aan de kust: contextbegeleiding, dagbegeleiding en verblijf voor kinderen, jongeren en hun gezin. Coördineert het centraal aanmeldpunt voor de zinplekken van de regio.',
    directAccess: true, broadEntryPoint: true,
    locations: [loc('Hoofdzetel Oostende', 'oostende2', 118), loc('Dagcentrum Blankenberge', 'blankenberge', 47)],
    services: [
      { kind: 'contextbegeleiding', capacity: 40, waitingDays: 35 },
      { kind: 'dagbegeleiding', capacity: 16, waitingDays: 60 },
      { kind: 'verblijf', capacity: 24, waitingDays: 120, confirmedDaysAgo: 240 },
    ],
    contacts: [
      { function: 'intake', title: 'Onthaal en aanmelding', local: 'onthaal' },
      { function: 'central_registration', title: 'Centraal aanmeldpunt zinplekken Noord-West-Vlaanderen', local: 'zinplekken' },
      { function: 'iroj_member', title: 'Afgevaardigde in het IROJ West-Vlaanderen', local: 'directie' },
    ],
    engagement: { status: 'received', days: -400 },
  },
  {
    name: 'CLB Polderland', region: NWV, sectors: ['clb', 'onderwijs'], domain: 'clbpolderland.demo', phone: '050 99 02 00',
    description: 'Centrum voor Leerlingenbegeleiding voor de scholen van Brugge, Oostkamp, Torhout en de kust.',
    directAccess: true, broadEntryPoint: true,
    locations: [loc('Vestiging Brugge', 'brugge2', 62), loc('Vestiging Torhout', 'torhout', 14)],
    services: [{ kind: 'clbOnthaal', waitingDays: 7 }, { kind: 'timeOut', capacity: 12, waitingDays: 21 }],
    contacts: [
      { function: 'intake', title: 'Onthaal CLB', local: 'onthaal' },
      { function: 'education_ambassador', title: 'Onderwijsambassadeur Brugge en ommeland', local: 'onderwijsambassadeur' },
    ],
    engagement: { status: 'received', days: -380 },
  },
  {
    name: 'CGG Zeewind', region: NWV, sectors: ['ggz'], domain: 'cggzeewind.demo', phone: '059 99 03 00',
    description: 'Centrum voor Geestelijke Gezondheidszorg met een team kinderen en jongeren en een mobiel crisisteam voor de regio.',
    directAccess: true,
    locations: [loc('Team kinderen en jongeren Oostende', 'oostende', 21), loc('Antenne Brugge', 'brugge', 30)],
    services: [{ kind: 'cggKinderen', waitingDays: 150, capacity: 300 }, { kind: 'ggzMobiel', waitingDays: 2 }],
    contacts: [{ function: 'intake', title: 'Aanmeldingslijn', local: 'aanmelding' }],
    engagement: { status: 'received', days: -350 },
  },
  {
    name: 'Welzijnshuis De Vaart', region: NWV, sectors: ['caw'], domain: 'devaart.demo', phone: '050 99 04 00',
    description: 'Centrum Algemeen Welzijnswerk: onthaal, JAC, begeleiding bij relaties, wonen en geweld, en rechtstreeks toegankelijke contextbegeleiding.',
    directAccess: true, broadEntryPoint: true,
    locations: [loc('Welzijnshuis Brugge', 'brugge', 9), loc('Onthaal Oostende', 'oostende', 77), loc('Zitdag Knokke-Heist', 'knokke', 150)],
    services: [
      { kind: 'cawOnthaal', waitingDays: 0 },
      { kind: 'jac', waitingDays: 0 },
      { kind: 'contextbegeleiding', name: 'Contextbegeleiding aan huis (rechtstreeks toegankelijke jeugdhulp)', capacity: 30, waitingDays: 42 },
    ],
    contacts: [
      { function: 'intake', title: 'Onthaal', local: 'onthaal' },
      { function: 'confidant_point', title: 'Vertrouwenscentrum en meldpunt geweld', local: 'vertrouwenspunt' },
    ],
    engagement: { status: 'received', days: -300 },
  },
  {
    name: 'Huis van het Kind Duinenrand', region: NWV, sectors: ['huis-van-het-kind', 'lokaal-bestuur'], domain: 'duinenrand.demo', phone: '059 99 05 00',
    description: 'Huis van het Kind van de kustgemeenten: consultatiebureau, opvoedingspunt, ontmoeting voor ouders en kinderen.',
    directAccess: true, serves: KUST,
    locations: [loc('Huis van het Kind Bredene', 'bredene', 5), loc('Huis van het Kind Middelkerke', 'middelkerke', 88)],
    services: [{ kind: 'kgConsultatie', waitingDays: 5 }, { kind: 'opvoedingswinkel', waitingDays: 10 }],
    contacts: [{ function: 'general', title: 'Onthaal Huis van het Kind', local: 'info' }],
    engagement: { status: 'expected', days: 30, note: 'Wordt ondertekend na de gemeenteraad.' },
  },
  // Noord-West-Vlaanderen, invented.
  {
    name: 'CAW Noordzee Jongerenwerking', region: NWV, sectors: ['caw'], domain: 'cawnoordzee.demo', phone: '059 99 06 00',
    description: 'Jongerenonthaal en begeleid zelfstandig wonen voor jongvolwassenen aan de kust.',
    directAccess: true, serves: KUST,
    locations: [loc('JAC Oostende', 'oostende', 133)],
    services: [{ kind: 'jac', waitingDays: 0 }],
    contacts: [{ function: 'intake', title: 'JAC-onthaal', local: 'jac' }],
    engagement: { status: 'received', days: -200 },
  },
  {
    name: 'OCMW Oostkamp – Sociaal Huis', region: NWV, sectors: ['lokaal-bestuur'], domain: 'sociaalhuis-oostkamp.demo', phone: '050 99 07 00',
    description: 'Sociaal Huis van de gemeente: leefloon, budgetbegeleiding, woonbegeleiding en het lokaal loket kinderopvang.',
    directAccess: true, serves: ['31022'],
    locations: [loc('Sociaal Huis Oostkamp', 'oostkamp', 2)],
    services: [{ kind: 'ocmwSociaal', waitingDays: 3 }],
    contacts: [{ function: 'general', title: 'Onthaal Sociaal Huis', local: 'sociaalhuis' }],
    engagement: { status: 'expected', days: 45 },
  },
  {
    name: 'OCMW Torhout – Sociaal Huis', region: NWV, sectors: ['lokaal-bestuur'], domain: 'sociaalhuis-torhout.demo', phone: '050 99 08 00',
    description: 'Sociaal Huis van Torhout: financiële hulp, schuldbemiddeling en ondersteuning van gezinnen.',
    directAccess: true, serves: ['31033'],
    locations: [loc('Sociaal Huis Torhout', 'torhout', 31)],
    services: [{ kind: 'ocmwSociaal', waitingDays: 5, confirmedDaysAgo: 260 }],
    confirmedDaysAgo: 260,
    engagement: { status: 'under_consideration', note: 'Bespreking in het vast bureau gepland.' },
  },
  {
    name: 'OCMW Oostende – Sociaal Huis', region: NWV, sectors: ['lokaal-bestuur'], domain: 'sociaalhuis-oostende.demo', phone: '059 99 09 00',
    description: 'Sociaal Huis van Oostende: onthaal, leefloon, huisvesting en het Huis van het Kind.',
    directAccess: true, serves: ['35013'],
    locations: [loc('Sociaal Huis Oostende', 'oostende2', 60)],
    services: [{ kind: 'ocmwSociaal', waitingDays: 2 }],
    contacts: [{ function: 'general', title: 'Onthaal Sociaal Huis', local: 'sociaalhuis' }],
    engagement: { status: 'received', days: -150 },
  },
  {
    name: 'MFC De Brugse Meersen', region: NWV, sectors: ['vaph'], domain: 'brugsemeersen.demo', phone: '050 99 10 00',
    description: 'Multifunctioneel centrum voor kinderen en jongeren met een verstandelijke beperking of autisme.',
    locations: [loc('Campus Sint-Andries', 'brugge2', 240)],
    services: [{ kind: 'vaphMfc', capacity: 45, waitingDays: 210 }, { kind: 'vaphThuis', waitingDays: 90 }],
    contacts: [{ function: 'intake', title: 'Sociale dienst', local: 'sociale.dienst' }],
    engagement: { status: 'received', days: -320 },
  },
  {
    name: 'Thuisbegeleidingsdienst Golfslag', region: NWV, sectors: ['vaph'], domain: 'golfslag.demo', phone: '059 99 11 00',
    description: 'Thuisbegeleiding voor gezinnen met een kind met een beperking in de regio Oostende en Gistel.',
    directAccess: true,
    locations: [loc('Kantoor Gistel', 'gistel', 12)],
    services: [{ kind: 'vaphThuis', waitingDays: 75, capacity: 60 }],
    engagement: { status: 'expected', days: 14 },
  },
  {
    name: 'Kind en Gezin regioteam Brugge', region: NWV, sectors: ['kind-en-gezin'], domain: 'kg-brugge.demo', phone: '050 99 12 00',
    description: 'Regioteam van Kind en Gezin: preventieve gezinsondersteuning en consultatiebureaus in Brugge en omstreken.',
    directAccess: true, serves: ['31005', '31006', '31022', '31040', '31012', '31003'],
    locations: [loc('Consultatiebureau Brugge', 'brugge', 55), loc('Consultatiebureau Zedelgem', 'zedelgem', 8)],
    services: [{ kind: 'kgConsultatie', waitingDays: 7 }],
    engagement: { status: 'received', days: -280 },
  },
  {
    name: 'Pleegzorg Westkust-Brugge', region: NWV, sectors: ['jeugdhulp'], domain: 'pleegzorg-wb.demo', phone: '050 99 13 00',
    description: 'Pleegzorgdienst voor het noorden van West-Vlaanderen.',
    mandated: false,
    locations: [loc('Pleegzorg Brugge', 'brugge2', 101)],
    services: [{ kind: 'pleegzorg', waitingDays: 30 }],
    contacts: [{ function: 'intake', title: 'Aanmelding pleegzorg', local: 'aanmelding' }],
    engagement: { status: 'received', days: -330 },
  },
  {
    name: 'Ondersteuningscentrum Jeugdzorg Brugge', region: NWV, sectors: ['jeugdhulp', 'justitie'], domain: 'ocjb.demo', phone: '050 99 14 00',
    description: 'Gemandateerde voorziening: neemt verontrustende situaties op wanneer vrijwillige hulp niet lukt.',
    mandated: true,
    locations: [loc('OCJ Brugge', 'brugge', 44)],
    services: [],
    contacts: [{ function: 'general', title: 'Permanentie', local: 'permanentie' }],
    engagement: { status: 'received', days: -360 },
  },
  {
    name: 'Ziekenfonds Kust en Polder', region: NWV, sectors: ['andere'], domain: 'zkp.demo', phone: '059 99 15 00',
    description: 'Mutualiteit met een sociale dienst voor gezinnen met een kind met een langdurige ziekte of beperking.',
    directAccess: true,
    locations: [loc('Kantoor Oostende', 'oostende', 12), loc('Kantoor Jabbeke', 'jabbeke', 3)],
    services: [{ kind: 'mutualiteit', waitingDays: 10, confirmedDaysAgo: 300 }],
    confirmedDaysAgo: 300,
    engagement: { status: 'under_consideration', note: 'Eerst overleg met de nationale koepel.' },
  },
  {
    name: 'Zorgboerderij De Polderhoeve', region: NWV, sectors: ['andere'], domain: 'polderhoeve.demo', phone: '050 99 16 00',
    description: 'Zorgboerderij waar jongeren meewerken met dieren en op het veld: een zinplek met rust en ritme.',
    serves: NWV_NIS,
    locations: [loc('De Polderhoeve', 'damme', 19)],
    services: [],
    engagement: { status: 'expected', days: 60 },
  },
  {
    name: 'Jeugdhuis De Branding vzw', region: NWV, sectors: ['andere'], domain: 'debranding.demo', phone: '059 99 17 00',
    description: 'Jeugdhuis en open jeugdwerk in Middelkerke en De Haan, met een zinplek voor jongeren die even uit de school- of hulpcontext willen.',
    serves: ['35011', '35029', '35013'],
    locations: [loc('Jeugdhuis De Branding', 'middelkerke', 6), loc('Werkplaats De Haan', 'dehaan', 27)],
    services: [],
  },
  {
    name: 'Atelier Houtkrul', region: NWV, sectors: ['andere'], domain: 'houtkrul.demo', phone: '050 99 18 00',
    description: 'Sociaal-artistiek houtatelier waar jongeren samen met vrijwilligers meubels en kunst maken.',
    serves: ['31003', '31005', '31022'],
    locations: [loc('Atelier Beernem', 'beernem', 70)],
    services: [],
    confirmedDaysAgo: 210,
  },
  {
    name: 'Time-out project Kompas', region: NWV, sectors: ['onderwijs'], domain: 'kompas.demo', phone: '050 99 19 00',
    description: 'Proefproject time-out voor leerlingen; nog niet publiek (in opbouw).',
    listed: false,
    locations: [loc('Kompas Jabbeke', 'jabbeke', 44)],
    services: [{ kind: 'timeOut', capacity: 6, waitingDays: 14 }],
  },
  {
    name: 'Opvoedingswinkel Oostende (opgeheven)', region: NWV, sectors: ['huis-van-het-kind'], domain: 'opvoedingswinkel-oostende.demo', phone: '059 99 20 00',
    description: 'Opgegaan in het Huis van het Kind Duinenrand.',
    listed: false, archived: true, confirmedDaysAgo: 500,
    locations: [loc('Opvoedingswinkel', 'oostende', 3)],
    services: [{ kind: 'opvoedingswinkel', confirmedDaysAgo: 500 }],
  },
  // Oost-Vlaanderen, invented.
  {
    name: 'CAW Leieland-Gent', region: 'regio-gent', sectors: ['caw'], domain: 'cawleieland.demo', phone: '09 999 01 00',
    description: 'Centrum Algemeen Welzijnswerk in Gent en omgeving: onthaal, JAC, gezinsbegeleiding.',
    directAccess: true, broadEntryPoint: true,
    locations: [loc('Onthaal Gent-Zuid', 'gent', 161), loc('JAC Dampoort', 'gent2', 12)],
    services: [{ kind: 'cawOnthaal', waitingDays: 1 }, { kind: 'jac', waitingDays: 0 }, { kind: 'contextbegeleiding', capacity: 50, waitingDays: 56 }],
    contacts: [{ function: 'intake', title: 'Onthaal', local: 'onthaal' }, { function: 'confidant_point', title: 'Vertrouwenspunt kinderen en jongeren', local: 'vertrouwen' }],
    engagement: { status: 'received', days: -220 },
  },
  {
    name: 'CLB Scheldevallei', region: 'regio-gent', sectors: ['clb', 'onderwijs'], domain: 'clbscheldevallei.demo', phone: '09 999 02 00',
    description: 'Centrum voor Leerlingenbegeleiding voor basis- en secundaire scholen in Gent, Merelbeke en Deinze.',
    directAccess: true,
    locations: [loc('CLB Gent', 'gent', 40)],
    services: [{ kind: 'clbOnthaal', waitingDays: 10 }],
    contacts: [{ function: 'education_ambassador', title: 'Onderwijsambassadeur Regio Gent', local: 'onderwijsambassadeur' }],
    engagement: { status: 'expected', days: 20 },
  },
  {
    name: 'CGG Eikenhof', region: 'regio-aalst', sectors: ['ggz'], domain: 'cggeikenhof.demo', phone: '053 99 03 00',
    description: 'Centrum voor Geestelijke Gezondheidszorg voor Aalst, Ninove en Zottegem.',
    directAccess: true,
    locations: [loc('CGG Aalst', 'aalst', 25), loc('Antenne Ninove', 'ninove', 7), loc('Antenne Zottegem', 'zottegem', 11)],
    services: [{ kind: 'cggKinderen', waitingDays: 180, confirmedDaysAgo: 230 }, { kind: 'ggzMobiel', waitingDays: 3 }],
    contacts: [{ function: 'intake', title: 'Aanmeldingslijn', local: 'aanmelding' }],
    engagement: { status: 'received', days: -190 },
  },
  {
    name: 'Huis van het Kind Geraardsbergen', region: 'regio-aalst', sectors: ['huis-van-het-kind', 'lokaal-bestuur'], domain: 'hvhk-geraardsbergen.demo', phone: '054 99 04 00',
    description: 'Ontmoetingsplek, consultatiebureau en opvoedingsondersteuning voor gezinnen in Geraardsbergen.',
    directAccess: true, serves: ['41018'],
    locations: [loc('Huis van het Kind', 'geraardsbergen', 13)],
    services: [{ kind: 'kgConsultatie', waitingDays: 4 }, { kind: 'opvoedingswinkel', waitingDays: 8 }],
  },
  {
    name: 'Jeugdhulp Meetjesland vzw', region: 'meetjesland', sectors: ['jeugdhulp'], domain: 'jhmeetjesland.demo', phone: '09 999 05 00',
    description: 'Contextbegeleiding en dagbegeleiding in Eeklo, Maldegem en Zelzate.',
    directAccess: true,
    locations: [loc('Dagcentrum Eeklo', 'eeklo', 52), loc('Antenne Maldegem', 'maldegem', 4)],
    services: [{ kind: 'contextbegeleiding', capacity: 25, waitingDays: 28 }, { kind: 'dagbegeleiding', capacity: 12, waitingDays: 45 }],
    contacts: [{ function: 'intake', title: 'Aanmelding', local: 'aanmelding' }],
    engagement: { status: 'received', days: -260 },
  },
  {
    name: 'OCMW Zelzate – Sociaal Huis', region: 'meetjesland', sectors: ['lokaal-bestuur'], domain: 'sociaalhuis-zelzate.demo', phone: '09 999 06 00',
    description: 'Sociaal Huis van Zelzate.',
    directAccess: true, serves: ['43018'],
    locations: [loc('Sociaal Huis Zelzate', 'zelzate', 1)],
    services: [{ kind: 'ocmwSociaal', waitingDays: 4 }],
    engagement: { status: 'under_consideration' },
  },
  {
    name: 'VAPH-dienst Waasland Samen', region: 'waasland', sectors: ['vaph'], domain: 'waaslandsamen.demo', phone: '03 999 07 00',
    description: 'Multifunctioneel centrum en thuisbegeleiding voor kinderen met een beperking in het Waasland.',
    locations: [loc('Campus Sint-Niklaas', 'sintNiklaas', 80), loc('Antenne Beveren', 'beveren', 9)],
    services: [{ kind: 'vaphMfc', capacity: 60, waitingDays: 240 }, { kind: 'vaphThuis', waitingDays: 100 }],
    contacts: [{ function: 'intake', title: 'Sociale dienst', local: 'sociale.dienst' }],
    engagement: { status: 'received', days: -240 },
  },
  {
    name: 'Huis van het Kind Lokeren', region: 'waasland', sectors: ['huis-van-het-kind'], domain: 'hvhk-lokeren.demo', phone: '09 999 08 00',
    description: 'Huis van het Kind met consultatiebureau en opvoedingspunt.',
    directAccess: true, serves: ['46014'],
    locations: [loc('Huis van het Kind Lokeren', 'lokeren', 22)],
    services: [{ kind: 'kgConsultatie', waitingDays: 6 }],
  },
  {
    name: 'Jeugdhulp Dender en Schelde', region: 'regio-dendermonde', sectors: ['jeugdhulp'], domain: 'dender-schelde.demo', phone: '052 99 09 00',
    description: 'Leefgroepen en contextbegeleiding in Dendermonde en Wetteren.',
    locations: [loc('Leefgroep Dendermonde', 'dendermonde', 15), loc('Contextteam Wetteren', 'wetteren', 33)],
    services: [{ kind: 'verblijf', capacity: 18, waitingDays: 150 }, { kind: 'contextbegeleiding', capacity: 20, waitingDays: 40 }],
    engagement: { status: 'expected', days: 75 },
  },
  {
    name: 'CLB Vlaamse Ardennen', region: 'vlaamse-ardennen', sectors: ['clb', 'onderwijs'], domain: 'clbardennen.demo', phone: '055 99 10 00',
    description: 'Centrum voor Leerlingenbegeleiding in Oudenaarde en Ronse.',
    directAccess: true,
    locations: [loc('CLB Oudenaarde', 'oudenaarde', 18), loc('CLB Ronse', 'ronse', 6)],
    services: [{ kind: 'clbOnthaal', waitingDays: 12 }],
    contacts: [{ function: 'education_ambassador', title: 'Onderwijsambassadeur Vlaamse Ardennen', local: 'onderwijsambassadeur' }],
    engagement: { status: 'received', days: -210 },
  },
];

/** Zinplekken (seed 004): places of rest and connection; registration through the central registration point. */
const REGISTRATION = 'Aanmelden via het centraal aanmeldpunt zinplekken Noord-West-Vlaanderen (zinplekken@kustlijn.demo, 059 99 01 00). Jongere, ouders en een hulpverlener of school melden samen aan; een kennismaking volgt binnen de week.';
export const DEMO_ZINPLEKKEN: { organisation: string; name: string; activities: string; forWhom: string; minAge: number; maxAge: number; places: number; confirmedDaysAgo?: number }[] = [
  { organisation: 'Zorgboerderij De Polderhoeve', name: 'Zinplek De Polderhoeve', activities: 'Dieren verzorgen, werken in de moestuin, samen koken en eten.', forWhom: 'Jongeren die rust en ritme nodig hebben, naast of na een vastgelopen schooltraject.', minAge: 12, maxAge: 21, places: 6 },
  { organisation: 'Jeugdhuis De Branding vzw', name: 'Zinplek De Branding', activities: 'Fietsen herstellen, muziek maken, surfen en strandwerkdagen met vrijwilligers.', forWhom: 'Jongeren die even uit de hulpverlening of de klas willen, zonder vooraf vastgelegd plan.', minAge: 14, maxAge: 25, places: 8 },
  { organisation: 'Atelier Houtkrul', name: 'Zinplek Atelier Houtkrul', activities: 'Houtbewerking, meubels restaureren, een eigen werkstuk maken en tentoonstellen.', forWhom: 'Jongeren die graag met hun handen werken.', minAge: 15, maxAge: 25, places: 5, confirmedDaysAgo: 210 },
  { organisation: 'Jeugdhulp Kustlijn vzw', name: 'Zinplek De Werf', activities: 'Klussen, sport en ontmoeting in het dagcentrum op woensdag en zaterdag.', forWhom: 'Jongeren in een geblokkeerd traject in de residentiële jeugdhulp.', minAge: 12, maxAge: 18, places: 4 },
];

/** The demo waits of families.ts (Rosseel, Bonte) that point at a directory service. */
const LINKED_WAITS = [
  { serviceText: 'Contextbegeleiding aan huis (rechtstreeks toegankelijke jeugdhulp)', organisation: 'Welzijnshuis De Vaart' },
  { serviceText: 'Multifunctioneel centrum, dagbegeleiding', organisation: 'MFC De Brugse Meersen' },
];

/** The one row an insert … returning gave back. */
function one<T>(rows: T[], what: string): T {
  const [row] = rows;
  if (row === undefined) throw new Error(`demo ${what} not created`);
  return row;
}

async function regionId(tx: DbOrTx, code: string): Promise<string> {
  const [row] = await tx.select({ id: region.id }).from(region).where(eq(region.code, code));
  if (!row) throw new Error(`demo region ${code} missing`);
  return row.id;
}

/** Loads the demo directory (after people.ts and families.ts; see the module comment). */
export async function loadDemoDirectory(tx: DbOrTx, now: Date = new Date()): Promise<void> {
  const today = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  const day = (days: number) => new Date(today.getTime() + days * DAY).toISOString().slice(0, 10);
  const ago = (days: number) => new Date(today.getTime() - days * DAY + 10 * 3_600_000);

  for (const r of DEMO_REGIONS) {
    const munis = await tx.select({ nisCode: municipality.nisCode }).from(municipality).where(inArray(municipality.arrondissementNis, r.arrondissements));
    await upsertRegion(tx, { code: r.code, name: r.name, kind: 'network' }, munis.map((m) => m.nisCode));
  }
  const sectors = new Map((await tx.select({ id: sector.id, code: sector.code }).from(sector)).map((s) => [s.code, s.id]));
  const orgIds = new Map<string, string>();

  for (const o of DEMO_DIRECTORY) {
    const rid = await regionId(tx, o.region);
    const org = await identityRepo.upsertOrganisation(tx, { name: o.name, regionId: rid });
    orgIds.set(o.name, org.id);
    await tx
      .update(organisation)
      .set({
        description: o.description,
        website: `https://www.${o.domain}`,
        email: `info@${o.domain}`,
        phone: o.phone,
        directAccess: o.directAccess ?? false,
        broadEntryPoint: o.broadEntryPoint ?? false,
        mandated: o.mandated ?? false,
        listed: o.listed ?? true,
        status: o.archived ? 'archived' : 'active',
        confirmedAt: ago(o.confirmedDaysAgo ?? 30),
      })
      .where(eq(organisation.id, org.id));
    const sectorIds = o.sectors.map((code) => {
      const id = sectors.get(code);
      if (!id) throw new Error(`demo sector ${code} missing`);
      return id;
    });
    await tx.insert(organisationSector).values(sectorIds.map((sectorId) => ({ organisationId: org.id, sectorId }))).onConflictDoNothing();

    const served =
      o.serves ??
      (await tx.select({ nisCode: regionMunicipality.nisCode }).from(regionMunicipality).where(eq(regionMunicipality.regionId, rid))).map((m) => m.nisCode);
    if (served.length > 0) {
      await tx.insert(organisationMunicipality).values(served.map((nisCode) => ({ organisationId: org.id, nisCode }))).onConflictDoNothing();
    }

    const existingLocations = new Map(
      (await tx.select({ id: location.id, name: location.name }).from(location).where(eq(location.organisationId, org.id))).map((l) => [l.name, l.id]),
    );
    const locationIds: string[] = [];
    for (const l of o.locations) {
      let id = existingLocations.get(l.name);
      if (!id) {
        const row = one(
          await tx
            .insert(location)
            .values({ organisationId: org.id, name: l.name, street: l.street, postalCode: l.postalCode, city: l.city, nisCode: l.nis, latitude: l.lat, longitude: l.lon, confirmedAt: ago(o.confirmedDaysAgo ?? 30) })
            .returning({ id: location.id }),
          'location',
        );
        id = row.id;
      }
      locationIds.push(id);
    }

    const existingServices = new Set(
      (await tx.select({ name: service.name }).from(service).where(eq(service.organisationId, org.id))).map((s) => s.name),
    );
    for (const [i, s] of o.services.entries()) {
      const kind = SERVICES[s.kind];
      const name = s.name ?? kind.name;
      if (existingServices.has(name)) continue;
      const confirmed = s.confirmedDaysAgo ?? 20 + i * 7;
      const row = one(
        await tx
          .insert(service)
          .values({
            organisationId: org.id,
            name,
            description: kind.description,
            eligibility: kind.eligibility,
            minAge: kind.minAge,
            maxAge: kind.maxAge,
            languages: kind.languages,
            howToApply: kind.howToApply,
            cost: kind.cost,
            url: `https://www.${o.domain}/aanbod`,
            email: `aanmelden@${o.domain}`,
            phone: o.phone,
            directAccess: kind.directAccess,
            status: o.archived ? 'inactive' : 'active',
            capacity: s.capacity ?? null,
            waitingDays: s.waitingDays ?? null,
            waitingConfirmedOn: s.waitingDays === undefined ? null : day(-confirmed),
            confirmedAt: ago(confirmed),
          })
          .returning({ id: service.id }),
        'service',
      );
      // Offered at every location of the organisation (the first only for residential care).
      const at = s.kind === 'verblijf' ? locationIds.slice(0, 1) : locationIds;
      if (at.length > 0) await tx.insert(serviceLocation).values(at.map((locationId) => ({ serviceId: row.id, locationId }))).onConflictDoNothing();
    }

    const existingContacts = new Set(
      (await tx.select({ f: contactPoint.function, t: contactPoint.title }).from(contactPoint).where(eq(contactPoint.organisationId, org.id))).map((c) => `${c.f}|${c.t}`),
    );
    for (const c of o.contacts ?? []) {
      if (existingContacts.has(`${c.function}|${c.title}`)) continue;
      await tx.insert(contactPoint).values({
        organisationId: org.id,
        function: c.function,
        title: c.title,
        email: `${c.local ?? 'info'}@${o.domain}`,
        phone: o.phone,
        confirmedAt: ago(o.confirmedDaysAgo ?? 30),
      });
    }

    if (o.engagement) {
      const e = o.engagement;
      await tx
        .insert(engagementDeclaration)
        .values({
          organisationId: org.id,
          regionId: rid,
          status: e.status,
          receivedOn: e.status === 'received' ? day(e.days ?? -100) : null,
          expectedBy: e.status === 'expected' ? day(e.days ?? 30) : null,
          note: e.note ?? '',
        })
        .onConflictDoNothing();
    }
  }

  for (const z of DEMO_ZINPLEKKEN) {
    const orgId = orgIds.get(z.organisation);
    if (!orgId) throw new Error(`demo organisation ${z.organisation} missing`);
    const [existing] = await tx.select({ id: zinplek.id }).from(zinplek).where(and(eq(zinplek.organisationId, orgId), eq(zinplek.name, z.name)));
    if (existing) continue;
    const [firstLocation] = await tx.select({ id: location.id }).from(location).where(eq(location.organisationId, orgId)).orderBy(location.createdAt, location.name).limit(1);
    await tx.insert(zinplek).values({
      organisationId: orgId,
      locationId: firstLocation?.id ?? null,
      name: z.name,
      activities: z.activities,
      forWhom: z.forWhom,
      minAge: z.minAge,
      maxAge: z.maxAge,
      registration: REGISTRATION,
      places: z.places,
      confirmedAt: ago(z.confirmedDaysAgo ?? 25),
    });
  }

  // The families waiting for contextbegeleiding and for the MFC wait for these directory services.
  for (const link of LINKED_WAITS) {
    const orgId = orgIds.get(link.organisation);
    if (!orgId) throw new Error(`demo organisation ${link.organisation} missing`);
    const [svc] = await tx.select({ id: service.id }).from(service).where(and(eq(service.organisationId, orgId), eq(service.name, link.serviceText)));
    if (!svc) throw new Error(`demo service ${link.serviceText} missing`);
    await tx
      .update(wait)
      .set({ serviceId: svc.id, organisationId: sql`coalesce(${wait.organisationId}, ${orgId})` })
      .where(and(eq(wait.serviceText, link.serviceText), isNull(wait.serviceId)));
  }
}
