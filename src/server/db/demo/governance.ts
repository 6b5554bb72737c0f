import { and, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../client.js';
import {
  governanceAction,
  governanceAgendaItem,
  governanceAttendance,
  governanceBody,
  governanceMeeting,
  governanceMembership,
  organisation,
  person,
  region,
  sector,
} from '../schema/index.js';
import { identityRepo } from '../../modules/identity/identity.repo.js';
import type { TAgendaItemKind, TBodyRole } from '../../../shared/schemas/governance.js';

/**
 * Demo consultation (issue 9), after seed 003: the IROJ Oost-Vlaanderen (province Oost-Vlaanderen)
 * with invented members — the demo coordinator (coordinator@) supports the IROJ and is its
 * secretary, the demo professional (hulpverlener@) a member on the jeugdhulp sector's seat —,
 * one retirement with a successor, a partner that joins, a meeting of about three months ago whose
 * minutes were approved at the last meeting, the last meeting (about a month ago, minutes still in
 * draft) with action items — the budget request for the network day done since (the bureau approved
 * it, see governance-plan.ts), the others open —, and the next meeting in three weeks with its
 * agenda: its follow-up of the previous minutes shows the open actions. Dates are relative to `now`.
 * Idempotent: the body is keyed on its name and region; when it exists nothing is added.
 */

const DAY = 86_400_000;
export const DEMO_IROJ_NAME = 'IROJ Oost-Vlaanderen';
/** The province (reference data) the demo IROJ and its regional plan belong to. */
export const DEMO_IROJ_REGION_CODE = 'oost-vlaanderen';

/** Invented people of the IROJ without an account (the demo accounts are in people.ts). */
const PEOPLE = [
  { key: 'chair', name: 'Hilde Vanhoutte', email: 'hilde.vanhoutte@iroj-ovl.demo' },
  { key: 'clb', name: 'Marc Dewulf', email: 'marc.dewulf@iroj-ovl.demo' },
  { key: 'successor', name: 'Els Vermeulen', email: 'els.vermeulen@iroj-ovl.demo' },
  { key: 'ggz', name: 'Pieter Lannoo', email: 'pieter.lannoo@iroj-ovl.demo' },
  { key: 'client', name: 'Nadia Bouzid', email: 'nadia.bouzid@iroj-ovl.demo' },
  { key: 'network', name: 'Tom Vergote', email: 'tom.vergote@iroj-ovl.demo' },
] as const;

interface TDemoItem {
  title: string;
  kind: TAgendaItemKind;
  presenter?: string;
  explanation?: string;
  discussion?: string;
  decision?: string;
  /** Actions decided at this item: description, owner (demo e-mail or people key), due in days; done on a day (days from today) when closed since. */
  actions?: { description: string; owner: string; dueInDays: number; doneInDays?: number }[];
}

export async function loadDemoGovernance(tx: DbOrTx, now: Date = new Date()): Promise<void> {
  const [province] = await tx.select({ id: region.id }).from(region).where(eq(region.code, DEMO_IROJ_REGION_CODE));
  if (!province) return;
  const [existing] = await tx
    .select({ id: governanceBody.id })
    .from(governanceBody)
    .where(and(eq(governanceBody.regionId, province.id), eq(governanceBody.name, DEMO_IROJ_NAME)));
  if (existing) return;

  const today = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  const day = (days: number) => new Date(today.getTime() + days * DAY).toISOString().slice(0, 10);

  const ids = new Map<string, string>();
  for (const p of PEOPLE) {
    const row = (await identityRepo.findPersonByEmail(tx, p.email)) ?? (await identityRepo.insertPerson(tx, { name: p.name, email: p.email }));
    ids.set(p.key, row.id);
  }
  const accounts = await tx
    .select({ id: person.id, email: person.email })
    .from(person)
    .where(inArray(person.email, ['coordinator@samenplan.demo', 'hulpverlener@samenplan.demo', 'clb@samenplan.demo']));
  for (const a of accounts) ids.set(a.email, a.id);
  const who = (key: string) => ids.get(key) ?? null;
  const orgs = await tx.select({ id: organisation.id, name: organisation.name }).from(organisation);
  const org = (name: string) => orgs.find((o) => o.name === name)?.id ?? null;
  const sectors = await tx.select({ id: sector.id, code: sector.code }).from(sector);
  const sec = (code: string) => sectors.find((s) => s.code === code)?.id ?? null;

  const [body] = await tx
    .insert(governanceBody)
    .values({
      name: DEMO_IROJ_NAME,
      kind: 'iroj',
      regionId: province.id,
      description: 'Intersectoraal Regionaal Overleg Jeugdhulp: de partners van jeugdhulp, onderwijs, welzijn en cliëntvertegenwoordiging in de provincie.',
    })
    .returning({ id: governanceBody.id });
  if (!body) return;

  const seat = async (key: string, role: TBodyRole, orgName: string | null, sectorCode: string | null, joinedIn: number, leftIn: number | null = null, successorOf: string | null = null) => {
    const personId = who(key);
    if (!personId) return null;
    const [row] = await tx
      .insert(governanceMembership)
      .values({
        bodyId: body.id,
        personId,
        role,
        organisationId: orgName ? org(orgName) : null,
        sectorId: sectorCode ? sec(sectorCode) : null,
        joinedOn: day(joinedIn),
        leftOn: leftIn === null ? null : day(leftIn),
        successorOf,
      })
      .returning({ id: governanceMembership.id });
    return row?.id ?? null;
  };
  await seat('chair', 'chair', null, 'jeugdhulp', -900);
  // The network coordinator is also the IROJ's support (IROJ-ondersteuner): agenda, minutes, follow-up.
  await seat('coordinator@samenplan.demo', 'secretary', null, null, -900);
  // The demo professional sits on the jeugdhulp sector's seat (his own organisation works in West-Vlaanderen).
  await seat('hulpverlener@samenplan.demo', 'member', null, 'jeugdhulp', -700);
  await seat('ggz', 'member', 'CGG Eikenhof', 'ggz', -700);
  await seat('client', 'member', null, 'andere', -500);
  // Marc retires; Els (CLB) continues his seat from the next day.
  const retired = await seat('clb', 'member', 'CLB Scheldevallei', 'clb', -900, -60);
  await seat('successor', 'member', 'CLB Scheldevallei', 'clb', -59, null, retired);
  // A partner joins: the 1 Gezin 1 Plan network of the region.
  await seat('network', 'member', null, 'andere', -30);

  const meeting = async (inDays: number, status: 'planned' | 'held', items: TDemoItem[]) => {
    const [m] = await tx
      .insert(governanceMeeting)
      .values({ bodyId: body.id, meetingDate: day(inDays), startTime: '09:30', endTime: '12:00', place: 'Provinciehuis, Gent', status })
      .returning({ id: governanceMeeting.id });
    if (!m) throw new Error('demo meeting insert returned nothing');
    for (const [index, item] of items.entries()) {
      const [row] = await tx
        .insert(governanceAgendaItem)
        .values({
          meetingId: m.id,
          position: index + 1,
          title: item.title,
          kind: item.kind,
          presenterText: item.presenter ?? null,
          minutesExplanation: item.explanation ?? '',
          minutesDiscussion: item.discussion ?? '',
          minutesDecision: item.decision ?? '',
        })
        .returning({ id: governanceAgendaItem.id });
      if (!row) continue;
      for (const a of item.actions ?? []) {
        await tx.insert(governanceAction).values({
          bodyId: body.id,
          meetingId: m.id,
          agendaItemId: row.id,
          description: a.description,
          ownerPersonId: who(a.owner),
          dueOn: day(a.dueInDays),
          ...(a.doneInDays === undefined ? {} : { status: 'done' as const, updatedAt: new Date(today.getTime() + a.doneInDays * DAY + 10 * 3_600_000), version: 2 }),
        });
      }
    }
    return m.id;
  };

  const older = await meeting(-100, 'held', [
    { title: 'Verwelkoming', kind: 'information', presenter: 'Voorzitter', explanation: 'De voorzitter verwelkomt de aanwezigen.' },
    {
      title: 'Spanningen crisisnetwerk en jeugdrechters',
      kind: 'discussion',
      presenter: 'Hilde Vanhoutte',
      explanation: 'Na een nieuwe escalatie rond een crisisverblijf wordt de samenwerking met de jeugdrechters en het parket besproken.',
      discussion: 'Het parket wil ingaan op de vraag tot dialoog; van de rechtbanken is nog geen reactie.',
      decision: 'Het IROJ richt een schrijven aan alle jeugdrechters van de provincie met de vraag naar dialoog.',
      actions: [{ description: 'Schrijven aan de jeugdrechters opstellen en versturen', owner: 'chair', dueInDays: -40 }],
    },
  ]);
  const last = await meeting(-30, 'held', [
    { title: 'Verwelkoming', kind: 'information', presenter: 'Voorzitter', explanation: 'De voorzitter verwelkomt de aanwezigen en het nieuwe lid.' },
    {
      title: 'Lerend netwerk Jeugdhulp-Onderwijs en onderwijsambassadeurs',
      kind: 'information',
      presenter: 'Coördinator lerend netwerk',
      explanation: 'Toelichting bij de onderwijsambassadeurs en de netwerkdag voor ongeveer 200 mensen met drie zalen.',
      discussion: 'Er wordt nog een spreker en een locatie gezocht. Ook jongeren en leerondersteuners worden uitgenodigd.',
      decision: 'De partners verspreiden de uitnodiging voor de netwerkdag in hun organisatie.',
      actions: [
        { description: 'Uitnodiging netwerkdag verspreiden bij de eigen teams', owner: 'hulpverlener@samenplan.demo', dueInDays: 10 },
        { description: 'Locatie voor 200 personen met drie zalen zoeken', owner: 'coordinator@samenplan.demo', dueInDays: 14 },
      ],
    },
    {
      title: 'Wijzigingen lidmaatschap',
      kind: 'information',
      explanation: '1 Gezin 1 Plan sluit aan als partner. Marc Dewulf gaat met pensioen; Els Vermeulen (CLB Scheldevallei) volgt hem op.',
    },
    { title: 'Goedkeuring vorig verslag', kind: 'decision', decision: 'Het verslag van de vorige vergadering wordt goedgekeurd.' },
    {
      title: 'Regioplan: acties en budgetten',
      kind: 'decision',
      explanation: 'Vorming verbindend communiceren (geschatte kost €300) en de inspiratiebeurs (€1.500).',
      decision:
        'Principieel akkoord met de vorming mits een bijdrage van €10 per deelnemer. De inspiratiebeurs wordt verschoven naar volgend jaar. Het budget voor de netwerkdag (€ 4.500) is goedgekeurd zodra het bureau de concrete budgetvraag heeft nagekeken; de vrijgave volgt op de volgende vergadering.',
      // Submitted eleven days ago: the bureau checked and approved it two days later (governance-plan.ts), so it is done.
      actions: [{ description: 'Concrete budgetvraag voor de netwerkdag indienen', owner: 'network', dueInDays: 20, doneInDays: -11 }],
    },
  ]);
  // The older meeting's minutes were approved at the last one.
  await tx
    .update(governanceMeeting)
    .set({ minutesStatus: 'approved', minutesApprovedAtMeetingId: last, minutesApprovedAt: new Date(today.getTime() - 30 * DAY + 11 * 3_600_000), minutesApprovedBy: who('coordinator@samenplan.demo') })
    .where(eq(governanceMeeting.id, older));

  await meeting(21, 'planned', [
    { title: 'Verwelkoming', kind: 'information', presenter: 'Voorzitter' },
    { title: 'Goedkeuring verslag vorige vergadering', kind: 'decision' },
    { title: 'Opvolging vorig verslag', kind: 'follow_up' },
    { title: 'Informatie vanuit cliëntvertegenwoordiging', kind: 'information', presenter: 'Nadia Bouzid' },
    { title: 'Regioplan: budget netwerkdag vrijgeven', kind: 'decision', presenter: 'Tom Vergote' },
  ]);

  const attendance: { key: string; status: 'present' | 'excused' | 'absent' }[] = [
    { key: 'chair', status: 'present' },
    { key: 'coordinator@samenplan.demo', status: 'present' },
    { key: 'hulpverlener@samenplan.demo', status: 'present' },
    { key: 'ggz', status: 'excused' },
    { key: 'client', status: 'present' },
    { key: 'successor', status: 'present' },
    { key: 'network', status: 'absent' },
  ];
  for (const a of attendance) {
    const personId = who(a.key);
    if (personId) await tx.insert(governanceAttendance).values({ meetingId: last, personId, status: a.status });
  }
  await tx.insert(governanceAttendance).values({ meetingId: last, guestName: 'Frederik Declercq', guestOrganisation: 'Lerend Netwerk Jeugdhulp-Onderwijs' });
}
