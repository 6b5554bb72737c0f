import type { Db, DbOrTx } from '../../db/client.js';
import type { FullContext, RequestContext } from '../../platform/context.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { auditActor } from '../../platform/audit/actor.js';
import { checkAttachment } from '../../platform/attachments.js';
import { Conflict, Invalid, NotFound, VersionConflict, detailPath } from '../../platform/errors.js';
import { tr } from '../../platform/i18n.js';
import { boundLimit } from '../../db/paging.js';
import type {
  TPracticeAttachmentUpload,
  TPracticeCreate,
  TPracticeDetail,
  TPracticeListQuery,
  TPracticeStatus,
  TPracticeUpdate,
} from '../../../shared/schemas/learning-practices.js';
import { tsqueryOf, wordsOf } from '../directory/public.service.js';
import { mayPropose, practicePolicy, type PracticeFacts } from './practices.policy.js';
import { practicesRepo, type PracticeValues } from './practices.repo.js';
import { toolkitRepo } from './toolkit.repo.js';

const invalid = (field: string, message: string) => new Invalid(message, [{ path: detailPath('body', field), message }]);

/**
 * The good practices library: propose (draft), change, publish and withdraw described
 * collaborations, with attachments. Transaction first, audited in the same transaction. The search
 * uses the directory's Dutch text search configuration (accents folded, stems, singulars of plurals).
 */
