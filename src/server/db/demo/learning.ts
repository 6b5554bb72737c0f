import { eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../client.js';
import { learningEvent, learningExchangeOffer, learningExchangeRequest, learningRegistration, learningSeat, learningSession, membership, organisation, person } from '../schema/index.js';
import type { TExchangeRequestStatus } from '../../../shared/schemas/exchange.js';
import type { TAudienceRole, TEventKind, TSessionKind } from '../../../shared/schemas/learning.js';
import { DEMO_IROJ_NAME } from './governance.js';

/**
 * Demo events of learning together (issue 10), after seed 003: a network day for about 200 people
 * with a plenary room in the morning and three rooms in the afternoon, invited by role; the Cachet
 * training where each participant pays €10 and the IROJ pays the rest of €300; an intervision
 * session and a webinar that already took place (with attendance). Dates are relative to `now`, so
 * the demo always has upcoming events. The demo people of people.ts register; one small afternoon
 * room is full, so the waiting list shows. Idempotent: events are keyed on their title.
 */

const DAY = 86_400_000;

interface TDemoSession {
  title: string;
  room: string;
  kind: TSessionKind;
  startsAt: string;
  endsAt: string;
  capacity: number;
}

interface TDemoEvent {
  title: string;
  kind: TEventKind;
  description: string;
  organiser: { organisation?: string; name?: string };
  audienceRoles: TAudienceRole[];
  inDays: number;
  startsAt: string;
  endsAt: string;
  place: string;
  onlineUrl?: string;
  feeCents: number;
  totalCostCents: number;
  funder: string;
  /** The organiser opened the public form for parents and young people. */
  publicRegistration?: boolean;
  sessions: TDemoSession[];
  /** Demo people (by e-mail) who register, in order, with the sessions (by title) they choose. */
  registrations: { email: string; sessions: string[]; present?: boolean }[];
}

const EVENTS: TDemoEvent[] = [
  {
    title: 'Netwerkdag 1 Gezin 1 Plan: samen sterker rond onderwijs en jeugdhulp',
    kind: 'network_day',
    description:
      'Een dag voor iedereen die in het netwerk met kinderen, jongeren en gezinnen werkt. In de voormiddag een plenair gedeelte over de stand van het netwerk; in de namiddag drie sessies naar keuze. Onderwijsambassadeurs, leefgroepwerkers, leerkrachten, CLB-medewerkers, jongeren en ouders zijn uitdrukkelijk uitgenodigd.',
    organiser: { name: DEMO_IROJ_NAME },
    audienceRoles: ['education_ambassador', 'group_care_worker', 'teacher', 'clb_worker', 'young_person', 'parent'],
    inDays: 14,
    startsAt: '09:00',
    endsAt: '16:30',
    place: 'Congrescentrum ICC, Gent',
    publicRegistration: true,
    feeCents: 0,
    totalCostCents: 450000,
    funder: DEMO_IROJ_NAME,
    sessions: [
      { title: 'Plenair: waar staat ons netwerk?', room: 'Grote zaal', kind: 'plenary', startsAt: '09:30', endsAt: '12:00', capacity: 200 },
      { title: 'Onderwijsambassadeurs aan het woord', room: 'Zaal 1', kind: 'parallel', startsAt: '13:30', endsAt: '15:30', capacity: 60 },
      { title: 'Eén plan met het gezin: hoe begin je?', room: 'Zaal 2', kind: 'parallel', startsAt: '13:30', endsAt: '15:30', capacity: 60 },
      { title: 'Jongeren vertellen: wat hielp mij?', room: 'Zaal 3', kind: 'parallel', startsAt: '13:30', endsAt: '15:30', capacity: 2 },
    ],
    registrations: [
      { email: 'hulpverlener@samenplan.demo', sessions: ['Plenair: waar staat ons netwerk?', 'Jongeren vertellen: wat hielp mij?'] },
      { email: 'clb@samenplan.demo', sessions: ['Plenair: waar staat ons netwerk?', 'Jongeren vertellen: wat hielp mij?'] },
      { email: 'orgbeheer@samenplan.demo', sessions: ['Plenair: waar staat ons netwerk?', 'Jongeren vertellen: wat hielp mij?'] },
    ],
  },
  {
    title: 'Vorming: verbindend communiceren met ouders',
    kind: 'training',
    description: 'Een vorming van een externe vormingsorganisatie. Elke deelnemer betaalt €10; het IROJ betaalt de rest van de €300.',
    organiser: { organisation: 'Jeugdhulp Kustlijn vzw' },
    audienceRoles: ['counsellor', 'clb_worker', 'group_care_worker'],
    inDays: 30,
    startsAt: '13:00',
    endsAt: '16:00',
    place: 'Vergaderzaal Jeugdhulp Kustlijn, Oostende',
    feeCents: 1000,
    totalCostCents: 30000,
    funder: 'IROJ',
    sessions: [],
    registrations: [
      { email: 'hulpverlener@samenplan.demo', sessions: [] },
      { email: 'clb@samenplan.demo', sessions: [] },
    ],
  },
  {
    title: 'Intervisie casusbespreking — regio Noord-West-Vlaanderen',
    kind: 'intervision',
    description: 'Intervisie tussen hulpverleners van verschillende sectoren rond een (gepseudonimiseerde) casus.',
    organiser: { organisation: 'CLB Polderland' },
    audienceRoles: ['counsellor', 'clb_worker'],
    inDays: -20,
    startsAt: '14:00',
    endsAt: '16:00',
    place: 'CLB Polderland, Brugge',
    feeCents: 0,
    totalCostCents: 0,
    funder: '',
    sessions: [],
    registrations: [
      { email: 'hulpverlener@samenplan.demo', sessions: [], present: true },
      { email: 'clb@samenplan.demo', sessions: [], present: true },
      { email: 'orgbeheer@samenplan.demo', sessions: [], present: false },
    ],
  },
  {
    title: 'Webinar: de sociale kaart up-to-date houden',
    kind: 'webinar',
    description: 'Hoe houd je het aanbod van je organisatie actueel in de sociale kaart? Een korte demonstratie met vragen.',
    organiser: { name: 'Netwerkcoördinatie Noord-West-Vlaanderen' },
    audienceRoles: ['coordinator', 'manager', 'other'],
    inDays: 7,
    startsAt: '12:00',
    endsAt: '13:00',
    place: '',
    onlineUrl: 'https://vergaderen.samenplan.demo/webinar-sociale-kaart',
    feeCents: 0,
    totalCostCents: 0,
    funder: '',
    sessions: [],
    registrations: [{ email: 'orgbeheer@samenplan.demo', sessions: [] }],
  },
];

export async function loadDemoLearning(tx: DbOrTx, now: Date = new Date()): Promise<void> {
  const today = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  const day = (days: number) => new Date(today.getTime() + days * DAY).toISOString().slice(0, 10);
  const emails = [...new Set(EVENTS.flatMap((e) => e.registrations.map((r) => r.email)))];
  const people = await tx
    .select({ id: person.id, email: person.email, organisationId: membership.organisationId })
    .from(person)
    .leftJoin(membership, eq(membership.personId, person.id))
    .where(inArray(person.email, emails));
  const orgNames = [...new Set(EVENTS.map((e) => e.organiser.organisation).filter((n): n is string => n !== undefined))];
  const orgs = orgNames.length ? await tx.select({ id: organisation.id, name: organisation.name }).from(organisation).where(inArray(organisation.name, orgNames)) : [];

  for (const e of EVENTS) {
    const [existing] = await tx.select({ id: learningEvent.id }).from(learningEvent).where(eq(learningEvent.title, e.title));
    if (existing) continue;
    const date = day(e.inDays);
    // Registration opened five weeks before the day and closes the evening before.
    const opens = new Date(today.getTime() + (e.inDays - 35) * DAY + 7 * 3_600_000);
    const closes = new Date(today.getTime() + (e.inDays - 1) * DAY + 22 * 3_600_000);
    const organiserOrganisationId = orgs.find((o) => o.name === e.organiser.organisation)?.id ?? null;
    const [event] = await tx
      .insert(learningEvent)
      .values({
        kind: e.kind,
        title: e.title,
        description: e.description,
        organiserOrganisationId,
        organiserName: e.organiser.name ?? '',
        audienceRoles: e.audienceRoles,
        date,
        startsAt: e.startsAt,
        endsAt: e.endsAt,
        place: e.place,
        onlineUrl: e.onlineUrl ?? null,
        feeCents: e.feeCents,
        totalCostCents: e.totalCostCents,
        funder: e.funder,
        registrationOpensAt: opens,
        registrationClosesAt: closes,
        status: 'published',
        publicRegistration: e.publicRegistration ?? false,
      })
      .returning({ id: learningEvent.id });
    if (!event) continue;
    const sessions = new Map<string, { id: string; capacity: number; taken: number }>();
    for (const s of e.sessions) {
      const [row] = await tx.insert(learningSession).values({ eventId: event.id, ...s }).returning({ id: learningSession.id });
      if (row) sessions.set(s.title, { id: row.id, capacity: s.capacity, taken: 0 });
    }
    for (const [index, r] of e.registrations.entries()) {
      const who = people.find((p) => p.email === r.email);
      if (!who) continue;
      const registeredAt = new Date(opens.getTime() + (index + 1) * 3_600_000);
      const [registration] = await tx
        .insert(learningRegistration)
        .values({
          eventId: event.id,
          personId: who.id,
          organisationId: who.organisationId,
          present: r.present ?? null,
          attendanceAt: r.present === undefined ? null : new Date(today.getTime() + e.inDays * DAY + 14 * 3_600_000),
          createdAt: registeredAt,
          updatedAt: registeredAt,
        })
        .returning({ id: learningRegistration.id });
      if (!registration) continue;
      for (const title of r.sessions) {
        const session = sessions.get(title);
        if (!session) continue;
        const confirmed = session.taken < session.capacity;
        if (confirmed) session.taken += 1;
        await tx.insert(learningSeat).values({ registrationId: registration.id, sessionId: session.id, status: confirmed ? 'confirmed' : 'waiting', createdAt: registeredAt, updatedAt: registeredAt });
      }
    }
    for (const session of sessions.values()) {
      if (session.taken > 0) await tx.update(learningSession).set({ taken: session.taken }).where(eq(learningSession.id, session.id));
    }
  }
}

// --- exchange learning ("wisselleren") ------------------------------------------------------------

interface TDemoOffer {
  organisation: string;
  sector: string;
  team: string;
  description: string;
  days: number[];
  visitorsPerDay: number;
  /** Visits asked for: by a demo person (e-mail) of another organisation, on a day relative to today. */
  requests: { email: string; day: number; status: TExchangeRequestStatus; proposedDay?: number; motivation: string; visitorReflection?: string; hostReflection?: string }[];
}

/** Staff without a login who took part in exchange visits (their organisations' sector counts in the matrix). */
const EXCHANGE_PEOPLE = [
  { email: 'hanne.desmet@meersen.demo', name: 'Hanne Desmet', organisation: 'MFC De Brugse Meersen' },
  { email: 'pieter.goethals@zeewind.demo', name: 'Pieter Goethals', organisation: 'CGG Zeewind' },
];

const OFFERS: TDemoOffer[] = [
  {
    organisation: 'CGG Zeewind',
    sector: 'ggz',
    team: 'Ambulant team kinderen en jongeren',
    description: 'Loop een dag mee met het ambulante team: intakes, een teamoverleg en een huisbezoek. Je ziet hoe we met wachtlijsten en crisissen omgaan.',
    days: [-40, -20, 10, 24],
    visitorsPerDay: 2,
    requests: [
      {
        email: 'hulpverlener@samenplan.demo', day: -20, status: 'accepted', motivation: 'Ik wil begrijpen wat er gebeurt na een doorverwijzing naar het CGG.',
        visitorReflection: 'Ik zag hoe het team triageert. Ik verwijs voortaan met een korte vraag in plaats van een dossier.',
        hostReflection: 'De vragen over de leefgroep hielpen ons om beter af te stemmen bij een gezamenlijke opname.',
      },
      { email: 'clb@samenplan.demo', day: 24, status: 'proposed', proposedDay: 10, motivation: 'Ik begeleid veel leerlingen die op een wachtlijst staan.' },
    ],
  },
  {
    organisation: 'Jeugdhulp Kustlijn vzw',
    sector: 'jeugdhulp',
    team: 'Leefgroep De Branding',
    description: 'Draai een dag mee in de leefgroep: van het ontbijt tot het avondoverleg. Je ziet hoe we met jongeren en ouders samenwerken.',
    days: [-30, 7, 14],
    visitorsPerDay: 2,
    requests: [
      { email: 'hanne.desmet@meersen.demo', day: -30, status: 'accepted', motivation: 'Jongeren met een beperking stromen door naar jullie leefgroep.', hostReflection: 'Hanne liet ons zien hoe ze met pictogrammen werkt; dat nemen we over.' },
      { email: 'pieter.goethals@zeewind.demo', day: -30, status: 'accepted', motivation: 'Ik wil de leefgroep kennen waar veel van onze jongeren wonen.', visitorReflection: 'Een dag in de leefgroep maakte duidelijk hoe weinig tijd er is voor een afspraak op het CGG.' },
      { email: 'hanne.desmet@meersen.demo', day: 14, status: 'requested', motivation: 'Graag kom ik nog een keer, nu bij het avondoverleg.' },
    ],
  },
  {
    organisation: 'MFC De Brugse Meersen',
    sector: 'vaph',
    team: 'Dagcentrum De Meersen',
    description: 'Een dag in het dagcentrum voor kinderen en jongeren met een beperking: begeleiding, therapie en het contact met ouders.',
    days: [-45, -15, 12],
    visitorsPerDay: 1,
    requests: [
      { email: 'clb@samenplan.demo', day: -15, status: 'accepted', motivation: 'Ik wil weten wat een MFC kan bieden aan leerlingen van het buitengewoon onderwijs.' },
      { email: 'pieter.goethals@zeewind.demo', day: -45, status: 'accepted', motivation: 'Samenwerking rond jongeren met een dubbele diagnose.' },
      { email: 'hulpverlener@samenplan.demo', day: 12, status: 'requested', motivation: 'We krijgen meer jongeren met een beperking in de leefgroep.' },
    ],
  },
];

/** Exchange offers and visits between GGZ, youth care and disability care (idempotent on organisation and team). */
export async function loadDemoExchange(tx: DbOrTx, now: Date = new Date()): Promise<void> {
  const today = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  const day = (days: number) => new Date(today.getTime() + days * DAY).toISOString().slice(0, 10);
  const orgs = await tx.select({ id: organisation.id, name: organisation.name }).from(organisation);
  const orgId = (name: string) => orgs.find((o) => o.name === name)?.id;
  for (const p of EXCHANGE_PEOPLE) {
    const org = orgId(p.organisation);
    if (!org) continue;
    const [existing] = await tx.select({ id: person.id }).from(person).where(eq(person.email, p.email));
    if (existing) continue;
    const [row] = await tx.insert(person).values({ name: p.name, email: p.email }).returning({ id: person.id });
    if (row) await tx.insert(membership).values({ personId: row.id, organisationId: org, roles: ['professional'] });
  }
  const emails = [...new Set(OFFERS.flatMap((o) => o.requests.map((r) => r.email)))];
  const people = await tx
    .select({ id: person.id, email: person.email, organisationId: membership.organisationId })
    .from(person)
    .innerJoin(membership, eq(membership.personId, person.id))
    .where(inArray(person.email, emails));
  const sectorOf = (name: string | undefined) => OFFERS.find((o) => o.organisation === name)?.sector ?? (name === 'CLB Polderland' ? 'clb' : null);
  for (const o of OFFERS) {
    const host = orgId(o.organisation);
    if (!host) continue;
    const [existing] = await tx.select({ id: learningExchangeOffer.id }).from(learningExchangeOffer).where(eq(learningExchangeOffer.team, o.team));
    if (existing) continue;
    const [offer] = await tx
      .insert(learningExchangeOffer)
      .values({ organisationId: host, sectorCode: o.sector, team: o.team, description: o.description, dates: o.days.map(day).sort(), visitorsPerDay: o.visitorsPerDay })
      .returning({ id: learningExchangeOffer.id });
    if (!offer) continue;
    for (const r of o.requests) {
      const visitor = people.find((p) => p.email === r.email);
      if (!visitor?.organisationId) continue;
      const visitorOrgName = orgs.find((x) => x.id === visitor.organisationId)?.name;
      await tx.insert(learningExchangeRequest).values({
        offerId: offer.id,
        hostOrganisationId: host,
        hostSectorCode: o.sector,
        visitorPersonId: visitor.id,
        visitorOrganisationId: visitor.organisationId,
        visitorSectorCode: sectorOf(visitorOrgName),
        day: day(r.day),
        proposedDay: r.proposedDay === undefined ? null : day(r.proposedDay),
        motivation: r.motivation,
        status: r.status,
        visitorReflection: r.visitorReflection ?? null,
        hostReflection: r.hostReflection ?? null,
      });
    }
  }
}
