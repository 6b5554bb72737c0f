import type { DbOrTx } from '../../db/client.js';
import type { TCaseSummary } from '../../../shared/schemas/families/care.js';
import { ageOn, dayOf, daysBetween } from './care-common.js';
import { RULE_REASONS, signalsRepo } from './signals.repo.js';

/**
 * The pseudonymised case summary of a blocked trajectory, for a case table (issue 7): the family's
 * pseudonym and region, the children's age bands, the life domains of the request(s) and the
 * plan's goals, how long the family waits and for which kind of service (the sectors of the
 * organisation asked), the open signals, and the team by sector.
 *
 * What it leaves out on purpose: every name (members, network, professionals, organisations),
 * birth dates, the municipality and any address, and every free text that may hold a name — the
 * question, the story, the wait's service text, a hand-written signal reason (only the fixed
 * reason of a rule is repeated). Only codes, counts, bands and dates of the network's own doing.
 */

const AGE_BANDS: [number, number | null][] = [[0, 2], [3, 5], [6, 11], [12, 15], [16, 17], [18, 24], [25, null]];
const CODE = /^[a-z][a-z0-9_]{1,39}$/;

export function ageBand(birthDate: string, day: string): string {
  const age = Math.max(0, ageOn(birthDate, day));
  const [lo, hi] = AGE_BANDS.find(([from, to]) => age >= from && (to === null || age <= to)) ?? [25, null];
  return hi === null ? `${lo}+` : `${lo}–${hi}`;
}

/** text[] comes as an array (node-postgres) or as '{a,b}' (some PGlite paths). */
function codes(value: string[] | string | null | undefined): string[] {
  const list = Array.isArray(value) ? value : typeof value === 'string' ? value.replace(/[{}"]/g, '').split(',') : [];
  return list.filter((c) => CODE.test(c));
}

/** The life-domain codes of the plan's goals (content as the plan editor saves it); anything that is not a code is ignored. */
function planDomains(content: unknown): string[] {
  const goals = (content as { goals?: unknown } | null | undefined)?.goals;
  if (!Array.isArray(goals)) return [];
  // The plan contract names it `domain`; older demo content `lifeDomain`.
  return goals.map((g) => (g as { domain?: unknown }).domain ?? (g as { lifeDomain?: unknown }).lifeDomain).filter((d): d is string => typeof d === 'string' && CODE.test(d));
}

export async function buildCaseSummary(db: DbOrTx, familyId: string, now: Date): Promise<TCaseSummary> {
  const facts = await signalsRepo.summaryFacts(db, familyId);
  if (!facts.family) throw new Error('no family for the case summary');
  const today = dayOf(now);
  const domains = new Set<string>([...facts.requestDomains.flatMap((r) => codes(r.domains)), ...planDomains(facts.planContent)]);
  const teamBySectors = new Map<string, { sectors: string[]; professionals: number }>();
  for (const m of facts.team) {
    const sectors = codes(m.sectors);
    const key = sectors.join(',');
    const entry = teamBySectors.get(key) ?? { sectors, professionals: 0 };
    entry.professionals++;
    teamBySectors.set(key, entry);
  }
  return {
    pseudonym: facts.family.pseudonym,
    regionName: facts.family.regionName,
    childAgeBands: facts.children
      .map((c) => c.birthDate)
      .filter((b): b is string => b !== null)
      .sort()
      .map((b) => ageBand(b, today)),
    lifeDomains: [...domains].sort(),
    waits: facts.waits
      .filter((w) => w.status === 'waiting')
      .map((w) => ({ days: Math.max(0, daysBetween(w.sinceOn, w.endedOn ?? today)), status: w.status, serviceSectors: codes(w.sectors) })),
    refusedWaits: facts.waits.filter((w) => w.status === 'refused').length,
    signals: facts.signals.map((s) => ({
      source: s.source,
      rule: s.rule,
      reason: s.rule ? RULE_REASONS[s.rule] : null,
      since: dayOf(s.raisedAt),
    })),
    team: [...teamBySectors.values()].sort((a, b) => b.professionals - a.professionals || a.sectors.join().localeCompare(b.sectors.join())),
    daysSinceLastPlanChange: facts.family.lastPlanChangeAt ? Math.max(0, daysBetween(dayOf(facts.family.lastPlanChangeAt), today)) : null,
    madeAt: now.toISOString(),
  };
}
