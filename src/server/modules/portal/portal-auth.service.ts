import { randomInt } from 'node:crypto';
import type { Db, Tx } from '../../db/client.js';
import type { RequestContext } from '../../platform/context.js';
import { AppError, Conflict, NotFound, TooManyRequests, detailPath } from '../../platform/errors.js';
import { recordAudit, recordAuditAlone } from '../../platform/audit/audit.js';
import { brusselsDate } from '../../platform/clock.js';
import { tr } from '../../platform/i18n.js';
import { LIMITS, forgiveAttempt, takeAttempts, type ThrottleLimit } from '../../platform/auth/throttle.js';
import { sessionRepo } from '../../platform/auth/session.repo.js';
import { randomToken, safeEqual, sha256 } from '../../platform/auth/tokens.js';
import type { Mailer } from '../../platform/mail/mailer.js';
import { ageOn } from '../families/care-common.js';
import { SELF_CONSENT_AGE } from '../families/family.service.js';
import { auditFamily, inFamily } from '../families/family-gate.js';
import { auditPortal, inPortal } from './portal-gate.js';
import { portalRepo } from './portal.repo.js';
import { PORTAL_CODE_REQUESTS_PER_HOUR, PORTAL_CODE_TTL_MINUTES } from '../../../shared/schemas/portal.js';

/** A login code and link live 15 minutes and work once. */
export const PORTAL_CODE_TTL_MS = PORTAL_CODE_TTL_MINUTES * 60_000;
/** Wrong codes tried against one code before it is spent. */
export const PORTAL_CODE_MAX_FAILURES = 5;
/** A portal session lasts at most 8 hours (30 minutes idle, as every session). */
export const PORTAL_SESSION_MS = 8 * 60 * 60_000;

/** Asking for codes: per e-mail address (no flooding someone's inbox) and per address. */
export const PORTAL_LIMITS = {
  codePerEmail: { maxFailures: PORTAL_CODE_REQUESTS_PER_HOUR, windowMs: 60 * 60_000, lockMs: 60 * 60_000 },
  codePerIp: LIMITS.ip,
  loginPerEmail: LIMITS.account,
  loginPerIp: LIMITS.ip,
} satisfies Record<string, ThrottleLimit>;

const codeHash = (accountId: string, code: string) => sha256(`portal-code:${accountId}:${code}`);

const LOGIN_MAIL: Record<'nl' | 'en', (code: string, link: string) => { subject: string; body: string }> = {
  nl: (code, link) => ({
    subject: `Je code voor Samenplan: ${code}`,
    body: `Hallo,\n\nJe code om in te loggen op Samenplan is:\n\n${code}\n\nOf klik op deze link:\n${link}\n\nDe code en de link werken één keer en zijn ${PORTAL_CODE_TTL_MINUTES} minuten geldig.\n\nVroeg je niets? Dan hoef je niets te doen.\n`,
  }),
  en: (code, link) => ({
    subject: `Your Samenplan code: ${code}`,
    body: `Hello,\n\nYour code to log in to Samenplan is:\n\n${code}\n\nOr click this link:\n${link}\n\nThe code and the link work once and for ${PORTAL_CODE_TTL_MINUTES} minutes.\n\nDid you not ask? Then do nothing.\n`,
  }),
};

const INVITE_MAIL: Record<'nl' | 'en', (link: string) => { subject: string; body: string }> = {
  nl: (link) => ({
    subject: 'Je bent uitgenodigd voor Samenplan',
    body: `Hallo,\n\nJe kan nu zelf jullie plan lezen en mee schrijven op Samenplan.\nJe hebt geen wachtwoord nodig: vul je e-mailadres in op\n${link}\nen je krijgt een code per mail.\n`,
  }),
  en: (link) => ({
    subject: 'You are invited to Samenplan',
    body: `Hello,\n\nYou can now read and help write your plan on Samenplan.\nNo password needed: enter your e-mail address at\n${link}\nand you get a code by mail.\n`,
  }),
};

/**
 * Access for family members and confidants without a password: an invitation by the team, then a
 * one-time 6-digit code and magic link by e-mail (single use, 15 minutes, stored hashed,
 * throttled per e-mail and per address; the same answer whether the address is known or not),
 * then a portal session (session level 'portal', actor kind 'family').
 */
