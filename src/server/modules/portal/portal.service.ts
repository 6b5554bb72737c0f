import { randomUUID } from 'node:crypto';
import type { Db, Tx } from '../../db/client.js';
import type { PortalContext, RequestContext } from '../../platform/context.js';
import { AppError, Conflict, Forbidden, NotFound, VersionConflict, detailPath } from '../../platform/errors.js';
import { addDays, brusselsDate, brusselsStartOfDay } from '../../platform/clock.js';
import { tr } from '../../platform/i18n.js';
import { sessionRepo } from '../../platform/auth/session.repo.js';
import { EMPTY_PLAN, PLAN_LIMITS, ZPlanContent, type TPlanContent, type TPlanVersion } from '../../../shared/schemas/families/plan.js';
import { PORTAL_CONTRIBUTIONS_LIMIT, type TPortalVoice } from '../../../shared/schemas/portal.js';
import { auditFamily, inFamily } from '../families/family-gate.js';
import { ageOn } from '../families/care-common.js';
import { SELF_CONSENT_AGE } from '../families/family.service.js';
import { planRepo } from '../families/plan.repo.js';
import { auditPortal, inPortal, portalAbilities, type PortalViewer } from './portal-gate.js';
import { portalRepo } from './portal.repo.js';
import { portalExportDocument } from './portal-export.document.js';
import { readableDocumentPdf } from './portal-export.pdf.js';

const iso = (d: Date | string) => (d instanceof Date ? d : new Date(d)).toISOString();
const isoOrNull = (d: Date | string | null) => (d === null ? null : iso(d));

function consentState(row: { withdrawnAt: Date | null; validFrom: Date; validUntil: Date | null }, now: Date) {
  if (row.withdrawnAt) return 'withdrawn' as const;
  if (row.validFrom > now) return 'future' as const;
  if (row.validUntil && row.validUntil <= now) return 'ended' as const;
  return 'current' as const;
}

/** A readable name for an audit action in the family's access log (the screen translates the action code; this is the fallback). */
function whatOf(action: string, resourceType: string): string {
  return `${resourceType}:${action}`;
}

/**
 * The family portal's use cases. Every one runs through `inPortal` (transaction first, the viewer
 * loaded afresh) and writes its audit row in the same transaction, reads included. What the law
 * keeps from the viewer is left out in the queries (`me.visible`, and `youth_own` only for `me.ownYouthId`).
 */
