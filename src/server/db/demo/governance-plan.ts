import { and, asc, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../client.js';
import {
  governanceAgendaItem,
  governanceBody,
  governanceIndicator,
  governanceIndicatorMeasurement,
  governanceMeeting,
  governancePlan,
  governancePlanAction,
  governancePlanStatusChange,
  person,
} from '../schema/index.js';
import { indicatorsRepo } from '../../modules/governance/indicators.repo.js';
import type { TIndicatorSource, TPlanActionStatus } from '../../../shared/schemas/governance.js';
import { DEMO_IROJ_NAME } from './governance.js';

/**
 * The demo IROJ's regional plan of this year (issue 9), after seed 003: actions in every status —
 * the network day for education ambassadors (about 200 people, a plenary room and three rooms;
 * approved, its release on the next meeting's agenda), an experiential training of €300 where each
 * participant pays €10 and the IROJ pays the rest (agreed in principle), the €1,500 inspiration
 * fair moved to next year with a condition, case tables released, a study day dropped, a
 * participation day whose budget request is due — each status change pointing at the decision
 * (agenda item) of the demo meetings that made it where one exists. Indicators with definition,
 * unit and target: two entered by hand with measurements over time, and the computed number of
 * organisations with an education ambassador (from the directory). Invented people only; dates
 * relative to `now`. Runs after loadDemoGovernance. Idempotent: nothing is added when the body
 * already has a plan for this year.
 */

const DAY = 86_400_000;

interface TDemoStep {
  to: TPlanActionStatus;
  /** Days from today. */
  inDays: number;
  /** The title of the decision (agenda item of the IROJ's meetings) that made the change. */
  decision?: string;
  movedToYear?: number;
  note?: string;
}

interface TDemoPlanAction {
  description: string;
  responsibleText: string;
  budgetEuro: number;
  conditions?: string;
  /** The first step is the creation (agreed in principle). */
  steps: TDemoStep[];
}

interface TDemoIndicator {
  name: string;
  definition: string;
  unit: string;
  target: number;
  source: TIndicatorSource;
  /** Manual measurements: days from today and value. */
  measurements?: { inDays: number; value: number; note?: string }[];
}

/** The decision items of the demo meetings (governance.ts) the plan's history points at. */
export const DEMO_PLAN_DECISION = 'Regioplan: acties en budgetten';
const RELEASE_DECISION = 'Regioplan: budget netwerkdag vrijgeven';

export async function loadDemoGovernancePlan(tx: DbOrTx, now: Date = new Date()): Promise<void> {
  const [body] = await tx
    .select({ id: governanceBody.id, regionId: governanceBody.regionId })
    .from(governanceBody)
    .where(and(eq(governanceBody.name, DEMO_IROJ_NAME), eq(governanceBody.kind, 'iroj')));
  if (!body) return;
  const year = now.getUTCFullYear();
  const [existing] = await tx
    .select({ id: governancePlan.id })
    .from(governancePlan)
    .where(and(eq(governancePlan.bodyId, body.id), eq(governancePlan.year, year)));
  if (existing) return;

  const today = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  const day = (days: number) => new Date(today.getTime() + days * DAY).toISOString().slice(0, 10);
  // Changes are recorded in the morning, Brussels time, of their day.
  const at = (days: number) => new Date(today.getTime() + days * DAY + 10 * 3_600_000);

  const [secretary] = await tx.select({ id: person.id }).from(person).where(eq(person.email, 'coordinator@samenplan.demo'));
  const by = secretary?.id ?? null;

  // The decision items of the body's meetings, by title (the latest meeting's item first).
  const items = await tx
    .select({ id: governanceAgendaItem.id, title: governanceAgendaItem.title, meetingDate: governanceMeeting.meetingDate })
    .from(governanceAgendaItem)
    .innerJoin(governanceMeeting, eq(governanceMeeting.id, governanceAgendaItem.meetingId))
    .where(and(eq(governanceMeeting.bodyId, body.id), inArray(governanceAgendaItem.title, [DEMO_PLAN_DECISION, RELEASE_DECISION])))
    .orderBy(asc(governanceMeeting.meetingDate));
  const decision = (title: string | undefined) => (title ? (items.find((i) => i.title === title)?.id ?? null) : null);

  const [plan] = await tx
    .insert(governancePlan)
    .values({
      bodyId: body.id,
      year,
      title: `Regionaal plan ${year}`,
      description:
        'Acties en budgetten die het IROJ dit jaar ondersteunt: het leerrecht van kinderen en jongeren versterken met onderwijsambassadeurs, vorming, ontmoeting tussen jeugdhulp en onderwijs, en participatie.',
      createdAt: at(-120),
      updatedAt: at(-120),
    })
    .returning({ id: governancePlan.id });
  if (!plan) return;

  const created = 'Opgenomen bij de opmaak van het regioplan.';
  const actions: TDemoPlanAction[] = [
    {
      description: 'Netwerkdag onderwijsambassadeurs: een plenaire voormiddag voor ongeveer 200 deelnemers en een namiddag per regio in drie zalen',
      responsibleText: 'Coördinator Lerend Netwerk Jeugdhulp-Onderwijs',
      budgetEuro: 4500,
      conditions: 'Zaal, catering en spreker; de partners verspreiden de uitnodiging zelf.',
      steps: [
        { to: 'agreed_in_principle', inDays: -120, note: created },
        { to: 'budget_request_due', inDays: -30, decision: DEMO_PLAN_DECISION, note: 'Principieel akkoord; een concrete budgetvraag volgt (locatie voor 200 personen met drie zalen, spreker).' },
        // Approved by the bureau under the mandate of the last meeting's decision (which says so).
        { to: 'approved', inDays: -9, decision: DEMO_PLAN_DECISION, note: 'Budgetvraag van € 4.500 nagekeken door het bureau en goedgekeurd zoals beslist op de vergadering; vrijgave op de volgende vergadering.' },
      ],
    },
    {
      description: 'Vorming verbindend communiceren: een belevingsvorming voor veldwerkers en ervaringsdeskundige jongeren, één sessie per regio',
      responsibleText: 'Vzw Tussenstap',
      budgetEuro: 300,
      conditions: '€10 deelnemersbijdrage per deelnemer; het IROJ past het resterende bedrag bij.',
      steps: [{ to: 'agreed_in_principle', inDays: -30, decision: DEMO_PLAN_DECISION, note: 'Geschatte kost € 300, mits een bijdrage van € 10 per deelnemer.' }],
    },
    {
      description: 'Inspiratiebeurs dak- en thuisloosheid bij jongvolwassenen',
      responsibleText: 'Samenwerkingsverband Bruggen na 18',
      budgetEuro: 1500,
      conditions: 'Vrijgave na voorlegging van het programma en de begroting aan het bureau.',
      steps: [
        { to: 'agreed_in_principle', inDays: -120, note: created },
        { to: 'moved', inDays: -30, decision: DEMO_PLAN_DECISION, movedToYear: year + 1, note: 'De beurs schuift op naar volgend jaar; het IROJ blijft principieel akkoord met de ondersteuning.' },
      ],
    },
    {
      description: 'Casustafels in het najaar rond vastgelopen trajecten',
      responsibleText: 'Vertrouwenscentrum Kindermishandeling en OSD',
      budgetEuro: 1200,
      steps: [
        { to: 'agreed_in_principle', inDays: -120, note: created },
        { to: 'approved', inDays: -100, note: 'Goedgekeurd door het bureau na de begroting van de organisatoren.' },
        { to: 'released', inDays: -30, decision: DEMO_PLAN_DECISION, note: 'Budget vrijgegeven; de voorbereiding loopt.' },
      ],
    },
    {
      description: 'Studiedag crisisnetwerk: hernemen van geslaagde acties',
      responsibleText: 'Provinciale netwerkstuurgroep Crisis',
      budgetEuro: 2000,
      steps: [
        { to: 'agreed_in_principle', inDays: -120, note: created },
        { to: 'dropped', inDays: -30, decision: DEMO_PLAN_DECISION, note: 'De netwerkstuurgroep organiseert dit ten vroegste volgend jaar; dan opnieuw in te dienen.' },
      ],
    },
    {
      description: 'Netwerkdag participatie (thema’s: schijnparticipatie en vertrouwenspersonen)',
      responsibleText: 'Werkgroep Participatie',
      budgetEuro: 2500,
      steps: [
        { to: 'agreed_in_principle', inDays: -100, note: created },
        { to: 'budget_request_due', inDays: -30, decision: DEMO_PLAN_DECISION, note: 'Concrete budgetvraag in te dienen vóór de volgende vergadering.' },
      ],
    },
  ];

  for (const [index, a] of actions.entries()) {
    const first = a.steps[0];
    const last = a.steps[a.steps.length - 1];
    if (!first || !last) continue;
    const [row] = await tx
      .insert(governancePlanAction)
      .values({
        planId: plan.id,
        number: index + 1,
        description: a.description,
        responsibleText: a.responsibleText,
        budgetCents: a.budgetEuro * 100,
        conditions: a.conditions ?? '',
        status: last.to,
        movedToYear: last.to === 'moved' ? (last.movedToYear ?? null) : null,
        createdAt: at(first.inDays),
        updatedAt: at(last.inDays),
        version: a.steps.length,
      })
      .returning({ id: governancePlanAction.id });
    if (!row) continue;
    let from: TPlanActionStatus | null = null;
    for (const step of a.steps) {
      await tx.insert(governancePlanStatusChange).values({
        actionId: row.id,
        fromStatus: from,
        toStatus: step.to,
        movedToYear: step.to === 'moved' ? (step.movedToYear ?? null) : null,
        decisionItemId: decision(step.decision),
        note: step.note ?? '',
        changedBy: by,
        changedAt: at(step.inDays),
      });
      from = step.to;
    }
  }

  const indicators: TDemoIndicator[] = [
    {
      name: 'Organisaties met een onderwijsambassadeur',
      definition: 'Jeugdhulporganisaties van de provincie met een onderwijsambassadeur als duidelijk aanspreekpunt voor interne en externe partners (contactpunt in de sociale kaart).',
      unit: 'organisaties',
      target: 10,
      source: 'education_ambassador_organisations',
    },
    {
      name: 'Intervisies met onderwijsambassadeurs',
      definition: 'Georganiseerde intervisies met onderwijsambassadeurs en eventuele externe experten, opgeteld sinds het begin van het jaar.',
      unit: 'intervisies',
      target: 4,
      source: 'manual',
      measurements: [
        { inDays: -150, value: 1 },
        { inDays: -90, value: 2, note: 'Met 22 deelnemers.' },
        { inDays: -30, value: 3 },
      ],
    },
    {
      name: 'Organisaties ondersteund in hun beleid rond leertrajecten',
      definition: 'Organisaties die de projectverantwoordelijke ondersteunde bij hun beleid rond de leertrajecten van kinderen en jongeren (ronde langs de voorzieningen).',
      unit: 'organisaties',
      target: 20,
      source: 'manual',
      measurements: [
        { inDays: -150, value: 6 },
        { inDays: -90, value: 11 },
        { inDays: -30, value: 15, note: 'Nog te verkennen: ziekenhuisafdelingen en internaten.' },
      ],
    },
  ];
  // The computed indicator counts the directory now; the demo directory did not change since the plan started.
  const ambassadors = await indicatorsRepo.educationAmbassadorOrganisations(tx, body.regionId);
  for (const i of indicators) {
    const [row] = await tx
      .insert(governanceIndicator)
      .values({ planId: plan.id, name: i.name, definition: i.definition, unit: i.unit, target: i.target, source: i.source, createdAt: at(-120), updatedAt: at(-120) })
      .returning({ id: governanceIndicator.id });
    if (!row) continue;
    const measurements =
      i.source === 'manual'
        ? (i.measurements ?? []).map((m) => ({ ...m, source: 'manual' as const }))
        : [-100, 0].map((inDays) => ({ inDays, value: ambassadors, note: '', source: 'computed' as const }));
    for (const m of measurements) {
      await tx.insert(governanceIndicatorMeasurement).values({
        indicatorId: row.id,
        measuredOn: day(m.inDays),
        value: m.value,
        source: m.source,
        note: m.note ?? '',
        recordedBy: by,
        createdAt: at(m.inDays),
      });
    }
  }
}
