import { eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../client.js';
import { learningEvent, learningRegistration, learningSeat, learningSession, membership, organisation, person } from '../schema/index.js';
import type { TAudienceRole, TEventKind, TSessionKind } from '../../../shared/schemas/learning.js';

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
    organiser: { name: 'IROJ West-Vlaanderen' },
    audienceRoles: ['education_ambassador', 'group_care_worker', 'teacher', 'clb_worker', 'young_person', 'parent'],
    inDays: 14,
    startsAt: '09:00',
    endsAt: '16:30',
    place: 'Cultuurcentrum, Brugge',
    feeCents: 0,
    totalCostCents: 450000,
    funder: 'IROJ West-Vlaanderen',
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