export function createPortalService(db: Db) {
  /** Whose consents the viewer sees, and whose they may give or withdraw (a youth of 12+ decides alone for their own data). */
  async function subjects(tx: Tx, me: PortalViewer, now: Date) {
    if (me.viewer === 'confidant') return { see: me.confidantOf ? [me.confidantOf.memberId] : [], manage: [] as string[] };
    if (!me.memberId) return { see: [], manage: [] };
    if (me.viewer === 'parent') {
      const today = brusselsDate(now);
      const young = (await portalRepo.members(tx, me.familyId)).filter((m) => m.role === 'child' && (!m.birthDate || ageOn(m.birthDate, today) < SELF_CONSENT_AGE)).map((m) => m.id);
      return { see: [me.memberId, ...young], manage: [me.memberId, ...young] };
    }
    return { see: [me.memberId], manage: [me.memberId] };
  }

  async function currentVersion(tx: Tx, familyId: string, number: number): Promise<TPlanVersion> {
    if (number === 0) return { number: 0, author: null, createdAt: null, summary: '', content: EMPTY_PLAN };
    const row = await portalRepo.version(tx, familyId, number);
    if (!row) throw new Error(`plan version ${number} of ${familyId} missing`);
    return {
      number: row.number,
      author: row.authorPersonId ? { personId: row.authorPersonId, name: '' } : null,
      createdAt: iso(row.createdAt),
      summary: row.summary,
      content: ZPlanContent.parse(row.content),
    };
  }

  async function waitsOf(tx: Tx, me: PortalViewer) {
    const waits = await portalRepo.waits(tx, me.familyId, me);
    const bridging = await portalRepo.bridging(tx, waits.map((w) => w.id));
    return waits.map((w) => ({
      id: w.id,
      service: w.service,
      sinceOn: w.sinceOn,
      expectedStartOn: w.expectedStartOn,
      status: w.status,
      bridging: bridging.filter((b) => b.waitId === w.id).map((b) => ({ provider: b.provider, what: b.what, fromOn: b.fromOn, untilOn: b.untilOn })),
    }));
  }

  return {
    /** Who I am in the portal and what I may do. */
    me(ctx: RequestContext) {
      return inPortal(db, ctx, async (_tx, me, pctx) => ({
        viewer: me.viewer,
        name: me.name,
        familyName: me.familyName,
        memberId: me.memberId,
        confidantOf: me.confidantOf,
        csrfToken: pctx.actor.csrfToken,
        abilities: portalAbilities(me),
      }));
    },

    /** Ends the portal session. */
    async logout(ctx: RequestContext) {
      return inPortal(db, ctx, async (tx, me, pctx) => {
        await sessionRepo.revoke(tx, pctx.actor.sessionId, pctx.now);
        await auditPortal(tx, pctx, me, { action: 'portal.logout', resourceType: 'account', resourceId: pctx.actor.accountId });
        return { ok: true as const };
      });
    },

    /** My plan: the current version, the next evaluation, the waits I may see, and what changed since my last visit. */
    plan(ctx: RequestContext) {
      return inPortal(db, ctx, async (tx, me, pctx) => {
        const row = await portalRepo.plan(tx, me.familyId);
        const number = row?.currentVersion ?? 0;
        const current = await currentVersion(tx, me.familyId, number);
        const visit = await portalRepo.visit(tx, me.accountId);
        const newer = visit ? await portalRepo.versionsAfter(tx, me.familyId, visit.planVersion) : [];
        await portalRepo.recordVisit(tx, me.accountId, pctx.now, number);
        await auditPortal(tx, pctx, me, { action: 'portal.plan.view', resourceType: 'plan', details: { version: number } });
        return {
          data: {
            current,
            names: await portalRepo.names(tx, me.familyId),
            nextEvaluationOn: row?.nextEvaluationOn ?? null,
            agreement: row?.familyAgreedVersion && row.familyAgreedAt ? { version: row.familyAgreedVersion, at: iso(row.familyAgreedAt) } : null,
            sinceLastVisit: visit
              ? {
                  lastVisitAt: iso(visit.lastSeenAt),
                  versionThen: visit.planVersion,
                  newVersions: newer.map((v) => ({ number: v.number, summary: v.summary, createdAt: iso(v.createdAt), byFamily: v.authorMemberId !== null })),
                }
              : null,
            waits: await waitsOf(tx, me),
          },
          abilities: portalAbilities(me),
        };
      });
    },

    /**
     * Add my voice: a goal, a comment, an action marked done — each a new plan version with me as
     * its author member — or my agreement with the current version. Based on the version I read:
     * a stale one is 409 and nothing changes.
     */
    voice(ctx: RequestContext, input: TPortalVoice) {
      return inPortal(db, ctx, async (tx, me, pctx) => {
        if (!portalAbilities(me).addVoice || !me.memberId) throw new Forbidden();
        await portalRepo.lockFamily(tx, me.familyId);
        const row = await planRepo.ensurePlan(tx, me.familyId);
        if (input.basedOn !== row.currentVersion) {
          throw new VersionConflict(tr(pctx, 'Het plan is intussen veranderd. Lees het opnieuw en probeer dan nog eens.', 'The plan changed meanwhile. Read it again, then try once more.'));
        }
        if (input.kind === 'agree') {
          await portalRepo.setAgreement(tx, row.id, row.currentVersion, pctx.now);
          await auditPortal(tx, pctx, me, { action: 'portal.plan.agree', resourceType: 'plan', details: { version: row.currentVersion } });
          return { version: row.currentVersion };
        }
        const current = await currentVersion(tx, me.familyId, row.currentVersion);
        const content: TPlanContent = structuredClone(current.content);
        let summary: string;
        if (input.kind === 'goal') {
          if (!(await portalRepo.domainActive(tx, input.domain))) {
            throw new AppError(422, 'invalid_reference', undefined, [{ path: detailPath('body', 'domain'), message: tr(pctx, 'Onbekend levensdomein.', 'Unknown life domain.') }]);
          }
          if (content.goals.length >= PLAN_LIMITS.goals) throw new Conflict(tr(pctx, 'Het plan heeft al het grootste aantal doelen.', 'The plan has the most goals it can hold.'));
          content.goals.push({ key: randomUUID(), domain: input.domain, text: input.text, priority: content.goals.length + 1 });
          summary = tr(pctx, `Nieuw doel van ${me.name}`, `New goal by ${me.name}`);
        } else if (input.kind === 'comment') {
          const target = input.on;
          if (target && !(target.kind === 'goal' ? content.goals.some((g) => g.key === target.key) : content.actions.some((a) => a.key === target.key))) {
            throw new AppError(422, 'invalid_reference', undefined, [{ path: detailPath('body', 'on', 'key'), message: tr(pctx, 'Dit staat niet (meer) in het plan.', 'This is not in the plan (any more).') }]);
          }
          const comments = content.comments ?? [];
          if (comments.length >= PLAN_LIMITS.comments) throw new Conflict(tr(pctx, 'Het plan heeft al het grootste aantal opmerkingen.', 'The plan has the most comments it can hold.'));
          content.comments = [...comments, { key: randomUUID(), on: target, text: input.text, memberId: me.memberId, at: pctx.now.toISOString() }];
          summary = tr(pctx, `Opmerking van ${me.name}`, `Comment by ${me.name}`);
        } else {
          const action = content.actions.find((a) => a.key === input.actionKey);
          if (!action) throw new AppError(422, 'invalid_reference', undefined, [{ path: detailPath('body', 'actionKey'), message: tr(pctx, 'Deze actie staat niet (meer) in het plan.', 'This action is not in the plan (any more).') }]);
          if (action.status === 'done') throw new Conflict(tr(pctx, 'Deze actie is al gedaan.', 'This action is done already.'));
          action.status = 'done';
          summary = tr(pctx, `${me.name} zette een actie op gedaan`, `${me.name} marked an action done`);
        }
        const parsed = ZPlanContent.parse(content);
        const number = row.currentVersion + 1;
        await portalRepo.insertVersion(tx, { planId: row.id, familyId: me.familyId, number, memberId: me.memberId, summary: summary.slice(0, PLAN_LIMITS.summary), content: parsed, now: pctx.now });
        await planRepo.setCurrent(tx, row.id, { number, nextEvaluationOn: row.nextEvaluationOn, now: pctx.now });
        await planRepo.replaceActions(tx, me.familyId, parsed.actions);
        await planRepo.touchFamily(tx, me.familyId, pctx.now);
        await auditPortal(tx, pctx, me, { action: 'portal.plan.voice', resourceType: 'plan', details: { version: number, kind: input.kind } });
        return { version: number };
      });
    },

    /** My team: the contact person and every professional with organisation, role and since when. */
    team(ctx: RequestContext) {
      return inPortal(db, ctx, async (tx, me, pctx) => {
        const rows = await portalRepo.team(tx, me.familyId);
        await auditPortal(tx, pctx, me, { action: 'portal.team.view' });
        return rows.map((r) => ({ personId: r.personId, name: r.name, organisation: r.organisation, role: r.role, since: iso(r.since), isContact: r.isContact === true }));
      });
    },

    /** The consents about me (a parent: also about children under 12; a confidant: about their youth) and the family's overrides with their reason. */
    consents(ctx: RequestContext) {
      return inPortal(db, ctx, async (tx, me, pctx) => {
        const who = await subjects(tx, me, pctx.now);
        const rows = await portalRepo.consents(tx, me.familyId, who.see);
        const objections = me.memberId ? await portalRepo.objections(tx, me.familyId, [me.memberId]) : [];
        const team = await portalRepo.team(tx, me.familyId);
        const members = await portalRepo.members(tx, me.familyId);
        await auditPortal(tx, pctx, me, { action: 'portal.consent.view' });
        return {
          consents: rows.map((c) => {
            const state = consentState(c, pctx.now);
            return {
              id: c.id,
              kind: c.kind,
              subject: c.subjectMemberId ? { memberId: c.subjectMemberId, name: c.subjectName ?? '' } : null,
              givenBy: c.givenBy,
              organisation: c.organisation,
              person: c.person,
              scopes: c.scopes,
              validFrom: iso(c.validFrom),
              validUntil: isoOrNull(c.validUntil),
              withdrawnAt: isoOrNull(c.withdrawnAt),
              state,
              overrideBasis: c.overrideBasis,
              reason: c.reason,
              canWithdraw: c.kind === 'consent' && state !== 'withdrawn' && state !== 'ended' && c.subjectMemberId !== null && who.manage.includes(c.subjectMemberId),
            };
          }),
          objections: objections.filter((o) => o.withdrawnAt === null).map((o) => ({ id: o.id, personId: o.personId, name: o.name, createdAt: iso(o.createdAt) })),
          organisations: [...new Map(team.map((t) => [t.organisationId, { id: t.organisationId, name: t.organisation }])).values()],
          subjects: who.manage.map((id) => ({ memberId: id, name: members.find((m) => m.id === id)?.name ?? '' })),
        };
      });
    },

    /** Withdraws a consent about me (or, for a parent, a child under 12): effective on the professional's very next request. */
    withdrawConsent(ctx: RequestContext, consentId: string) {
      return inPortal(db, ctx, async (tx, me, pctx) => {
        if (!me.memberId) throw new Forbidden();
        const row = await portalRepo.lockConsent(tx, me.familyId, consentId);
        const who = await subjects(tx, me, pctx.now);
        if (!row || row.kind !== 'consent' || !row.subjectMemberId || !who.see.includes(row.subjectMemberId)) throw new NotFound();
        // A parent cannot withdraw (or give) what a youth of 12+ decides for themselves.
        if (!who.manage.includes(row.subjectMemberId)) throw new Forbidden();
        if (row.withdrawnAt) throw new Conflict(tr(pctx, 'Deze toestemming is al ingetrokken.', 'This consent was withdrawn already.'));
        await portalRepo.withdrawConsent(tx, consentId, me.memberId, pctx.now);
        await auditPortal(tx, pctx, me, { action: 'portal.consent.withdraw', resourceType: 'consent', resourceId: consentId });
        return { id: consentId };
      });
    },

    /**
     * Gives a consent: a youth of 12+ for themselves only; a parent or carer for themselves or a
     * child under 12. Nobody gives it for a youth of 12+ but the youth — so a parent can never
     * restore what the youth withdrew.
     */
    giveConsent(ctx: RequestContext, input: { subjectMemberId: string; organisationId: string; scopes: string[]; validUntil: string | null }) {
      return inPortal(db, ctx, async (tx, me, pctx) => {
        if (!me.memberId) throw new Forbidden();
        await portalRepo.lockFamily(tx, me.familyId);
        const subject = await portalRepo.memberInFamily(tx, me.familyId, input.subjectMemberId);
        if (!subject) throw new AppError(422, 'invalid_reference', undefined, [{ path: detailPath('body', 'subjectMemberId'), message: tr(pctx, 'Geen gezinslid.', 'Not a family member.') }]);
        const who = await subjects(tx, me, pctx.now);
        if (!who.manage.includes(subject.id)) throw new Forbidden(tr(pctx, `Alleen ${subject.name} zelf kan hierover beslissen.`, `Only ${subject.name} can decide this.`));
        if (!(await portalRepo.onTeamOrganisation(tx, me.familyId, input.organisationId))) {
          throw new AppError(422, 'invalid_reference', undefined, [{ path: detailPath('body', 'organisationId'), message: tr(pctx, 'Deze organisatie werkt niet (meer) met jullie gezin.', 'This organisation does not work with your family (any more).') }]);
        }
        const today = brusselsDate(pctx.now);
        if (input.validUntil && (input.validUntil < today || input.validUntil > addDays(today, 20 * 366))) {
          throw new AppError(400, 'validation_failed', undefined, [{ path: detailPath('body', 'validUntil'), message: tr(pctx, 'Kies een einddatum vanaf vandaag.', 'Choose an end date from today.') }]);
        }
        const row = await portalRepo.insertConsent(tx, {
          familyId: me.familyId,
          subjectMemberId: subject.id,
          givenByMemberId: me.memberId,
          organisationId: input.organisationId,
          scopes: [...new Set(input.scopes)],
          validFrom: pctx.now,
          validUntil: input.validUntil ? brusselsStartOfDay(addDays(input.validUntil, 1)) : null,
          now: pctx.now,
        });
        await auditPortal(tx, pctx, me, { action: 'portal.consent.give', resourceType: 'consent', resourceId: row.id, details: { organisationId: input.organisationId, scopes: input.scopes } });
        return { id: row.id };
      });
    },

    /** A youth objects to access by a named professional of the team: that person's consents no longer open the file. */
    object(ctx: RequestContext, personId: string) {
      return inPortal(db, ctx, async (tx, me, pctx) => {
        if (me.viewer !== 'youth' || !me.memberId) throw new Forbidden();
        if (!(await portalRepo.wasOnTeam(tx, me.familyId, personId))) {
          throw new AppError(422, 'invalid_reference', undefined, [{ path: detailPath('body', 'personId'), message: tr(pctx, 'Deze persoon staat niet in jullie team.', 'This person is not on your team.') }]);
        }
        const row = await portalRepo.insertObjection(tx, { familyId: me.familyId, memberId: me.memberId, personId, now: pctx.now });
        if (!row) throw new Conflict(tr(pctx, 'Je maakte al bezwaar tegen deze persoon.', 'You objected to this person already.'));
        await auditPortal(tx, pctx, me, { action: 'portal.objection', resourceType: 'portal_objection', resourceId: row.id, details: { personId } });
        return { id: row.id };
      });
    },

    /** The youth withdraws their objection: the person's consents count again. */
    withdrawObjection(ctx: RequestContext, objectionId: string) {
      return inPortal(db, ctx, async (tx, me, pctx) => {
        if (me.viewer !== 'youth' || !me.memberId) throw new Forbidden();
        const row = await portalRepo.withdrawObjection(tx, objectionId, me.memberId, pctx.now);
        if (!row) throw new NotFound();
        await auditPortal(tx, pctx, me, { action: 'portal.objection.withdraw', resourceType: 'portal_objection', resourceId: objectionId });
        return { id: objectionId };
      });
    },

    /** My confidants (a youth). */
    confidants(ctx: RequestContext) {
      return inPortal(db, ctx, async (tx, me, pctx) => {
        if (me.viewer !== 'youth' || !me.memberId) throw new Forbidden();
        const rows = await portalRepo.confidantsOf(tx, me.memberId);
        await auditPortal(tx, pctx, me, { action: 'portal.confidant.view' });
        return rows.map((r) => ({ id: r.id, name: r.name, email: r.email, createdAt: iso(r.createdAt), endedAt: isoOrNull(r.endedAt) }));
      });
    },

    /** Who opened my file: every access by a professional (who, organisation, when, what), and the overrides with their reason. */
    accessLog(ctx: RequestContext, query: { before?: number; limit: number }) {
      return inPortal(db, ctx, async (tx, me, pctx) => {
        const page = await portalRepo.accessLog(tx, me.familyId, query.before, query.limit);
        const overrides = (await portalRepo.consents(tx, me.familyId, [])).filter((c) => c.kind === 'override');
        await auditPortal(tx, pctx, me, { action: 'portal.access_log.view' });
        return {
          items: page.items.map((r) => ({
            at: r.at.toISOString(),
            who: r.who,
            organisation: r.organisation,
            action: r.action,
            what: whatOf(r.action, r.resourceType),
            viaOverride: (r.details as { viaOverride?: boolean } | null)?.viaOverride === true,
          })),
          nextCursor: page.nextCursor,
          overrides: overrides.map((o) => ({ who: o.person ?? '', organisation: o.organisation, basis: o.overrideBasis, reason: o.reason, from: iso(o.validFrom), until: isoOrNull(o.validUntil) })),
        };
      });
    },

    /**
     * The team's view of what the family said through the portal (families module, the plan page):
     * behind the family's consent gate (`readPlan`, as the plan itself), audited as a read.
     */
    contributionsForTeam(ctx: RequestContext, familyId: string) {
      return inFamily(db, ctx, familyId, 'readPlan', async (tx, facts, fctx) => {
        const row = await portalRepo.plan(tx, familyId);
        const current = await currentVersion(tx, familyId, row?.currentVersion ?? 0);
        const members = await portalRepo.members(tx, familyId);
        const memberName = (id: string) => members.find((m) => m.id === id)?.name ?? '';
        const content = current.content;
        const objections = await portalRepo.standingObjections(tx, familyId);
        const versions = await portalRepo.familyVersions(tx, familyId, PORTAL_CONTRIBUTIONS_LIMIT);
        await auditFamily(tx, fctx, facts, { action: 'portal.contributions.view', resourceType: 'plan', details: { version: current.number } });
        return {
          objections: objections.map((o) => ({ id: o.id, member: o.member, personId: o.personId, person: o.person, createdAt: iso(o.createdAt) })),
          comments: (content.comments ?? []).map((c) => ({
            key: c.key,
            on: c.on ? { kind: c.on.kind, key: c.on.key, text: (c.on.kind === 'goal' ? content.goals.find((g) => g.key === c.on?.key)?.text : content.actions.find((a) => a.key === c.on?.key)?.what) ?? null } : null,
            text: c.text,
            member: memberName(c.memberId),
            at: c.at,
          })),
          versions: versions.map((v) => ({ number: v.number, summary: v.summary, createdAt: iso(v.createdAt), member: v.member })),
          agreement: row?.familyAgreedVersion && row.familyAgreedAt ? { version: row.familyAgreedVersion, at: iso(row.familyAgreedAt) } : null,
        };
      });
    },

    /** My data: everything Samenplan holds about me, without what the law keeps from me (filtered in the queries). */
    exportMine(ctx: RequestContext) {
      return inPortal(db, ctx, async (tx, me, pctx) => exportOf(tx, me, pctx, 'json'));
    },

    /**
     * My data as a readable document (PDF): built from the very same export (so the same
     * filtering), with names for the plan's ids. Audited `portal.export` with format `pdf`.
     */
    async exportDocument(ctx: RequestContext) {
      const { data, names, lang, day } = await inPortal(db, ctx, async (tx, me, pctx) => ({
        data: await exportOf(tx, me, pctx, 'pdf'),
        names: await portalRepo.names(tx, me.familyId),
        lang: pctx.lang,
        day: brusselsDate(pctx.now),
      }));
      const pdf = await readableDocumentPdf(portalExportDocument(data, names, lang));
      return { fileName: `samenplan-mijn-gegevens-${day}.pdf`, pdf };
    },
  };

  async function exportOf(tx: Tx, me: PortalViewer, pctx: PortalContext, format: 'json' | 'pdf') {
    const who = await subjects(tx, me, pctx.now);
    const memberIds = me.memberId ? [me.memberId] : [];
    const members = await portalRepo.members(tx, me.familyId);
    const self = me.memberId ? members.find((m) => m.id === me.memberId) : undefined;
    const row = await portalRepo.plan(tx, me.familyId);
    const current = await currentVersion(tx, me.familyId, row?.currentVersion ?? 0);
    const consents = await portalRepo.consents(tx, me.familyId, who.see);
    const mine = consents.filter((c) => c.kind === 'override' || (c.subjectMemberId && who.see.includes(c.subjectMemberId)) || (me.memberId && c.givenByMemberId === me.memberId));
    const journal = await portalRepo.journal(tx, me.familyId, me);
    const waits = await waitsOf(tx, me);
    const ateliers = await portalRepo.ateliers(tx, me.familyId, me);
    const commitments = await portalRepo.commitments(tx, ateliers.map((a) => a.id));
    const access = await portalRepo.accessLog(tx, me.familyId, undefined, 10_000);
    const data = {
      exportedAt: pctx.now.toISOString(),
      me: {
        viewer: me.viewer,
        name: me.name,
        email: pctx.actor.email,
        memberId: me.memberId,
        role: self?.role ?? 'confidant',
        birthDate: self?.birthDate ?? null,
        confidantOf: me.confidantOf,
      },
      family: { id: me.familyId, name: me.familyName, members: members.map((m) => ({ id: m.id, name: m.name, role: m.role })) },
      consents: mine.map((c) => ({
        id: c.id, kind: c.kind, subjectMemberId: c.subjectMemberId, givenByMemberId: c.givenByMemberId, organisation: c.organisation, person: c.person,
        scopes: c.scopes, validFrom: iso(c.validFrom), validUntil: isoOrNull(c.validUntil), withdrawnAt: isoOrNull(c.withdrawnAt), overrideBasis: c.overrideBasis, reason: c.reason,
      })),
      objections: (await portalRepo.objections(tx, me.familyId, memberIds)).map((o) => ({ id: o.id, person: o.name, createdAt: iso(o.createdAt), withdrawnAt: isoOrNull(o.withdrawnAt) })),
      confidants: me.memberId && me.viewer === 'youth' ? (await portalRepo.confidantsOf(tx, me.memberId)).map((c) => ({ id: c.id, name: c.name, email: c.email, createdAt: iso(c.createdAt), endedAt: isoOrNull(c.endedAt) })) : [],
      plan: {
        current,
        myVersions: me.memberId ? (await portalRepo.versionsBy(tx, me.memberId)).map((v) => ({ number: v.number, summary: v.summary, createdAt: iso(v.createdAt) })) : [],
      },
      journal: journal.map((j) => ({ id: j.id, at: iso(j.at), author: j.author, organisation: j.organisation, body: j.body })),
      waits,
      ateliers: ateliers.map((a) => ({ id: a.id, heldOn: a.heldOn, participants: a.participants, ideas: a.ideas, commitments: commitments.filter((c) => c.atelierId === a.id).map(({ atelierId: _a, ...c }) => c) })),
      accessLog: access.items.map((r) => ({ at: r.at.toISOString(), who: r.who, organisation: r.organisation, action: r.action, resourceType: r.resourceType })),
    };
    await auditPortal(tx, pctx, me, { action: 'portal.export', details: { format, journal: journal.length, waits: waits.length, ateliers: ateliers.length } });
    return data;
  }
}
