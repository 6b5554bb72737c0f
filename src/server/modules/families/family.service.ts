import { tr } from '../../platform/i18n.js';
import type { z } from 'zod';
import type { Db, Tx } from '../../db/client.js';
import type { FullContext, RequestContext } from '../../platform/context.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { auditActor } from '../../platform/audit/actor.js';
import { Conflict, Invalid, NotFound, VersionConflict, detailPath } from '../../platform/errors.js';
import { addDays, brusselsDate, brusselsStartOfDay } from '../../platform/clock.js';
import { boundLimit } from '../../db/paging.js';
import type {
  TConsent,
  TFamilyAbilities,
  ZConsentCreate,
  ZConsentWithdraw,
  ZContactHandover,
  ZMemberCreate,
  ZMemberUpdate,
  ZNetworkCreate,
  ZNetworkUpdate,
  ZOverrideCreate,
  ZTeamAdd,
} from '../../../shared/schemas/families/family.js';
import type { TConsentScope, TMemberRole } from '../../../shared/schemas/families/enums.js';
import { accessRepo, type FamilyFacts } from './access.repo.js';
import { familyHandOverPolicy, familyOverridePolicy, familyPolicy } from './families.policy.js';
import { auditFamily, inFamily } from './family-gate.js';
import { familyRepo } from './family.repo.js';
import { ageOn } from './care-common.js';

/** The age from which a youth consents for themselves (decreet rechtspositie minderjarige: 12 years). */
export const SELF_CONSENT_AGE = 12;

/** How far ahead a consent's dates may lie (years). */
const CONSENT_MAX_YEARS = 20;

const fieldError = (field: string, message: string) => new Invalid(message, [{ path: detailPath('body', field), message }]);

function abilitiesOf(ctx: RequestContext, facts: FamilyFacts): TFamilyAbilities {
  return { ...familyPolicy.abilitiesOf(ctx, facts), override: familyOverridePolicy.abilitiesOf(ctx, facts).override };
}

function consentState(row: { withdrawnAt: Date | null; validFrom: Date; validUntil: Date | null }, now: Date): TConsent['state'] {
  if (row.withdrawnAt) return 'withdrawn';
  if (new Date(row.validFrom) > now) return 'future';
  if (row.validUntil && new Date(row.validUntil) <= now) return 'expired';
  return 'current';
}

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

/**
 * The family core. Every use case goes through `inFamily` (transaction first: the family's facts
 * for the actor, the policy, then the work) and writes its audit row with `auditFamily` in the same
 * transaction — reads included. Refusals are thrown, never audited here.
 *
 * Consent decisions (data-model.md, product.md):
 * - A child who is 12 or older on the day the consent starts consents only for themselves; for a
 *   younger child a parent or carer of the family gives it; an adult member consents for themselves.
 * - A consent may be recorded for an organisation (or one person of it) that is not on the team
 *   yet: families often agree before the service joins, and the gate only grants access to open
 *   team members anyway — consent alone never opens a file.
 * - Withdrawal takes effect on the very next request: the gate reads consent in every query.
 */
