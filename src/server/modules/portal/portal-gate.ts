import type { Db, Tx } from '../../db/client.js';
import { requirePortalContext, type PortalContext, type RequestContext } from '../../platform/context.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { brusselsDate } from '../../platform/clock.js';
import { Forbidden } from '../../platform/errors.js';
import type { TDisclosure } from '../../../shared/schemas/families/enums.js';
import { PORTAL_VISIBLE_DISCLOSURES, type TPortalAbilities, type TPortalViewer } from '../../../shared/schemas/portal.js';
import { ageOn } from '../families/care-common.js';
import { SELF_CONSENT_AGE } from '../families/family.service.js';
import { portalRepo } from './portal.repo.js';

/** Who the portal login is in their family, decided afresh on every request (a member who left, or a confidant whose designation ended, has nothing). */
export interface PortalViewer {
  accountId: string;
  familyId: string;
  familyName: string;
  familyOpen: boolean;
  viewer: TPortalViewer;
  name: string;
  /** The family member behind the login (null for a confidant). */
  memberId: string | null;
  /** For a confidant: the youth they stand by. */
  confidantOf: { memberId: string; name: string } | null;
  /** The disclosure classes this viewer may see: everything else is left out in the queries. */
  visible: readonly TDisclosure[];
  /**
   * Whose `youth_own` items the viewer sees: the youth themself, or the youth a confidant stands by;
   * null for everyone else (a parent, or a sibling's own items are not theirs).
   */
  ownYouthId: string | null;
}

/**
 * Loads the viewer of a portal session. A child under 12 has no portal access of their own (the
 * parents act for them), so a login of one is refused, as is a login that no longer opens anything.
 */
export async function loadViewer(tx: Tx | Db, ctx: PortalContext): Promise<PortalViewer> {
  const accountId = ctx.actor.accountId;
  const today = brusselsDate(ctx.now);
  const member = await portalRepo.memberOfAccount(tx, accountId);
  if (member) {
    let viewer: TPortalViewer;
    if (member.role === 'child') {
      if (!member.birthDate || ageOn(member.birthDate, today) < SELF_CONSENT_AGE) throw new Forbidden();
      viewer = 'youth';
    } else viewer = member.role === 'other' ? 'other' : 'parent';
    return {
      accountId,
      familyId: member.familyId,
      familyName: member.familyName,
      familyOpen: member.familyStatus === 'open',
      viewer,
      name: member.name,
      memberId: member.memberId,
      confidantOf: null,
      visible: PORTAL_VISIBLE_DISCLOSURES[viewer],
      ownYouthId: viewer === 'youth' ? member.memberId : null,
    };
  }
  const confidant = await portalRepo.confidantOfAccount(tx, accountId);
  if (confidant) {
    return {
      accountId,
      familyId: confidant.familyId,
      familyName: confidant.familyName,
      familyOpen: confidant.familyStatus === 'open',
      viewer: 'confidant',
      name: confidant.name,
      memberId: null,
      confidantOf: { memberId: confidant.youthMemberId, name: confidant.youthName },
      visible: PORTAL_VISIBLE_DISCLOSURES.confidant,
      ownYouthId: confidant.youthMemberId,
    };
  }
  throw new Forbidden();
}

/** What the viewer may do in the portal (sent with every answer, so the screens show only what works). */
export function portalAbilities(v: PortalViewer): TPortalAbilities {
  const member = v.memberId !== null;
  return {
    addVoice: member && v.familyOpen,
    manageConsent: member,
    object: v.viewer === 'youth',
    designateConfidant: v.viewer === 'youth',
  };
}

/**
 * Every portal use case runs here — transaction first: the portal session, the viewer loaded in
 * the transaction (a withdrawn link ends access on the next request), then the work.
 */
export function inPortal<T>(db: Db, ctx: RequestContext, work: (tx: Tx, me: PortalViewer, pctx: PortalContext) => Promise<T>): Promise<T> {
  const pctx = requirePortalContext(ctx);
  return db.transaction(async (tx) => work(tx, await loadViewer(tx, pctx), pctx));
}

/** The audit row of a portal read or change: the family account as actor, the family, what. */
export function auditPortal(tx: Tx, ctx: PortalContext, me: PortalViewer, entry: { action: string; resourceType?: string; resourceId?: string; details?: Record<string, unknown> }) {
  return recordAudit(tx, {
    action: entry.action,
    resourceType: entry.resourceType ?? 'family',
    resourceId: entry.resourceId ?? me.familyId,
    familyId: me.familyId,
    actorAccountId: ctx.actor.accountId,
    actorPersonId: null,
    ip: ctx.ip,
    outcome: 'success',
    details: { viewer: me.viewer, ...(entry.details ?? {}) },
  });
}
