import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../client.js';
import { learningPartnership, learningPartnershipAssessment, learningPartnershipMember, learningPartnershipRound, learningToolkitContent, membership, organisation, organisationSector, person, sector } from '../schema/index.js';
import { identityRepo } from '../../modules/identity/identity.repo.js';
import { addDays, brusselsDate } from '../../platform/clock.js';
import { DEFAULT_TOOLKIT_TEXTS } from '../../modules/learning/toolkit.defaults.js';
import type { TCheckAnswer } from '../../../shared/schemas/learning-toolkit.js';

/**
 * Demo partnerships of the collaboration toolkit (issue 10, seed 000): a mental-health service and
 * a youth-care facility, and a CLB with a disability-care service, each with two rounds of the
 * barometer half a year apart, filled in by one person per partner (invented people). The scores
 * grow between the rounds, and in each first round the partners differ on at least one criterion.
 * Idempotent: partnerships are keyed on their name; the disability-care service and its worker on
 * name and e-mail.
 */

type TView = { email: string; scores: number[]; notes?: string[]; phase: string; checklist: TCheckAnswer[] };
type TDemoPartnership = { name: string; description: string; organisations: string[]; rounds: { daysAgo: number; views: TView[] }[] };

const PARTNERSHIPS: TDemoPartnership[] = [
  {
    name: 'CGG Zeewind en Jeugdhulp Kustlijn: samen bij complexe vragen',
    description: 'De leefgroepen van Jeugdhulp Kustlijn en het team kinderen en jongeren van CGG Zeewind werken samen voor jongeren met een psychische kwetsbaarheid die in een leefgroep verblijven.',
    organisations: ['CGG Zeewind', 'Jeugdhulp Kustlijn vzw'],
    rounds: [
      {
        daysAgo: 190,
        views: [
          { email: 'nieuw@samenplan.demo', scores: [3, 2, 2, 3, 3], notes: ['We kennen vooral de coördinator.'], phase: 'afstemmen', checklist: ['partly', 'no', 'partly', 'no', 'partly', 'no'] },
          { email: 'hulpverlener@samenplan.demo', scores: [2, 2, 4, 1, 3], notes: ['', '', '', 'We horen pas iets als het escaleert.'], phase: 'kennismaken', checklist: ['yes', 'no', 'partly', 'no', 'no', 'no'] },
        ],
      },
      {
        daysAgo: 20,
        views: [
          { email: 'nieuw@samenplan.demo', scores: [4, 3, 4, 4, 4], phase: 'samenwerken', checklist: ['yes', 'partly', 'yes', 'yes', 'partly', 'partly'] },
          { email: 'hulpverlener@samenplan.demo', scores: [4, 3, 4, 3, 4], notes: ['', '', '', 'Maandelijks overleg helpt.'], phase: 'samenwerken', checklist: ['yes', 'yes', 'partly', 'yes', 'partly', 'no'] },
        ],
      },
    ],
  },
  {
    name: 'CLB Polderland en MFC De Linde: leerlingen met een beperking',
    description: 'Het CLB en het multifunctioneel centrum stemmen af rond leerlingen met een beperking die (terug) naar school gaan: wie volgt wat op, en hoe blijven ouders betrokken.',
    organisations: ['CLB Polderland', 'MFC De Linde'],
    rounds: [
      {
        daysAgo: 200,
        views: [
          { email: 'clb@samenplan.demo', scores: [2, 3, 2, 2, 2], phase: 'kennismaken', checklist: ['partly', 'no', 'no', 'no', 'partly', 'no'] },
          { email: 'hanne.wouters@delinde.demo', scores: [2, 1, 4, 2, 3], notes: ['', 'Doelen verschillen nog sterk.', 'Wij hebben een draaiboek, het CLB kent het niet.'], phase: 'kennismaken', checklist: ['yes', 'partly', 'no', 'no', 'no', 'no'] },
        ],
      },
      {
        daysAgo: 30,
        views: [
          { email: 'clb@samenplan.demo', scores: [3, 3, 3, 3, 3], phase: 'afstemmen', checklist: ['yes', 'partly', 'partly', 'no', 'yes', 'partly'] },
          { email: 'hanne.wouters@delinde.demo', scores: [4, 3, 4, 3, 3], phase: 'afstemmen', checklist: ['yes', 'partly', 'partly', 'partly', 'yes', 'no'] },
        ],
      },
    ],
  },
];

async function ensureDisabilityService(tx: DbOrTx, regionId: string) {
  const org = await identityRepo.upsertOrganisation(tx, { name: 'MFC De Linde', regionId });
  const [vaph] = await tx.select({ id: sector.id }).from(sector).where(eq(sector.code, 'vaph'));
  if (vaph) await tx.insert(organisationSector).values({ organisationId: org.id, sectorId: vaph.id }).onConflictDoNothing();
  const email = 'hanne.wouters@delinde.demo';
  const p = (await identityRepo.findPersonByEmail(tx, email)) ?? (await identityRepo.insertPerson(tx, { name: 'Hanne Wouters', email }));
  await identityRepo.addMembership(tx, { personId: p.id, organisationId: org.id, roles: ['professional'] });
}

export async function loadDemoToolkit(tx: DbOrTx, regionId: string, now = new Date()): Promise<void> {
  await tx.insert(learningToolkitContent).values({ version: 1, texts: DEFAULT_TOOLKIT_TEXTS }).onConflictDoNothing();
  await ensureDisabilityService(tx, regionId);
  const texts = DEFAULT_TOOLKIT_TEXTS;
  const today = brusselsDate(now);
  for (const p of PARTNERSHIPS) {
    const [exists] = await tx.select({ id: learningPartnership.id }).from(learningPartnership).where(eq(learningPartnership.name, p.name));
    if (exists) continue;
    const orgIds = new Map<string, string>();
    for (const name of p.organisations) {
      const [o] = await tx.select({ id: organisation.id }).from(organisation).where(eq(organisation.name, name));
      if (o) orgIds.set(name, o.id);
    }
    if (orgIds.size !== p.organisations.length) continue;
    const [row] = await tx.insert(learningPartnership).values({ name: p.name, description: p.description }).returning({ id: learningPartnership.id });
    if (!row) continue;
    await tx.insert(learningPartnershipMember).values([...orgIds.values()].map((organisationId) => ({ partnershipId: row.id, organisationId })));
    for (const r of p.rounds) {
      const [round] = await tx.insert(learningPartnershipRound).values({ partnershipId: row.id, date: addDays(today, -r.daysAgo), contentVersion: 1 }).returning({ id: learningPartnershipRound.id });
      if (!round) continue;
      for (const v of r.views) {
        const [who] = await tx.select({ id: person.id }).from(person).where(eq(person.email, v.email));
        const memberships = who ? await tx.select({ organisationId: membership.organisationId }).from(membership).where(eq(membership.personId, who.id)) : [];
        const organisationId = memberships.map((m) => m.organisationId).find((id) => [...orgIds.values()].includes(id));
        if (!who || !organisationId) continue;
        await tx.insert(learningPartnershipAssessment).values({
          roundId: round.id,
          organisationId,
          scores: texts.criteria.map((c, i) => ({ criterion: c.key, score: v.scores[i] ?? 3, note: v.notes?.[i] ?? '' })),
          phase: v.phase,
          checklist: texts.checklist.map((c, i) => ({ item: c.key, answer: v.checklist[i] ?? 'no', note: '' })),
          filledBy: who.id,
        });
      }
    }
  }
}