export function createPracticesService(db: Db) {
  async function sectorNames(tx: DbOrTx, ctx: FullContext) {
    const rows = await practicesRepo.sectors(tx);
    return new Map(rows.map((s) => [s.code, ctx.lang === 'nl' ? s.nameNl : s.nameEn]));
  }

  const factsOf = (row: { id: string; status: string; authorOrganisationId: string | null }): PracticeFacts => ({
    id: row.id,
    status: row.status as TPracticeStatus,
    authorOrganisationId: row.authorOrganisationId,
  });

  async function authorized(tx: DbOrTx, ctx: RequestContext, id: string, action: 'view' | 'update' | 'publish' | 'withdraw', lock: boolean) {
    const row = await practicesRepo.one(tx, id, lock);
    if (!row) throw new NotFound();
    const facts = factsOf(row);
    practicePolicy.authorize(ctx, action, facts);
    return { row, facts, full: ctx };
  }

  async function detail(tx: DbOrTx, ctx: FullContext, id: string) {
    const row = await practicesRepo.one(tx, id);
    if (!row) throw new NotFound();
    const names = await sectorNames(tx, ctx);
    const organisations = (await practicesRepo.organisations(tx, [id])).get(id) ?? [];
    const data: TPracticeDetail = {
      id: row.id,
      title: row.title,
      summary: row.summary,
      status: row.status as TPracticeStatus,
      sectors: row.sectorCodes.map((code) => ({ code, name: names.get(code) ?? code })),
      organisations,
      authorOrganisationId: row.authorOrganisationId,
      authorOrganisationName: row.authorOrganisationName,
      publishedAt: row.publishedAt?.toISOString() ?? null,
      updatedAt: row.updatedAt.toISOString(),
      version: row.version,
      goals: row.goals,
      addedValue: row.addedValue,
      bottlenecks: row.bottlenecks,
      contacts: row.contacts,
      createdByName: row.createdByName,
      attachments: await practicesRepo.attachments(tx, id),
    };
    return { data, abilities: practicePolicy.abilitiesOf(ctx, factsOf(row)) };
  }

  /** Sector codes must be known, organisations must exist (400 on the field otherwise). */
  async function checkReferences(tx: DbOrTx, ctx: FullContext, input: { sectorCodes?: string[] | undefined; organisationIds?: string[] | undefined }) {
    if (input.sectorCodes?.length) {
      const known = await sectorNames(tx, ctx);
      if (input.sectorCodes.some((c) => !known.has(c))) throw invalid('sectorCodes', tr(ctx, 'Een van de gekozen sectoren bestaat niet.', 'One of the chosen sectors does not exist.'));
    }
    if (input.organisationIds?.length) {
      const found = await practicesRepo.existingOrganisations(tx, input.organisationIds);
      if (found.length !== input.organisationIds.length) throw invalid('organisationIds', tr(ctx, 'Een van de gekozen organisaties bestaat niet.', 'One of the chosen organisations does not exist.'));
    }
  }

  async function changeStatus(ctx: RequestContext, id: string, version: number, to: 'published' | 'withdrawn') {
    return db.transaction(async (tx) => {
      const action = to === 'published' ? 'publish' : 'withdraw';
      const { row, facts, full } = await authorized(tx, ctx, id, 'view', true);
      // Who may do this at all (403), then a stale copy (409), then a step the status no longer
      // allows (409: two coordinators publishing at once — the second is told it is done).
      practicePolicy.authorize(full, action, { ...facts, status: to === 'published' ? 'draft' : 'published' });
      if (row.version !== version) throw new VersionConflict();
      if (row.status === to) {
        throw new Conflict(to === 'published' ? tr(full, 'Deze praktijk is al gepubliceerd.', 'This practice is already published.') : tr(full, 'Deze praktijk is al ingetrokken.', 'This practice is already withdrawn.'));
      }
      const values = to === 'published' ? { status: to, publishedAt: full.now, publishedBy: full.actor.personId } : { status: to };
      if (!(await practicesRepo.update(tx, id, version, values, full.now))) throw new VersionConflict();
      await recordAudit(tx, {
        ...auditActor(full), action: to === 'published' ? 'learning.practice.publish' : 'learning.practice.withdraw',
        resourceType: 'learning_practice', resourceId: id, outcome: 'success', details: { from: row.status },
      });
      return detail(tx, full, id);
    });
  }

  return {
    async sectors(ctx: FullContext) {
      const rows = await practicesRepo.sectors(db);
      return { data: rows.map((s) => ({ code: s.code, name: ctx.lang === 'nl' ? s.nameNl : s.nameEn })) };
    },

    /** Organisations to choose the involved ones from, by name (at most 50). */
    async organisationOptions(q: string | undefined) {
      return { data: await toolkitRepo.organisationOptions(db, q) };
    },

    async list(ctx: FullContext, query: TPracticeListQuery) {
      const words = wordsOf(query.q);
      const tsquery = words ? tsqueryOf(words) : null;
      if (words && !tsquery) return { data: { items: [], nextCursor: null }, abilities: {}, propose: mayPropose(ctx.actor) };
      const page = await practicesRepo.page(db, { scope: practicePolicy.scope(ctx), tsquery, sector: query.sector, status: query.status, cursor: query.cursor, limit: boundLimit(query.limit, 20) });
      const names = await sectorNames(db, ctx);
      const organisations = await practicesRepo.organisations(db, page.items.map((p) => p.id));
      const items = page.items.map((r) => ({
        id: r.id,
        title: r.title,
        summary: r.summary,
        status: r.status as TPracticeStatus,
        sectors: r.sectorCodes.map((code) => ({ code, name: names.get(code) ?? code })),
        organisations: organisations.get(r.id) ?? [],
        authorOrganisationId: r.authorOrganisationId,
        authorOrganisationName: r.authorOrganisationName,
        publishedAt: r.publishedAt?.toISOString() ?? null,
        updatedAt: r.updatedAt.toISOString(),
        version: r.version,
      }));
      return { data: { items, nextCursor: page.nextCursor }, abilities: practicePolicy.abilitiesById(ctx, page.items.map(factsOf)), propose: mayPropose(ctx.actor) };
    },

    async get(ctx: RequestContext, id: string) {
      const { full } = await authorized(db, ctx, id, 'view', false);
      return detail(db, full, id);
    },

    /** A new draft, of the caller's (first) organisation. */
    async create(ctx: FullContext, input: TPracticeCreate) {
      return db.transaction(async (tx) => {
        await checkReferences(tx, ctx, input);
        const { organisationIds, ...values } = input;
        const authorOrganisationId = ctx.actor.memberships[0]?.organisationId ?? null;
        const id = await practicesRepo.insert(tx, { ...values, authorOrganisationId }, ctx.actor.personId, ctx.now);
        await practicesRepo.setOrganisations(tx, id, organisationIds);
        await recordAudit(tx, {
          ...auditActor(ctx), action: 'learning.practice.create', resourceType: 'learning_practice', resourceId: id,
          outcome: 'success', ...(authorOrganisationId ? { organisationId: authorOrganisationId } : {}), details: { sectors: input.sectorCodes.length, organisations: organisationIds.length },
        });
        return detail(tx, ctx, id);
      });
    },

    async update(ctx: RequestContext, id: string, input: TPracticeUpdate) {
      return db.transaction(async (tx) => {
        const { row, full } = await authorized(tx, ctx, id, 'update', true);
        if (row.version !== input.version) throw new VersionConflict();
        await checkReferences(tx, full, input);
        const { version, organisationIds, ...rest } = input;
        const values: Partial<PracticeValues> = Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined));
        if (!(await practicesRepo.update(tx, id, version, values, full.now))) throw new VersionConflict();
        if (organisationIds) await practicesRepo.setOrganisations(tx, id, organisationIds);
        await recordAudit(tx, {
          ...auditActor(full), action: 'learning.practice.update', resourceType: 'learning_practice', resourceId: id,
          outcome: 'success', details: { fields: Object.keys(input).filter((k) => k !== 'version' && input[k as keyof TPracticeUpdate] !== undefined) },
        });
        return detail(tx, full, id);
      });
    },

    publish: (ctx: RequestContext, id: string, version: number) => changeStatus(ctx, id, version, 'published'),
    withdraw: (ctx: RequestContext, id: string, version: number) => changeStatus(ctx, id, version, 'withdrawn'),

    // --- attachments ---------------------------------------------------------------------------

    async upload(ctx: RequestContext, id: string, input: TPracticeAttachmentUpload) {
      const content = Buffer.from(input.content, 'base64');
      return db.transaction(async (tx) => {
        const { full } = await authorized(tx, ctx, id, 'update', true);
        const { mediaType, sha256 } = checkAttachment(full, input.fileName, content);
        const attachmentId = await practicesRepo.insertAttachment(tx, { practiceId: id, fileName: input.fileName, mediaType, content, sha256, uploadedBy: full.actor.personId, now: full.now });
        await recordAudit(tx, {
          ...auditActor(full), action: 'learning.practice.attachment.upload', resourceType: 'learning_practice', resourceId: id, outcome: 'success',
          details: { attachmentId, fileName: input.fileName, mediaType, sizeBytes: content.length, sha256 },
        });
        return detail(tx, full, id);
      });
    },

    /** The file with its bytes (whoever sees the practice). */
    async download(ctx: RequestContext, id: string, attachmentId: string) {
      await authorized(db, ctx, id, 'view', false);
      const file = await practicesRepo.attachmentContent(db, id, attachmentId);
      if (!file) throw new NotFound();
      return file;
    },

    async deleteAttachment(ctx: RequestContext, id: string, attachmentId: string) {
      return db.transaction(async (tx) => {
        const { full } = await authorized(tx, ctx, id, 'update', true);
        const file = await practicesRepo.attachmentContent(tx, id, attachmentId);
        if (!file) throw new NotFound();
        await practicesRepo.deleteAttachment(tx, attachmentId);
        await recordAudit(tx, {
          ...auditActor(full), action: 'learning.practice.attachment.delete', resourceType: 'learning_practice', resourceId: id, outcome: 'success',
          details: { attachmentId, fileName: file.fileName, sizeBytes: file.sizeBytes },
        });
      });
    },
  };
}

