import { randomUUID } from 'node:crypto';
import { and, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../client.js';
import {
  atelier,
  blockedSignal,
  bridgingHelp,
  commitment,
  consent,
  contactAssignment,
  family,
  familyMember,
  familyRequest,
  familyVisit,
  journalNote,
  networkPerson,
  organisation,
  person,
  plan,
  planAction,
  planVersion,
  teamMember,
  wait,
} from '../schema/index.js';
import type { TConsentScope, TMemberRole, TRequestChannel, TRequestStatus, TRequestUrgency } from '../../../shared/schemas/families/enums.js';
import type { TPlanContent } from '../../../shared/schemas/families/plan.js';

/**
 * Invented families of region Noord-West-Vlaanderen, one in every stage a newcomer should see on
 * first start: a new request, one at risk and one overdue on the one-month norm, a family with an
 * active plan (several versions, goals per life domain, actions of team members, family and
 * network, the family's agreement), one waiting with bridging help, a blocked one (signals and an
 * override), one with an atelier and its commitments. Names are made up.
 *
 * The demo professional `hulpverlener@samenplan.demo` (Ruben Claeys) is the contact person or on the
 * team with consent of every family, so "my families" shows them all; `clb@` and `nieuw@` are on
 * some teams too. Dates are relative to `now`, so an overdue request stays overdue.
 *
 * Idempotent: a family is created once, keyed on its pseudonym (all its rows with it); a request
 * without a family on its family name within the region.
 */

const DAY = 86_400_000;

/** The one row an insert … returning gave back. */
function one<T>(rows: T[], what: string): T {
  const [row] = rows;
  if (row === undefined) throw new Error(`demo ${what} not created`);
  return row;
}

/** The demo accounts and organisations of people.ts these families are built around. */
const PEOPLE = {
  ruben: 'hulpverlener@samenplan.demo',
  amira: 'clb@samenplan.demo',
  wout: 'nieuw@samenplan.demo',
  jonas: 'coordinator@samenplan.demo',
} as const;
const ORGS = {
  kustlijn: 'Jeugdhulp Kustlijn vzw',
  polderland: 'CLB Polderland',
  zeewind: 'CGG Zeewind',
  vaart: 'Welzijnshuis De Vaart',
  duinenrand: 'Huis van het Kind Duinenrand',
} as const;
type PersonKey = keyof typeof PEOPLE;
type OrgKey = keyof typeof ORGS;

/** A plan version's content: the plan contract (shared/schemas/families/plan.ts). */
export type DemoPlanContent = TPlanContent;

class Builder {
  readonly today: Date;
  constructor(
    readonly tx: DbOrTx,
    readonly regionId: string,
    readonly now: Date,
    readonly people: Record<PersonKey, string>,
    readonly orgs: Record<OrgKey, string>,
  ) {
    this.today = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  }

  /** The date `days` from today (negative: ago), as YYYY-MM-DD. */
  day(days: number): string {
    return new Date(this.today.getTime() + days * DAY).toISOString().slice(0, 10);
  }

  /** A moment `days` from now (negative: ago), at a working hour. */
  at(days: number, hour = 10): Date {
    return new Date(this.today.getTime() + days * DAY + hour * 3_600_000);
  }

  /** Receipt `daysAgo` days ago and its due date one calendar month later (the one-month norm). */
  norm(daysAgo: number): { receivedOn: string; dueOn: string } {
    const received = new Date(this.today.getTime() - daysAgo * DAY);
    const due = new Date(received);
    due.setUTCMonth(due.getUTCMonth() + 1);
    return { receivedOn: received.toISOString().slice(0, 10), dueOn: due.toISOString().slice(0, 10) };
  }

  /** A birth date of someone `years` old today (minus a few months, so the age is stable for a while). */
  born(years: number, months = 3): string {
    const d = new Date(this.today);
    d.setUTCFullYear(d.getUTCFullYear() - years);
    d.setUTCMonth(d.getUTCMonth() - months);
    return d.toISOString().slice(0, 10);
  }

  async requestExists(familyName: string): Promise<boolean> {
    const [row] = await this.tx
      .select({ id: familyRequest.id })
      .from(familyRequest)
      .where(and(eq(familyRequest.regionId, this.regionId), eq(familyRequest.familyName, familyName)));
    return row !== undefined;
  }

  async request(values: {
    familyName: string;
    nis: string;
    daysAgo: number;
    channel: TRequestChannel;
    referrer?: string;
    contactInfo?: string;
    question: string;
    lifeDomains: string[];
    urgency?: TRequestUrgency;
    status: TRequestStatus;
    familyId?: string;
    firstContactDaysAgo?: number;
    answeredDaysAgo?: number;
  }): Promise<void> {
    const { receivedOn, dueOn } = this.norm(values.daysAgo);
    const received = this.at(-values.daysAgo, 9);
    await this.tx.insert(familyRequest).values({
      regionId: this.regionId,
      municipalityNis: values.nis,
      receivedOn,
      dueOn,
      channel: values.channel,
      referrer: values.referrer ?? null,
      familyName: values.familyName,
      contactInfo: values.contactInfo ?? null,
      question: values.question,
      lifeDomains: values.lifeDomains,
      urgency: values.urgency ?? 'normal',
      status: values.status,
      outcome: values.status === 'answered' ? 'plan_started' : null,
      familyId: values.familyId ?? null,
      firstContactOn: values.firstContactDaysAgo === undefined ? null : this.day(-values.firstContactDaysAgo),
      answeredOn: values.answeredDaysAgo === undefined ? null : this.day(-values.answeredDaysAgo),
      registeredBy: this.people.jonas,
      createdAt: received,
      updatedAt: received,
    });
  }

  /** Creates the family unless its pseudonym exists; returns undefined when it did. */
  async family(values: { pseudonym: string; name: string; nis: string; daysAgo: number; lastPlanChangeDaysAgo?: number }) {
    const [existing] = await this.tx.select({ id: family.id }).from(family).where(eq(family.pseudonym, values.pseudonym));
    if (existing) return undefined;
    const created = this.at(-values.daysAgo);
    const rows = await this.tx
      .insert(family)
      .values({
        regionId: this.regionId,
        municipalityNis: values.nis,
        name: values.name,
        pseudonym: values.pseudonym,
        lastPlanChangeAt: values.lastPlanChangeDaysAgo === undefined ? null : this.at(-values.lastPlanChangeDaysAgo, 15),
        createdAt: created,
        updatedAt: created,
      })
      .returning({ id: family.id });
    return new FamilyBuilder(this, one(rows, `family ${values.pseudonym}`).id, created);
  }
}

class FamilyBuilder {
  constructor(
    readonly b: Builder,
    readonly id: string,
    readonly createdAt: Date,
  ) {}

  async member(role: TMemberRole, name: string, age?: number): Promise<string> {
    const rows = await this.b.tx
      .insert(familyMember)
      .values({ familyId: this.id, role, name, birthDate: age === undefined ? null : this.b.born(age), createdAt: this.createdAt, updatedAt: this.createdAt })
      .returning({ id: familyMember.id });
    return one(rows, 'member').id;
  }

  async network(name: string, relation: string, roleInPlan: string, contact?: string): Promise<string> {
    const rows = await this.b.tx
      .insert(networkPerson)
      .values({ familyId: this.id, name, relation, roleInPlan, contact: contact ?? null, createdAt: this.createdAt, updatedAt: this.createdAt })
      .returning({ id: networkPerson.id });
    return one(rows, 'network person').id;
  }

  /** Puts a demo professional on the team for their organisation (and makes them the contact person with `contact`). */
  async team(who: PersonKey, org: OrgKey, role: string, daysAgo: number, opts: { contact?: boolean } = {}): Promise<void> {
    const fromAt = this.b.at(-daysAgo, 11);
    const values = { familyId: this.id, personId: this.b.people[who], organisationId: this.b.orgs[org], fromAt };
    await this.b.tx.insert(teamMember).values({ ...values, role, addedBy: this.b.people.ruben });
    if (opts.contact) await this.b.tx.insert(contactAssignment).values({ ...values, assignedBy: this.b.people.jonas });
  }

  async consent(values: {
    subject: string;
    givenBy: string;
    org: OrgKey;
    person?: PersonKey;
    scopes: TConsentScope[];
    daysAgo: number;
    withdrawnDaysAgo?: number;
  }): Promise<void> {
    const validFrom = this.b.at(-values.daysAgo, 11);
    await this.b.tx.insert(consent).values({
      familyId: this.id,
      kind: 'consent',
      subjectMemberId: values.subject,
      givenByMemberId: values.givenBy,
      organisationId: this.b.orgs[values.org],
      personId: values.person ? this.b.people[values.person] : null,
      scopes: values.scopes,
      validFrom,
      withdrawnAt: values.withdrawnDaysAgo === undefined ? null : this.b.at(-values.withdrawnDaysAgo, 14),
      withdrawnByMemberId: values.withdrawnDaysAgo === undefined ? null : values.givenBy,
      recordedBy: this.b.people.ruben,
      createdAt: validFrom,
    });
  }

  /** The plan with its versions (oldest first) and the current version's actions as plan_action rows. */
  async plan(
    versions: { daysAgo: number; author: PersonKey; summary: string; content: DemoPlanContent }[],
    opts: { nextEvaluationIn: number; agreedVersion?: number },
  ): Promise<void> {
    const first = this.b.at(-one(versions, 'plan version').daysAgo, 14);
    const last = one(versions.slice(-1), 'plan version');
    const lastAt = this.b.at(-last.daysAgo, 14);
    const agreed = opts.agreedVersion === undefined ? undefined : versions[opts.agreedVersion - 1];
    const p = one(
      await this.b.tx
        .insert(plan)
        .values({
          familyId: this.id,
          currentVersion: versions.length,
          nextEvaluationOn: this.b.day(opts.nextEvaluationIn),
          familyAgreedVersion: opts.agreedVersion ?? null,
          familyAgreedAt: agreed ? this.b.at(-agreed.daysAgo, 17) : null,
          createdAt: first,
          updatedAt: lastAt,
          version: versions.length + 1,
        })
        .returning({ id: plan.id }),
      'plan',
    );
    await this.b.tx.insert(planVersion).values(
      versions.map((v, i) => ({
        planId: p.id,
        familyId: this.id,
        number: i + 1,
        basedOn: i,
        authorPersonId: this.b.people[v.author],
        summary: v.summary,
        content: v.content,
        createdAt: this.b.at(-v.daysAgo, 14),
      })),
    );
    if (last.content.actions.length > 0) {
      await this.b.tx.insert(planAction).values(
        last.content.actions.map((a) => ({
          familyId: this.id,
          actionKey: a.key,
          title: a.what,
          ownerPersonId: a.owner.kind === 'team' ? a.owner.personId : null,
          ownerMemberId: a.owner.kind === 'member' ? a.owner.memberId : null,
          ownerNetworkPersonId: a.owner.kind === 'network' ? a.owner.networkPersonId : null,
          dueOn: a.dueOn,
          status: a.status,
        })),
      );
    }
  }

  async wait(values: { service: string; org?: OrgKey; sinceDaysAgo: number; expectedIn?: number }): Promise<string> {
    const created = this.b.at(-values.sinceDaysAgo, 10);
    const rows = await this.b.tx
      .insert(wait)
      .values({
        familyId: this.id,
        serviceText: values.service,
        organisationId: values.org ? this.b.orgs[values.org] : null,
        sinceOn: this.b.day(-values.sinceDaysAgo),
        expectedStartOn: values.expectedIn === undefined ? null : this.b.day(values.expectedIn),
        createdAt: created,
        updatedAt: created,
      })
      .returning({ id: wait.id });
    return one(rows, 'wait').id;
  }

  async bridging(waitId: string, values: { provider: string; org?: OrgKey; what: string; sinceDaysAgo: number }): Promise<void> {
    const created = this.b.at(-values.sinceDaysAgo, 12);
    await this.b.tx.insert(bridgingHelp).values({
      waitId,
      familyId: this.id,
      provider: values.provider,
      organisationId: values.org ? this.b.orgs[values.org] : null,
      what: values.what,
      fromOn: this.b.day(-values.sinceDaysAgo),
      createdAt: created,
      updatedAt: created,
    });
  }

  async note(author: PersonKey, org: OrgKey, visibility: 'team' | 'organisation', daysAgo: number, body: string): Promise<void> {
    const at = this.b.at(-daysAgo, 16);
    await this.b.tx
      .insert(journalNote)
      .values({ familyId: this.id, authorPersonId: this.b.people[author], authorOrganisationId: this.b.orgs[org], visibility, body, createdAt: at, updatedAt: at });
  }

  async visit(who: PersonKey, daysAgo: number): Promise<void> {
    await this.b.tx.insert(familyVisit).values({ personId: this.b.people[who], familyId: this.id, lastSeenAt: this.b.at(-daysAgo, 9) }).onConflictDoNothing();
  }
}

const key = () => randomUUID();

/** Loads the demo families of region Noord-West-Vlaanderen (after the demo people). */
export async function loadDemoFamilies(tx: DbOrTx, regionId: string, now = new Date()): Promise<void> {
  const people = await tx.select({ id: person.id, email: person.email }).from(person).where(inArray(person.email, Object.values(PEOPLE)));
  const orgs = await tx.select({ id: organisation.id, name: organisation.name }).from(organisation).where(inArray(organisation.name, Object.values(ORGS)));
  const personId = (k: PersonKey) => {
    const row = people.find((p) => p.email.toLowerCase() === PEOPLE[k]);
    if (!row) throw new Error(`demo person ${PEOPLE[k]} missing`);
    return row.id;
  };
  const orgId = (k: OrgKey) => {
    const row = orgs.find((o) => o.name === ORGS[k]);
    if (!row) throw new Error(`demo organisation ${ORGS[k]} missing`);
    return row.id;
  };
  const b = new Builder(
    tx,
    regionId,
    now,
    { ruben: personId('ruben'), amira: personId('amira'), wout: personId('wout'), jonas: personId('jonas') },
    { kustlijn: orgId('kustlijn'), polderland: orgId('polderland'), zeewind: orgId('zeewind'), vaart: orgId('vaart'), duinenrand: orgId('duinenrand') },
  );

  await newRequests(b);
  await overdueFamily(b);
  await activePlanFamily(b);
  await waitingFamily(b);
  await blockedFamily(b);
  await atelierFamily(b);
}

/** A request received two days ago, not yet triaged; one in triage close to its due date. */
async function newRequests(b: Builder): Promise<void> {
  if (!(await b.requestExists('Gezin Lievens'))) {
    await b.request({
      familyName: 'Gezin Lievens',
      nis: '31043',
      daysAgo: 2,
      channel: 'huis_van_het_kind',
      referrer: 'Huis van het Kind Duinenrand, consultatiebureau',
      contactInfo: 'Mama Griet, 0470 11 22 33 (liefst na 16 uur)',
      question: 'Onze zoon van vier slaapt bijna niet meer en ik raak uitgeput. We weten niet waar we moeten beginnen.',
      lifeDomains: ['parenting', 'physical_health'],
      status: 'received',
    });
  }
  if (!(await b.requestExists('Gezin Debaene'))) {
    await b.request({
      familyName: 'Gezin Debaene',
      nis: '35002',
      daysAgo: 25,
      channel: 'clb',
      referrer: 'CLB Polderland, leerlingenbegeleider',
      contactInfo: 'Papa Bart, bart.debaene@voorbeeld.invalid',
      question: 'Onze dochter gaat al drie weken niet meer naar school. Ze zit vooral op haar kamer.',
      lifeDomains: ['school', 'mental_wellbeing'],
      urgency: 'high',
      status: 'triage',
    });
  }
}

/** A request past its due date: a contact person is assigned, the consent is not recorded yet. */
async function overdueFamily(b: Builder): Promise<void> {
  const f = await b.family({ pseudonym: 'G-DEMO-VP', name: 'Gezin Vanparys', nis: '31033', daysAgo: 33 });
  if (!f) return;
  await f.member('parent', 'Ines Vanparys');
  await f.member('child', 'Liam Vanparys', 10);
  await f.team('amira', 'polderland', 'CLB-begeleiding', 33, { contact: true });
  await b.request({
    familyName: 'Gezin Vanparys',
    nis: '31033',
    daysAgo: 40,
    channel: 'self',
    contactInfo: 'Ines, 0486 44 55 66',
    question: 'Liam wordt gepest en wil niet meer naar de voetbal. Thuis zijn er veel ruzies.',
    lifeDomains: ['social_network', 'leisure', 'parenting'],
    status: 'contact_assigned',
    familyId: f.id,
  });
}

/** The family with an active plan: three versions, agreed by the family; a consent withdrawn since. */
async function activePlanFamily(b: Builder): Promise<void> {
  const f = await b.family({ pseudonym: 'G-DEMO-DC', name: 'Gezin Decoster', nis: '31005', daysAgo: 120, lastPlanChangeDaysAgo: 6 });
  if (!f) return;
  const mother = await f.member('parent', 'Elise Decoster');
  const father = await f.member('parent', 'Vince Calmeyn');
  const youth = await f.member('child', 'Roos Decoster', 14);
  const younger = await f.member('child', 'Jasper Decoster', 8);
  const grandmother = await f.network('Oma Nora', 'grootmoeder (moederskant)', 'vangt Jasper op na school op dinsdag en donderdag', '050 12 34 56');
  await f.network('Kato', 'trainer van de turnclub', 'houdt Roos betrokken bij de club');
  await f.team('ruben', 'kustlijn', 'contextbegeleiding', 118, { contact: true });
  await f.team('amira', 'polderland', 'leerlingenbegeleiding', 110);
  await f.team('wout', 'zeewind', 'individuele therapie Roos', 90);
  // Roos (14) consents for herself; the parents for Jasper.
  await f.consent({ subject: youth, givenBy: youth, org: 'kustlijn', scopes: ['read_plan', 'edit_plan', 'journal'], daysAgo: 117 });
  await f.consent({ subject: younger, givenBy: mother, org: 'kustlijn', scopes: ['read_plan', 'edit_plan', 'journal'], daysAgo: 117 });
  await f.consent({ subject: youth, givenBy: youth, org: 'polderland', scopes: ['read_plan', 'edit_plan'], daysAgo: 109 });
  // Roos withdrew her consent to the CGG's therapist last week: Wout stays on the team but sees nothing.
  await f.consent({ subject: youth, givenBy: youth, org: 'zeewind', person: 'wout', scopes: ['read_plan', 'journal'], daysAgo: 89, withdrawnDaysAgo: 8 });

  const g = { school: key(), rest: key(), home: key(), sleep: key() };
  const a = { talk: key(), school: key(), pickup: key(), club: key(), rules: key(), plan: key() };
  const base: DemoPlanContent = {
    story:
      'Wij zijn Elise, Vince, Roos en Jasper. Sinds de verhuis naar Brugge loopt het thuis niet meer zo vlot. ' +
      'Roos voelt zich vaak somber en mist veel lessen. Jasper heeft het moeilijk met de drukte en de ruzies.',
    strengths: ['We willen er samen aan werken', 'Oma Nora springt altijd bij', 'Roos turnt graag en is er goed in'],
    worries: ['Roos gaat niet graag naar school', 'Veel ruzie over schermtijd', 'Mama werkt in shiften en is moe'],
    goals: [
      { key: g.school, domain: 'school', text: 'Roos gaat weer elke dag naar school', priority: 1 },
      { key: g.home, domain: 'parenting', text: 'Minder ruzie thuis over afspraken', priority: 2 },
    ],
    actions: [
      { key: a.talk, goalKey: g.school, what: 'Gesprek met de klastitularis over een aangepast lesrooster', owner: { kind: 'team', personId: b.people.amira }, dueOn: b.day(-60), status: 'done' },
      { key: a.rules, goalKey: g.home, what: 'Samen huisafspraken over schermtijd opschrijven', owner: { kind: 'member', memberId: mother }, dueOn: b.day(-40), status: 'done' },
    ],
    agreements: ['We zien elkaar om de twee weken thuis.'],
    network: [{ networkPersonId: grandmother, help: 'Vangt Jasper op na school op dinsdag en donderdag' }],
    evaluations: [{ key: key(), on: b.day(-30), note: '' }],
  };
  const v2: DemoPlanContent = {
    ...base,
    goals: [...base.goals, { key: g.rest, domain: 'mental_wellbeing', text: 'Roos voelt zich beter in haar vel', priority: 3 }],
    actions: [
      ...base.actions,
      { key: a.club, goalKey: g.rest, what: 'Roos gaat weer naar de turntraining op woensdag', owner: { kind: 'member', memberId: youth }, dueOn: b.day(-10), status: 'in_progress' },
    ],
    agreements: [...base.agreements, 'Roos mag zelf kiezen wat ze in het teamoverleg vertelt.'],
    evaluations: [...base.evaluations, { key: key(), on: b.day(12), note: 'Samen met Roos en de school' }],
  };
  const v3: DemoPlanContent = {
    ...v2,
    strengths: [...v2.strengths, 'Roos ging vier weken na elkaar voltijds naar school'],
    worries: ['Veel ruzie over schermtijd', 'Jasper slaapt slecht'],
    goals: [...v2.goals, { key: g.sleep, domain: 'physical_health', text: 'Jasper slaapt weer door', priority: 4 }],
    actions: [
      ...v2.actions,
      { key: a.pickup, goalKey: g.home, what: 'Jasper opvangen na school op dinsdag en donderdag', owner: { kind: 'network', networkPersonId: grandmother }, dueOn: b.day(30), status: 'in_progress' },
      { key: a.plan, goalKey: g.sleep, what: 'Slaapdagboek van Jasper bespreken met het gezin', owner: { kind: 'team', personId: b.people.ruben }, dueOn: b.day(4), status: 'planned' },
      { key: key(), goalKey: g.school, what: 'Evaluatie aangepast lesrooster met Roos en de school', owner: { kind: 'team', personId: b.people.amira }, dueOn: b.day(9), status: 'planned' },
      { key: key(), goalKey: g.home, what: 'Vince gaat mee naar het oudergesprek', owner: { kind: 'member', memberId: father }, dueOn: b.day(9), status: 'planned' },
    ],
  };
  await f.plan(
    [
      { daysAgo: 100, author: 'ruben', summary: 'Eerste plan na het kennismakingsgesprek', content: base },
      { daysAgo: 45, author: 'amira', summary: 'Doel rond welbevinden van Roos toegevoegd; evaluatiedatum', content: v2 },
      { daysAgo: 6, author: 'ruben', summary: 'Evaluatie: schoolgoed op weg; slaap van Jasper en opvang door oma erbij', content: v3 },
    ],
    { nextEvaluationIn: 12, agreedVersion: 3 },
  );
  await b.request({
    familyName: 'Gezin Decoster',
    nis: '31005',
    daysAgo: 125,
    channel: 'broad_entry',
    referrer: 'Brede instap Brugge',
    question: 'Onze dochter wil niet meer naar school en thuis loopt het vast. We willen hulp voor het hele gezin.',
    lifeDomains: ['school', 'parenting', 'mental_wellbeing'],
    status: 'answered',
    familyId: f.id,
    firstContactDaysAgo: 117,
    answeredDaysAgo: 100,
  });
  await f.note('ruben', 'kustlijn', 'team', 20, 'Huisbezoek: de huisafspraken hangen op de koelkast. Roos vertelt dat het beter gaat op school.');
  await f.note('amira', 'polderland', 'team', 12, 'Overleg met de klastitularis: het aangepaste rooster loopt goed, evaluatie over twee weken.');
  await f.note('ruben', 'kustlijn', 'organisation', 5, 'Intern: bespreken in de teamvergadering of Jasper een eigen begeleiding nodig heeft.');
  // Ruben last opened the file before the latest plan version: "what changed" shows it.
  await f.visit('ruben', 9);
}

/** A family waiting for context guidance, with bridging help from the CGG meanwhile. */
async function waitingFamily(b: Builder): Promise<void> {
  const f = await b.family({ pseudonym: 'G-DEMO-RS', name: 'Gezin Rosseel', nis: '35013', daysAgo: 70, lastPlanChangeDaysAgo: 30 });
  if (!f) return;
  await f.member('carer', 'Mila Rosseel');
  const youth = await f.member('child', 'Emre Rosseel', 15);
  await f.member('child', 'Lore Rosseel', 6);
  const neighbour = await f.network('Buurvrouw An', 'buurvrouw', 'brengt Lore naar school als Mila vroeg moet werken');
  await f.team('ruben', 'kustlijn', 'contactpersoon en casusregie', 68, { contact: true });
  await f.team('wout', 'zeewind', 'overbruggingsgesprekken Emre', 40);
  await f.consent({ subject: youth, givenBy: youth, org: 'kustlijn', scopes: ['read_plan', 'edit_plan', 'journal'], daysAgo: 67 });
  await f.consent({ subject: youth, givenBy: youth, org: 'zeewind', scopes: ['read_plan', 'edit_plan', 'journal'], daysAgo: 40 });
  const goal = key();
  const content: DemoPlanContent = {
    story: 'Mila zorgt alleen voor Emre en Lore. Emre is boos en trekt zich terug sinds zijn vader vertrok. We wachten op begeleiding aan huis.',
    strengths: ['Emre praat graag met de buurvrouw', 'Mila zoekt zelf hulp'],
    worries: ['Emre blijft vaak weg tot laat', 'Lange wachtlijst voor thuisbegeleiding'],
    goals: [{ key: goal, domain: 'mental_wellbeing', text: 'Emre kan zijn boosheid een plaats geven', priority: 1 }],
    actions: [
      { key: key(), goalKey: goal, what: 'Wekelijks gesprek met Emre tijdens het wachten', owner: { kind: 'team', personId: b.people.wout }, dueOn: b.day(21), status: 'in_progress' },
      { key: key(), goalKey: goal, what: 'Lore naar school brengen op maandag en woensdag', owner: { kind: 'network', networkPersonId: neighbour }, dueOn: null, status: 'in_progress' },
      { key: key(), goalKey: goal, what: 'Wachtlijst opvolgen en gezin op de hoogte houden', owner: { kind: 'team', personId: b.people.ruben }, dueOn: b.day(2), status: 'planned' },
    ],
    agreements: ['Mila belt Ruben als het thuis escaleert.'],
    network: [{ networkPersonId: neighbour, help: 'Brengt Lore naar school als Mila vroeg moet werken' }],
    evaluations: [{ key: key(), on: b.day(25), note: '' }],
  };
  await f.plan(
    [
      { daysAgo: 60, author: 'ruben', summary: 'Eerste plan', content: { ...content, actions: content.actions.slice(2) } },
      { daysAgo: 30, author: 'wout', summary: 'Overbruggingsgesprekken en hulp van de buurvrouw toegevoegd', content },
    ],
    { nextEvaluationIn: 25, agreedVersion: 2 },
  );
  const w = await f.wait({ service: 'Contextbegeleiding aan huis (rechtstreeks toegankelijke jeugdhulp)', org: 'vaart', sinceDaysAgo: 55, expectedIn: 35 });
  await f.bridging(w, { provider: 'Wout Peeters', org: 'zeewind', what: 'Wekelijks gesprek met Emre', sinceDaysAgo: 40 });
  await f.bridging(w, { provider: 'Buurvrouw An', what: 'Brengt Lore naar school als Mila vroeg moet werken', sinceDaysAgo: 30 });
  await b.request({
    familyName: 'Gezin Rosseel',
    nis: '35013',
    daysAgo: 75,
    channel: 'crisis_line',
    referrer: 'Crisismeldpunt minderjarigen',
    question: 'Mijn zoon is heel boos en loopt weg. Ik weet niet meer hoe ik hem kan bereiken.',
    lifeDomains: ['mental_wellbeing', 'parenting'],
    urgency: 'crisis',
    status: 'answered',
    familyId: f.id,
    firstContactDaysAgo: 74,
    answeredDaysAgo: 60,
  });
  await f.note('wout', 'zeewind', 'team', 7, 'Emre kwam opnieuw op gesprek; hij wil zelf meedenken over de begeleiding aan huis.');
}

/** A blocked trajectory: waiting far beyond 90 days, no plan change for 75, and an override of the CGG in danger. */
async function blockedFamily(b: Builder): Promise<void> {
  const f = await b.family({ pseudonym: 'G-DEMO-BO', name: 'Gezin Bonte', nis: '31004', daysAgo: 160, lastPlanChangeDaysAgo: 75 });
  if (!f) return;
  const parent = await f.member('parent', 'Griet Bonte');
  const child = await f.member('child', 'Noah Bonte', 9);
  await f.team('ruben', 'kustlijn', 'contactpersoon', 155, { contact: true });
  await f.team('wout', 'zeewind', 'crisisinterventie', 3);
  await f.consent({ subject: child, givenBy: parent, org: 'kustlijn', scopes: ['read_plan', 'edit_plan', 'journal'], daysAgo: 150 });
  // No consent for the CGG: an override because of danger, time-limited, with its reason.
  await b.tx.insert(consent).values({
    familyId: f.id,
    kind: 'override',
    organisationId: b.orgs.zeewind,
    personId: b.people.wout,
    scopes: ['read_plan', 'journal'],
    validFrom: b.at(-3, 15),
    validUntil: b.at(11, 15),
    overrideBasis: 'danger',
    reason: 'Melding van ernstige zelfbeschadiging; crisisinterventie kan niet wachten op de toestemming van de moeder.',
    recordedBy: b.people.wout,
    createdAt: b.at(-3, 15),
  });
  const goal = key();
  await f.plan(
    [
      {
        daysAgo: 75,
        author: 'ruben',
        summary: 'Eerste plan',
        content: {
          story: 'Griet en Noah wonen sinds kort in Blankenberge. Noah heeft gedragsproblemen op school; Griet vindt geen passende hulp.',
          strengths: ['Griet komt naar elke afspraak'],
          worries: ['Noah zit al maanden op een wachtlijst', 'Griet voelt zich alleen'],
          goals: [{ key: goal, domain: 'parenting', text: 'Griet krijgt steun in de opvoeding van Noah', priority: 1 }],
          actions: [{ key: key(), goalKey: goal, what: 'Aanmelding bij het MFC opvolgen', owner: { kind: 'team', personId: b.people.ruben }, dueOn: b.day(-20), status: 'in_progress' }],
          agreements: [],
          network: [],
          evaluations: [{ key: key(), on: b.day(-15), note: '' }],
        },
      },
    ],
    { nextEvaluationIn: -15 },
  );
  await f.wait({ service: 'Multifunctioneel centrum, dagbegeleiding', sinceDaysAgo: 130, expectedIn: 60 });
  await b.tx.insert(blockedSignal).values([
    { familyId: f.id, regionId: b.regionId, source: 'rule', rule: 'long_wait', reason: 'Wacht langer dan 90 dagen op dagbegeleiding.', raisedAt: b.at(-40, 2), createdAt: b.at(-40, 2), updatedAt: b.at(-40, 2) },
    {
      familyId: f.id,
      regionId: b.regionId,
      source: 'manual',
      reason: 'Geen enkele voorziening kan de jongste opnemen; de moeder raakt uitgeput. Graag naar de casustafel.',
      raisedAt: b.at(-5, 13),
      raisedBy: b.people.ruben,
      createdAt: b.at(-5, 13),
      updatedAt: b.at(-5, 13),
    },
  ]);
  await b.request({
    familyName: 'Gezin Bonte',
    nis: '31004',
    daysAgo: 165,
    channel: 'other',
    referrer: 'Huisarts',
    question: 'Mijn zoon wordt van school gestuurd en ik heb nergens nog een plek gevonden.',
    lifeDomains: ['school', 'parenting'],
    status: 'answered',
    familyId: f.id,
    firstContactDaysAgo: 160,
    answeredDaysAgo: 140,
  });
  await f.note('wout', 'zeewind', 'team', 2, 'Crisisgesprek met Noah en Griet; veiligheidsplan opgesteld. Opvolging morgen.');
}

/** A youth of 16 with an atelier (Plantrekkers): ideas, commitments with owners, one now a plan action. */
async function atelierFamily(b: Builder): Promise<void> {
  const f = await b.family({ pseudonym: 'G-DEMO-YL', name: 'Gezin Yilmaz', nis: '35029', daysAgo: 50, lastPlanChangeDaysAgo: 10 });
  if (!f) return;
  const youth = await f.member('child', 'Aylin Yilmaz', 16);
  await f.member('parent', 'Hatice Yilmaz');
  const aunt = await f.network('Tante Derya', 'tante', 'gaat mee naar gesprekken als Aylin dat wil');
  await f.team('ruben', 'kustlijn', 'contactpersoon', 48, { contact: true });
  await f.team('amira', 'polderland', 'trajectbegeleiding school', 40);
  await f.consent({ subject: youth, givenBy: youth, org: 'kustlijn', scopes: ['read_plan', 'edit_plan', 'journal'], daysAgo: 47 });
  await f.consent({ subject: youth, givenBy: youth, org: 'polderland', scopes: ['read_plan', 'edit_plan', 'journal'], daysAgo: 40 });
  const at = one(
    await b.tx
      .insert(atelier)
      .values({
        familyId: f.id,
        heldOn: b.day(-14),
        participants: [
          { kind: 'member', id: youth, name: 'Aylin Yilmaz' },
          { kind: 'network', id: aunt, name: 'Tante Derya' },
          { kind: 'professional', id: b.people.ruben, name: 'Ruben Claeys', organisationId: b.orgs.kustlijn },
          { kind: 'professional', id: b.people.amira, name: 'Amira El Idrissi', organisationId: b.orgs.polderland },
        ],
        ideas: 'Aylin wil een stage in de kinderopvang. Een vaste plek om te studeren buiten huis. Tante Derya als vertrouwenspersoon.',
        createdBy: b.people.ruben,
        createdAt: b.at(-14, 18),
        updatedAt: b.at(-14, 18),
      })
      .returning({ id: atelier.id }),
    'atelier',
  );
  const goal = key();
  const stage = key();
  await f.plan(
    [
      {
        daysAgo: 10,
        author: 'ruben',
        summary: 'Plan na het atelier met Aylin',
        content: {
          story: 'Ik ben Aylin. Ik wil mijn diploma halen en later in de kinderopvang werken. Thuis is het druk en ik kan er niet studeren.',
          strengths: ['Aylin weet wat ze wil', 'Tante Derya staat achter haar'],
          worries: ['Veel afwezigheden dit schooljaar'],
          goals: [{ key: goal, domain: 'school', text: 'Aylin haalt haar diploma dit schooljaar', priority: 1 }],
          actions: [{ key: stage, goalKey: goal, what: 'Stageplaats in de kinderopvang zoeken', owner: { kind: 'team', personId: b.people.amira }, dueOn: b.day(20), status: 'in_progress' }],
          agreements: ['Aylin beslist wie er op het volgende atelier komt.'],
          network: [{ networkPersonId: aunt, help: 'Gaat mee naar gesprekken als Aylin dat wil' }],
          evaluations: [{ key: key(), on: b.day(40), note: '' }],
        },
      },
    ],
    { nextEvaluationIn: 40, agreedVersion: 1 },
  );
  const c = (values: { description: string; ownerLabel: string; ownerPersonId?: string; dueIn: number; status: 'open' | 'done' | 'dropped'; planActionKey?: string }) => ({
    atelierId: at.id,
    familyId: f.id,
    description: values.description,
    ownerLabel: values.ownerLabel,
    ownerPersonId: values.ownerPersonId ?? null,
    dueOn: b.day(values.dueIn),
    status: values.status,
    planActionKey: values.planActionKey ?? null,
    createdAt: b.at(-14, 18),
    updatedAt: b.at(-14, 18),
  });
  await b.tx.insert(commitment).values([
    c({ description: 'Een studieplek in de bibliotheek van De Haan regelen', ownerLabel: 'Ruben Claeys', ownerPersonId: b.people.ruben, dueIn: 3, status: 'open' }),
    c({ description: 'Stageplaats in de kinderopvang zoeken', ownerLabel: 'Amira El Idrissi', ownerPersonId: b.people.amira, dueIn: 20, status: 'open', planActionKey: stage }),
    c({ description: 'Meegaan naar het gesprek met de school', ownerLabel: 'Tante Derya', dueIn: -4, status: 'done' }),
  ]);
  await b.request({
    familyName: 'Gezin Yilmaz',
    nis: '35029',
    daysAgo: 52,
    channel: 'clb',
    referrer: 'CLB Polderland',
    question: 'Ik wil mijn school afmaken maar thuis lukt het niet. Ik wil zelf mee beslissen over de hulp.',
    lifeDomains: ['school', 'housing'],
    status: 'answered',
    familyId: f.id,
    firstContactDaysAgo: 50,
    answeredDaysAgo: 30,
  });
  await f.note('amira', 'polderland', 'team', 9, 'Aylin heeft zelf twee kinderdagverblijven gecontacteerd; één wil haar uitnodigen.');
}
