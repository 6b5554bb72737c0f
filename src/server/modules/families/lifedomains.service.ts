import type { Db, DbOrTx, Tx } from '../../db/client.js';
import type { FullContext } from '../../platform/context.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { auditActor } from '../../platform/audit/actor.js';
import { AppError, Invalid, NotFound, detailPath } from '../../platform/errors.js';
import type { TLifeDomainAdmin } from '../../../shared/schemas/families/lifedomains.js';
import { lifeDomainsRepo } from './lifedomains.repo.js';

/**
 * The platform admin's life-domain list: create, rename (nl/en), retire and bring back, order, and
 * delete while nothing refers to it. Every change is audited in its own transaction; the list is
 * locked first, so two admins' changes follow each other. Requests and plans check new domains
 * against the active ones (requests.service.ts, plan.service.ts).
 */
export function createLifeDomainsService(db: Db) {
  async function list(tx: DbOrTx): Promise<TLifeDomainAdmin[]> {
    const used = await lifeDomainsRepo.codesInUse(tx);
    return (await lifeDomainsRepo.all(tx)).map((d) => ({ ...d, inUse: used.has(d.code) }));
  }

  async function one(tx: DbOrTx, code: string) {
    const row = await lifeDomainsRepo.one(tx, code);
    if (!row) throw new NotFound();
    return { data: { ...row, inUse: await lifeDomainsRepo.inUse(tx, code) } };
  }

  function audit(tx: Tx, ctx: FullContext, action: string, code: string | null, details?: Record<string, unknown>) {
    return recordAudit(tx, { ...auditActor(ctx), action, resourceType: 'life_domain', resourceId: code, outcome: 'success', details: details ?? null });
  }

  return {
    async list() {
      return { data: await list(db) };
    },

    create(ctx: FullContext, input: { code: string; nameNl: string; nameEn: string }) {
      return db.transaction(async (tx) => {
        await lifeDomainsRepo.lockAll(tx);
        await lifeDomainsRepo.insert(tx, input);
        await audit(tx, ctx, 'life_domain.create', input.code);
        return one(tx, input.code);
      });
    },

    update(ctx: FullContext, code: string, input: { nameNl?: string | undefined; nameEn?: string | undefined; active?: boolean | undefined }) {
      return db.transaction(async (tx) => {
        await lifeDomainsRepo.lockAll(tx);
        const current = await lifeDomainsRepo.lock(tx, code);
        if (!current) throw new NotFound();
        const values = {
          ...(input.nameNl !== undefined ? { nameNl: input.nameNl } : {}),
          ...(input.nameEn !== undefined ? { nameEn: input.nameEn } : {}),
          ...(input.active !== undefined ? { active: input.active } : {}),
        };
        await lifeDomainsRepo.update(tx, code, values);
        const details: Record<string, unknown> = { fields: Object.keys(values) };
        if (input.active !== undefined && input.active !== current.active) details.active = input.active;
        await audit(tx, ctx, 'life_domain.update', code, details);
        return one(tx, code);
      });
    },

    /** A new order: every code exactly once; anything else is a 400 and changes nothing. */
    reorder(ctx: FullContext, codes: string[]) {
      return db.transaction(async (tx) => {
        const existing = (await lifeDomainsRepo.lockAll(tx)).map((d) => d.code);
        const given = new Set(codes);
        const missing = existing.filter((c) => !given.has(c));
        const unknown = codes.filter((c) => !existing.includes(c));
        if (given.size !== codes.length || missing.length || unknown.length) {
          const problems = [
            given.size !== codes.length ? 'a code appears twice' : null,
            missing.length ? `missing: ${missing.join(', ')}` : null,
            unknown.length ? `unknown: ${unknown.join(', ')}` : null,
          ].filter(Boolean);
          throw new Invalid('Give every life domain exactly once', [{ path: detailPath('body', 'codes'), message: problems.join('; ') }]);
        }
        for (const [i, code] of codes.entries()) await lifeDomainsRepo.update(tx, code, { position: i + 1 });
        await audit(tx, ctx, 'life_domain.reorder', null, { codes });
        return { data: await list(tx) };
      });
    },

    /** Deletes a domain nothing refers to; one in use is refused (409 in_use): retire it instead. */
    remove(ctx: FullContext, code: string) {
      return db.transaction(async (tx) => {
        await lifeDomainsRepo.lockAll(tx);
        if (!(await lifeDomainsRepo.lock(tx, code))) throw new NotFound();
        if (await lifeDomainsRepo.inUse(tx, code)) {
          throw new AppError(409, 'in_use', 'Requests or plans use this life domain: it cannot be deleted. Make it inactive instead.');
        }
        await lifeDomainsRepo.remove(tx, code);
        await audit(tx, ctx, 'life_domain.delete', code);
        return { data: await list(tx) };
      });
    },
  };
}