export function createFamilyService(db: Db) {
  async function pageData(tx: Tx, ctx: FullContext, facts: FamilyFacts, lastVisitAt: Date | null) {
    const today = brusselsDate(ctx.now);
    const [fam, members, network, contactHistory, team, consents] = [
      await familyRepo.family(tx, facts.id),
      await familyRepo.members(tx, facts.id),
      await familyRepo.network(tx, facts.id),
      await familyRepo.contactHistory(tx, facts.id),
      await familyRepo.team(tx, facts.id),
      await familyRepo.consents(tx, facts.id),
    ];
    if (!fam) throw new NotFound();
    return {
      data: {
        family: { ...fam, version: Number(fam.version) },
        members: members.map((m) => ({
          id: m.id,
          role: m.role,
          name: m.name,
          birthDate: m.birthDate,
          age: m.birthDate ? ageOn(m.birthDate, today) : null,
          endedAt: iso(m.endedAt),
          version: m.version,
        })),
        network: network.map((n) => ({
          id: n.id,
          name: n.name,
          relation: n.relation,
          roleInPlan: n.roleInPlan,
          contact: n.contact,
          endedAt: iso(n.endedAt),
          version: n.version,
        })),
        contact: contactHistory.find((c) => c.untilAt === null) ?? null,
        contactHistory,
        team,
        consents: consents.map((c) => ({
          ...c,
          state: consentState(c, ctx.now),
          scopes: c.scopes as TConsentScope[],
          validFrom: new Date(c.validFrom).toISOString(),
          validUntil: iso(c.validUntil),
          withdrawnAt: iso(c.withdrawnAt),
          createdAt: new Date(c.createdAt).toISOString(),
        })),
        lastVisitAt: iso(lastVisitAt),
      },
      abilities: abilitiesOf(ctx, facts),
    };
  }

  /** Checks a member of the family exists (and is not ended) for a body field. */
  async function activeMemberOf(tx: Tx, familyId: string, memberId: string, field: string) {
    const m = await familyRepo.member(tx, familyId, memberId);
    if (!m || m.endedAt) throw fieldError(field, 'Not a member of this family');
    return m;
  }

  async function professional(tx: Tx, ctx: FullContext, personId: string, organisationId: string) {
    if (!(await familyRepo.organisationActive(tx, organisationId))) throw fieldError('organisationId', 'Unknown organisation');
    if (!(await familyRepo.activeMember(tx, personId, organisationId, brusselsDate(ctx.now)))) {
      throw fieldError('personId', tr(ctx, 'Deze persoon werkt niet (meer) bij die organisatie.', 'This person does not work for that organisation (any more).'));
    }
  }

  const childBirthDateOk = (ctx: FullContext, role: TMemberRole, birthDate: string | null | undefined) => {
    if (role === 'child' && !birthDate) throw fieldError('birthDate', tr(ctx, 'Een kind heeft een geboortedatum nodig.', 'A child needs a birth date.'));
    if (birthDate && birthDate > brusselsDate(ctx.now)) throw fieldError('birthDate', tr(ctx, 'De geboortedatum ligt in de toekomst.', 'The birth date is in the future.'));
  };

  /** Members and network people: loaded locked, still current, at the version the change is based on. */
  const EDITABLE = {
    member: { resourceType: 'family_member', action: 'family.member', ended: ['Dit gezinslid is al uitgeschreven.', 'This member was already ended.'] },
    network: { resourceType: 'network_person', action: 'family.network', ended: ['Deze persoon is al uit het netwerk gehaald.', 'This person was already ended.'] },
  } as const;
  type Editable = keyof typeof EDITABLE;

  async function lockCurrent(tx: Tx, full: FullContext, kind: Editable, familyId: string, recordId: string, version: number) {
    const row = kind === 'member' ? await familyRepo.member(tx, familyId, recordId, { lock: true }) : await familyRepo.networkPerson(tx, familyId, recordId, { lock: true });
    if (!row) throw new NotFound();
    if (row.endedAt) throw new Conflict(tr(full, EDITABLE[kind].ended[0], EDITABLE[kind].ended[1]));
    if (row.version !== version) throw new VersionConflict();
    return row;
  }

  async function writeChange(tx: Tx, full: FullContext, facts: FamilyFacts, kind: Editable, recordId: string, version: number, values: Record<string, unknown>, verb: 'update' | 'end') {
    const row =
      kind === 'member'
        ? await familyRepo.updateMember(tx, recordId, version, values, full.now)
        : await familyRepo.updateNetworkPerson(tx, recordId, version, values, full.now);
    if (!row) throw new VersionConflict();
    const { action, resourceType } = EDITABLE[kind];
    await auditFamily(tx, full, facts, { action: `${action}.${verb}`, resourceType, resourceId: recordId, ...(verb === 'update' ? { details: { fields: Object.keys(values) } } : {}) });
    return { data: row };
  }

  /** Ends a member or network person (soft: the row and its history stay). */
  const endEditable = (kind: Editable) => (ctx: RequestContext, id: string, recordId: string, version: number) =>
    inFamily(db, ctx, id, 'editMembers', async (tx, facts, full) => {
      await lockCurrent(tx, full, kind, id, recordId, version);
      return writeChange(tx, full, facts, kind, recordId, version, { endedAt: full.now }, 'end');
    });

  return {
    async listMine(ctx: FullContext, query: { q?: string | undefined; cursor?: string | undefined; limit?: number | undefined }) {
      const personId = ctx.actor.personId;
      if (!personId) return { data: { items: [], nextCursor: null }, abilities: {} };
      return db.transaction(async (tx) => {
        const page = await familyRepo.pageMyFamilies(tx, {
          personId,
          now: ctx.now,
          scope: familyPolicy.scope(ctx),
          q: query.q,
          cursor: query.cursor,
          limit: boundLimit(query.limit),
        });
        // One row per page: who listed, how many, never names or search terms.
        await recordAudit(tx, { ...auditActor(ctx), action: 'family.list', resourceType: 'family', outcome: 'success', details: { count: page.items.length, search: query.q !== undefined } });
        return {
          data: { items: page.items.map((i) => i.item), nextCursor: page.nextCursor },
          abilities: Object.fromEntries(page.items.map((i) => [i.item.id, abilitiesOf(ctx, i.facts as FamilyFacts)])),
        };
      });
    },

    async view(ctx: RequestContext, id: string) {
      return inFamily(db, ctx, id, 'view', async (tx, facts, full) => {
        const lastVisitAt = full.actor.personId ? await familyRepo.touchVisit(tx, full.actor.personId, id, full.now) : null;
        await auditFamily(tx, full, facts, { action: 'family.view' });
        return pageData(tx, full, facts, lastVisitAt);
      });
    },

    async history(ctx: RequestContext, id: string, query: { cursor?: string | undefined; limit?: number | undefined }) {
      let before: number | undefined;
      if (query.cursor !== undefined) {
        if (!/^\d{1,18}$/.test(query.cursor)) throw new Invalid(undefined, [{ path: detailPath('query', 'cursor'), message: 'Unknown cursor' }]);
        before = Number(query.cursor);
      }
      return inFamily(db, ctx, id, 'view', async (tx, facts, full) => {
        const page = await familyRepo.history(tx, id, before, boundLimit(query.limit));
        await auditFamily(tx, full, facts, { action: 'family.history', details: { count: page.items.length } });
        return { data: page };
      });
    },

    async candidates(ctx: RequestContext, id: string, q: string | undefined) {
      return inFamily(db, ctx, id, 'manageTeam', async (tx, facts, full) => {
        const rows = await familyRepo.candidates(tx, q, brusselsDate(full.now));
        await auditFamily(tx, full, facts, { action: 'family.candidates', details: { count: rows.length } });
        return { data: rows };
      });
    },

    // -------------------------------------------------------------- members

    async addMember(ctx: RequestContext, id: string, input: z.output<typeof ZMemberCreate>) {
      return inFamily(db, ctx, id, 'editMembers', async (tx, facts, full) => {
        childBirthDateOk(full, input.role, input.birthDate);
        const row = await familyRepo.insertMember(tx, { familyId: id, role: input.role, name: input.name, birthDate: input.birthDate ?? null });
        await auditFamily(tx, full, facts, { action: 'family.member.add', resourceType: 'family_member', resourceId: row.id, details: { role: input.role } });
        return { data: row };
      });
    },

    async updateMember(ctx: RequestContext, id: string, memberId: string, input: z.output<typeof ZMemberUpdate>) {
      return inFamily(db, ctx, id, 'editMembers', async (tx, facts, full) => {
        const m = await lockCurrent(tx, full, 'member', id, memberId, input.version);
        const role = input.role ?? (m as { role: TMemberRole }).role;
        const birthDate = input.birthDate === undefined ? (m as { birthDate: string | null }).birthDate : input.birthDate;
        childBirthDateOk(full, role, birthDate);
        const { version, ...values } = input;
        return writeChange(tx, full, facts, 'member', memberId, version, values, 'update');
      });
    },

    endMember: endEditable('member'),

    // -------------------------------------------------------------- informal network

    async addNetwork(ctx: RequestContext, id: string, input: z.output<typeof ZNetworkCreate>) {
      return inFamily(db, ctx, id, 'editMembers', async (tx, facts, full) => {
        const row = await familyRepo.insertNetworkPerson(tx, {
          familyId: id,
          name: input.name,
          relation: input.relation,
          roleInPlan: input.roleInPlan ?? null,
          contact: input.contact ?? null,
        });
        await auditFamily(tx, full, facts, { action: 'family.network.add', resourceType: 'network_person', resourceId: row.id });
        return { data: row };
      });
    },

    async updateNetwork(ctx: RequestContext, id: string, networkId: string, input: z.output<typeof ZNetworkUpdate>) {
      return inFamily(db, ctx, id, 'editMembers', async (tx, facts, full) => {
        await lockCurrent(tx, full, 'network', id, networkId, input.version);
        const { version, ...values } = input;
        return writeChange(tx, full, facts, 'network', networkId, version, values, 'update');
      });
    },

    endNetwork: endEditable('network'),

    // -------------------------------------------------------------- team

    async addTeamMember(ctx: RequestContext, id: string, input: z.output<typeof ZTeamAdd>) {
      return inFamily(
        db,
        ctx,
        id,
        'manageTeam',
        async (tx, facts, full) => {
          await professional(tx, full, input.personId, input.organisationId);
          if (await familyRepo.openTeamRow(tx, id, input.personId)) {
            throw new Conflict(tr(full, 'Deze persoon staat al in het team.', 'This person is on the team already.'), [{ path: 'body.personId', message: 'duplicate' }]);
          }
          const row = await familyRepo.insertTeamMember(tx, { familyId: id, personId: input.personId, organisationId: input.organisationId, role: input.role ?? null, fromAt: full.now, addedBy: full.actor.personId });
          await auditFamily(tx, full, facts, { action: 'family.team.add', resourceType: 'team_member', resourceId: row.id, details: { personId: input.personId, organisationId: input.organisationId } });
          return { data: row };
        },
        { lock: true },
      );
    },

    async endTeamMember(ctx: RequestContext, id: string, teamMemberId: string) {
      return inFamily(
        db,
        ctx,
        id,
        'manageTeam',
        async (tx, facts, full) => {
          const row = await familyRepo.teamRow(tx, id, teamMemberId);
          if (!row) throw new NotFound();
          if (row.untilAt) throw new Conflict(tr(full, 'Dit teamlidmaatschap is al beëindigd.', 'This membership has ended already.'));
          const contact = await familyRepo.openContact(tx, id);
          if (contact?.personId === row.personId) {
            throw new Conflict(tr(full, 'Het aanspreekpunt kan het team niet verlaten: draag eerst over.', 'The contact person cannot leave the team: hand over first.'));
          }
          await familyRepo.endTeamMember(tx, teamMemberId, full.now);
          await auditFamily(tx, full, facts, { action: 'family.team.end', resourceType: 'team_member', resourceId: teamMemberId, details: { personId: row.personId } });
          return { data: { id: teamMemberId } };
        },
        { lock: true },
      );
    },

    // -------------------------------------------------------------- consent

    async recordConsent(ctx: RequestContext, id: string, input: z.output<typeof ZConsentCreate>) {
      return inFamily(db, ctx, id, 'manageConsent', async (tx, facts, full) => {
        const today = brusselsDate(full.now);
        const fromDay = input.validFrom ?? today;
        if (input.validUntil && input.validUntil < today) {
          throw fieldError('validUntil', tr(full, 'De einddatum ligt in het verleden.', 'The end date is in the past.'));
        }
        // A date decades ahead is a typo (and 9999-12-31 has no next day to end on).
        const latest = `${Number(today.slice(0, 4)) + CONSENT_MAX_YEARS}${today.slice(4)}`;
        for (const [name, value] of [['validFrom', input.validFrom], ['validUntil', input.validUntil]] as const) {
          if (value && value > latest) throw fieldError(name, tr(full, `Kies een datum vóór ${latest}.`, `Choose a date before ${latest}.`));
        }
        const subject = await activeMemberOf(tx, id, input.subjectMemberId, 'subjectMemberId');
        const givenBy = await activeMemberOf(tx, id, input.givenByMemberId, 'givenByMemberId');
        if (subject.role === 'child') {
          const age = subject.birthDate ? ageOn(subject.birthDate, fromDay) : 0;
          if (age >= SELF_CONSENT_AGE && givenBy.id !== subject.id) {
            throw fieldError(
              'givenByMemberId',
              tr(full, `${subject.name} is ${age} jaar: vanaf 12 jaar geeft een jongere zelf toestemming, niet de ouders.`, `${subject.name} is ${age}: from 12 a youth consents for themselves, not their parents.`),
            );
          }
          if (age < SELF_CONSENT_AGE && givenBy.role !== 'parent' && givenBy.role !== 'carer') {
            throw fieldError(
              'givenByMemberId',
              tr(full, `${subject.name} is jonger dan 12: een ouder of opvoeder van het gezin geeft toestemming.`, `${subject.name} is under 12: a parent or carer of the family consents.`),
            );
          }
        } else if (givenBy.id !== subject.id) {
          throw fieldError('givenByMemberId', tr(full, 'Een volwassene geeft zelf toestemming.', 'An adult consents for themselves.'));
        }
        if (!(await familyRepo.organisationActive(tx, input.organisationId))) throw fieldError('organisationId', 'Unknown organisation');
        if (input.personId) await professional(tx, full, input.personId, input.organisationId);
        const validFrom = fromDay <= today ? (fromDay === today ? full.now : brusselsStartOfDay(fromDay)) : brusselsStartOfDay(fromDay);
        const validUntil = input.validUntil ? brusselsStartOfDay(addDays(input.validUntil, 1)) : null;
        // The same consent twice (a double click, a second tab): the family row is locked, so the second one sees the first.
        if (await familyRepo.sameConsentExists(tx, { familyId: id, subjectMemberId: subject.id, organisationId: input.organisationId, personId: input.personId ?? null, scopes: input.scopes, fromDay, validUntil })) {
          throw new Conflict(tr(full, 'Deze toestemming is al geregistreerd.', 'This consent is recorded already.'));
        }
        const row = await familyRepo.insertConsent(tx, {
          familyId: id,
          kind: 'consent',
          subjectMemberId: subject.id,
          givenByMemberId: givenBy.id,
          organisationId: input.organisationId,
          personId: input.personId ?? null,
          scopes: input.scopes,
          validFrom,
          validUntil,
          recordedBy: full.actor.personId,
          createdAt: full.now,
        });
        await auditFamily(tx, full, facts, {
          action: 'consent.record',
          resourceType: 'consent',
          resourceId: row.id,
          details: { organisationId: input.organisationId, personId: input.personId ?? null, scopes: input.scopes },
        });
        return { data: row };
      }, { lock: true });
    },

    async withdrawConsent(ctx: RequestContext, id: string, consentId: string, input: z.output<typeof ZConsentWithdraw>) {
      return inFamily(db, ctx, id, 'manageConsent', async (tx, facts, full) => {
        const row = await familyRepo.consentRow(tx, id, consentId);
        if (!row) throw new NotFound();
        if (row.withdrawnAt) throw new Conflict(tr(full, 'Deze toestemming is al ingetrokken.', 'This consent was withdrawn already.'));
        if (input.withdrawnByMemberId) await activeMemberOf(tx, id, input.withdrawnByMemberId, 'withdrawnByMemberId');
        await familyRepo.withdrawConsent(tx, consentId, full.now, full.actor.personId, input.withdrawnByMemberId ?? null);
        await auditFamily(tx, full, facts, { action: 'consent.withdraw', resourceType: 'consent', resourceId: consentId, details: { kind: row.kind } });
        return { data: { id: consentId } };
      });
    },

    /**
     * Whether I can open the family's file now, and whether I may ask for an override: for anyone on
     * the open team (the colleague whose consent was withdrawn sees the override button here, as the
     * file itself answers them 404). Reveals nothing of the file; audited like every family read.
     */
    async access(ctx: FullContext, id: string) {
      return db.transaction(async (tx) => {
        const facts = await accessRepo.familyFacts(tx, id, ctx.actor.personId ?? null, ctx.now);
        const abilities = facts ? abilitiesOf(ctx, facts) : null;
        if (!facts || !abilities || (!abilities.view && !abilities.override)) {
          const notFound = new NotFound();
          notFound.resource = { type: 'family', id };
          throw notFound;
        }
        await auditFamily(tx, ctx, facts, { action: 'family.access_check', details: { canOpen: abilities.view } });
        return { data: { id, canOpen: abilities.view }, abilities: { override: abilities.override } };
      });
    },

    /** An override without consent: a team member, a written reason, a fresh step-up, at most 72 hours. */
    async override(ctx: RequestContext, id: string, input: z.output<typeof ZOverrideCreate>) {
      return db.transaction(async (tx) => {
        const facts = await accessRepo.familyFacts(tx, id, ctx.actor?.personId ?? null, ctx.now);
        if (!facts) throw new NotFound();
        familyOverridePolicy.authorize(ctx, 'override', facts);
        const full = ctx;
        if (!facts.teamOrganisationId || !full.actor.personId) throw new NotFound();
        const row = await familyRepo.insertConsent(tx, {
          familyId: id,
          kind: 'override',
          organisationId: facts.teamOrganisationId,
          personId: full.actor.personId,
          scopes: input.scopes,
          validFrom: full.now,
          validUntil: new Date(full.now.getTime() + input.hours * 3_600_000),
          overrideBasis: input.basis,
          reason: input.reason,
          recordedBy: full.actor.personId,
          createdAt: full.now,
        });
        await auditFamily(tx, full, facts, { action: 'consent.override', resourceType: 'consent', resourceId: row.id, details: { basis: input.basis, hours: input.hours, scopes: input.scopes } });
        return { data: row };
      });
    },

    // -------------------------------------------------------------- contact person

    /** Hands the contact person over: closes the open assignment, opens a new one, puts the new person on the team. */
    async handOver(ctx: RequestContext, id: string, input: z.output<typeof ZContactHandover>) {
      return db.transaction(async (tx) => {
        const facts = await accessRepo.familyFacts(tx, id, ctx.actor?.personId ?? null, ctx.now, { lock: true });
        if (!facts) throw new NotFound();
        familyHandOverPolicy.authorize(ctx, 'handOver', facts);
        const full = ctx;
        if (facts.version !== input.version) throw new VersionConflict();
        await professional(tx, full, input.personId, input.organisationId);
        const current = await familyRepo.openContact(tx, id);
        if (current?.personId === input.personId && current.organisationId === input.organisationId) {
          throw fieldError('personId', tr(full, 'Deze persoon is al het aanspreekpunt.', 'This person is the contact person already.'));
        }
        if (current && !(await familyRepo.closeContact(tx, current.id, full.now))) throw new VersionConflict();
        const row = await familyRepo.insertContact(tx, {
          familyId: id,
          personId: input.personId,
          organisationId: input.organisationId,
          fromAt: full.now,
          assignedBy: full.actor.personId,
          note: input.note ?? null,
        });
        if (!(await familyRepo.openTeamRow(tx, id, input.personId))) {
          await familyRepo.insertTeamMember(tx, { familyId: id, personId: input.personId, organisationId: input.organisationId, role: null, fromAt: full.now, addedBy: full.actor.personId });
        }
        const bumped = await familyRepo.bumpFamily(tx, id, input.version, full.now);
        if (!bumped) throw new VersionConflict();
        await auditFamily(tx, full, facts, {
          action: 'family.contact.handover',
          resourceType: 'contact_assignment',
          resourceId: row.id,
          details: { from: current?.personId ?? null, to: input.personId, organisationId: input.organisationId },
        });
        return { data: { id: row.id, version: Number(bumped.version) } };
      });
    },
  };
}