export function createPortalAuthService(db: Db, mailer: Mailer, baseUrl: string) {
  const portalUrl = `${baseUrl}/portaal`;

  async function send(message: { to: string; subject: string; text: string }) {
    try {
      await mailer.send(message);
    } catch {
      // Said nothing to the caller on purpose: the mail log has the failure.
    }
  }

  /** A family login for this address: the existing one (if it is a family login) or a new one. */
  async function familyAccount(tx: Tx, ctx: { lang: 'nl' | 'en'; now: Date }, email: string) {
    const existing = await portalRepo.accountByEmail(tx, email);
    if (!existing) return portalRepo.createFamilyAccount(tx, email, ctx.now);
    if (existing.kind !== 'family') {
      throw new Conflict(tr(ctx, 'Dit e-mailadres hoort bij een account van een hulpverlener. Gebruik een ander adres.', 'This address belongs to a professional’s account. Use another address.'));
    }
    return existing.id;
  }

  /** Starts a portal session for a login (any earlier session of this browser ends). */
  async function startSession(tx: Tx, ctx: RequestContext, accountId: string, method: 'code' | 'link') {
    if (ctx.actor) await sessionRepo.revoke(tx, ctx.actor.sessionId, ctx.now);
    const session = await sessionRepo.create(tx, {
      accountId, level: 'portal', ip: ctx.ip, userAgent: ctx.userAgent, now: ctx.now, expiresAt: new Date(ctx.now.getTime() + PORTAL_SESSION_MS),
    });
    await recordAudit(tx, { action: 'portal.login', resourceType: 'account', resourceId: accountId, actorAccountId: accountId, ip: ctx.ip, outcome: 'success', reason: method });
    return session;
  }

  return {
    /**
     * The contact person (or a team member who may edit the plan) invites a family member: a youth
     * of 12 or older, a parent or carer, another member — never a child under 12 (the parents act
     * for them). The member is linked to a family login for the address.
     */
    invite(ctx: RequestContext, familyId: string, memberId: string, email: string) {
      return inFamily(db, ctx, familyId, 'editMembers', async (tx, facts, full) => {
        const member = await portalRepo.memberInFamily(tx, familyId, memberId);
        if (!member) throw new NotFound();
        if (member.role === 'child' && (!member.birthDate || ageOn(member.birthDate, brusselsDate(full.now)) < SELF_CONSENT_AGE)) {
          throw new AppError(422, 'invalid_reference', undefined, [
            { path: detailPath('params', 'memberId'), message: tr(full, 'Een kind jonger dan 12 krijgt geen eigen toegang: de ouders volgen het plan op.', 'A child under 12 gets no access of their own: the parents follow the plan.') },
          ]);
        }
        if (member.accountId) throw new Conflict(tr(full, 'Dit gezinslid heeft al toegang.', 'This member has access already.'));
        const accountId = await familyAccount(tx, full, email);
        if (await portalRepo.accountMember(tx, accountId)) {
          throw new Conflict(tr(full, 'Dit e-mailadres wordt al gebruikt door een ander gezinslid.', 'This address is used by another family member already.'));
        }
        await portalRepo.linkMember(tx, memberId, accountId, full.now);
        await auditFamily(tx, full, facts, { action: 'portal.invite', resourceType: 'family_member', resourceId: memberId, details: { accountId } });
        const text = INVITE_MAIL[ctx.lang](portalUrl);
        return { memberId, accountId, email, text };
      }).then(async (r) => {
        await send({ to: r.email, subject: r.text.subject, text: r.text.body });
        return { memberId: r.memberId, accountId: r.accountId, email: r.email };
      });
    },

    /** A youth of 12+ designates a confidant: an adult not involved in the care, who gets their own login. */
    designateConfidant(ctx: RequestContext, input: { name: string; email: string }) {
      return inPortal(db, ctx, async (tx, me, pctx) => {
        if (me.viewer !== 'youth' || !me.memberId) throw new AppError(403, 'forbidden');
        await portalRepo.lockFamily(tx, me.familyId);
        const accountId = await familyAccount(tx, pctx, input.email);
        if (accountId === me.accountId || (await portalRepo.accountMember(tx, accountId))) {
          throw new AppError(422, 'invalid_reference', undefined, [
            { path: detailPath('body', 'email'), message: tr(pctx, 'Een vertrouwenspersoon is een volwassene buiten het gezin en buiten de hulpverlening.', 'A confidant is an adult outside the family and outside the care.') },
          ]);
        }
        const existing = await portalRepo.confidantOfAccount(tx, accountId);
        if (existing) throw new Conflict(tr(pctx, 'Deze persoon is al vertrouwenspersoon.', 'This person is a confidant already.'));
        const row = await portalRepo.insertConfidant(tx, { familyId: me.familyId, youthMemberId: me.memberId, name: input.name, accountId, now: pctx.now });
        await auditPortal(tx, pctx, me, { action: 'portal.confidant.designate', resourceType: 'portal_confidant', resourceId: row.id });
        return { id: row.id, name: row.name, email: input.email, createdAt: row.createdAt.toISOString(), endedAt: null };
      }).then(async (r) => {
        const text = INVITE_MAIL[ctx.lang](portalUrl);
        await send({ to: r.email, subject: text.subject, text: text.body });
        return r;
      });
    },

    /** The youth ends a confidant's access (at once). */
    endConfidant(ctx: RequestContext, confidantId: string) {
      return inPortal(db, ctx, async (tx, me, pctx) => {
        if (me.viewer !== 'youth' || !me.memberId) throw new AppError(403, 'forbidden');
        const ended = await portalRepo.endConfidant(tx, confidantId, me.memberId, pctx.now);
        if (!ended) throw new NotFound();
        await sessionRepo.revokeAll(tx, ended.accountId, pctx.now);
        await auditPortal(tx, pctx, me, { action: 'portal.confidant.end', resourceType: 'portal_confidant', resourceId: confidantId });
        return { ok: true as const };
      });
    },

    /** Mails a code and link when the address has a family login that opens something; says nothing either way. */
    async requestCode(ctx: RequestContext, email: string) {
      const { now } = ctx;
      // Every request counts, so the mail cannot be used to flood someone's inbox.
      const wait = await takeAttempts(db, [[`portal-code:ip:${ctx.ip}`, PORTAL_LIMITS.codePerIp], [`portal-code:email:${email}`, PORTAL_LIMITS.codePerEmail]], now);
      if (wait > 0) throw new TooManyRequests(wait);
      const acct = await portalRepo.accountByEmail(db, email);
      const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
      const link = randomToken();
      const sent = await db.transaction(async (tx) => {
        const usable = acct !== undefined && acct.kind === 'family' && acct.status === 'active' && (await portalRepo.accountIsLinked(tx, acct.id));
        await recordAudit(tx, {
          action: 'portal.login_code', resourceType: 'account', resourceId: acct?.id ?? null, actorLabel: email, ip: ctx.ip,
          outcome: usable ? 'success' : 'failed', reason: usable ? null : 'no_usable_account',
        });
        if (!usable) return false;
        await portalRepo.spendCodes(tx, acct.id, now);
        await portalRepo.insertLoginCode(tx, { accountId: acct.id, codeHash: codeHash(acct.id, code), linkHash: sha256(link), expiresAt: new Date(now.getTime() + PORTAL_CODE_TTL_MS), now });
        return true;
      });
      if (!sent || !acct) return;
      const text = LOGIN_MAIL[ctx.lang](code, `${portalUrl}#${link}`);
      await send({ to: acct.email, subject: text.subject, text: text.body });
    },

    /** Logs in with the 6-digit code: single use, 15 minutes, at most 5 wrong tries per code; throttled per e-mail and address. */
    async loginWithCode(ctx: RequestContext, email: string, code: string) {
      const { now } = ctx;
      const keys: [string, ThrottleLimit][] = [[`portal-login:ip:${ctx.ip}`, PORTAL_LIMITS.loginPerIp], [`portal-login:email:${email}`, PORTAL_LIMITS.loginPerEmail]];
      const wait = await takeAttempts(db, keys, now);
      if (wait > 0) {
        await recordAuditAlone(db, { action: 'portal.login', resourceType: 'account', actorLabel: email, ip: ctx.ip, outcome: 'denied', reason: 'throttled' });
        throw new TooManyRequests(wait);
      }
      const acct = await portalRepo.accountByEmail(db, email);
      const result = await db.transaction(async (tx) => {
        if (!acct || acct.kind !== 'family' || acct.status !== 'active') return { ok: false as const, reason: 'unknown_account' };
        const live = await portalRepo.liveCode(tx, acct.id, now);
        if (!live) return { ok: false as const, reason: 'no_live_code' };
        if (!safeEqual(live.codeHash, codeHash(acct.id, code))) {
          await portalRepo.countFailure(tx, live.id, live.failures + 1 >= PORTAL_CODE_MAX_FAILURES, now);
          return { ok: false as const, reason: 'wrong_code' };
        }
        if (!(await portalRepo.accountIsLinked(tx, acct.id))) return { ok: false as const, reason: 'not_linked' };
        await portalRepo.markCodeUsed(tx, live.id, now);
        for (const [key] of keys) await forgiveAttempt(tx, key, now);
        return { ok: true as const, session: await startSession(tx, ctx, acct.id, 'code') };
      });
      if (result.ok) return result.session;
      await recordAuditAlone(db, { action: 'portal.login', resourceType: 'account', resourceId: acct?.id ?? null, actorLabel: email, ip: ctx.ip, outcome: 'failed', reason: result.reason });
      throw new AppError(401, 'invalid_credentials', tr(ctx, 'Deze code klopt niet of is niet meer geldig. Vraag een nieuwe code.', 'This code is wrong or no longer valid. Ask for a new code.')).alreadyAudited();
    },

    /** Logs in with the magic link's token (single use, 15 minutes). */
    async loginWithLink(ctx: RequestContext, token: string) {
      const { now } = ctx;
      const key = `portal-link:ip:${ctx.ip}`;
      const wait = await takeAttempts(db, [[key, PORTAL_LIMITS.loginPerIp]], now);
      if (wait > 0) throw new TooManyRequests(wait);
      const session = await db.transaction(async (tx) => {
        const accountId = await portalRepo.consumeLink(tx, sha256(token), now);
        if (!accountId || !(await portalRepo.accountIsLinked(tx, accountId))) return null;
        await forgiveAttempt(tx, key, now);
        return startSession(tx, ctx, accountId, 'link');
      });
      if (session) return session;
      await recordAuditAlone(db, { action: 'portal.login', resourceType: 'account', ip: ctx.ip, outcome: 'failed', reason: 'invalid_link' });
      throw new AppError(401, 'invalid_credentials', tr(ctx, 'Deze link werkt niet (meer). Vraag een nieuwe code.', 'This link does not work (any more). Ask for a new code.')).alreadyAudited();
    },
  };
}
