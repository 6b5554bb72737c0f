import { createHash } from 'node:crypto';
import type { Db, DbOrTx, Tx } from '../../db/client.js';
import type { FullContext, RequestContext } from '../../platform/context.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { auditActor } from '../../platform/audit/actor.js';
import { brusselsDate } from '../../platform/clock.js';
import { AppError, Duplicate, Invalid, NotFound, VersionConflict, detailPath } from '../../platform/errors.js';
import { tr } from '../../platform/i18n.js';
import { boundLimit } from '../../db/paging.js';
import type { TEngagementStatus } from '../../../shared/schemas/directory/enums.js';
import {
  ENGAGEMENT_DOCUMENT_MAX_BYTES,
  type TEngagementCreate,
  type TEngagementDeclaration,
  type TEngagementDocumentUpload,
  type TEngagementUpdate,
  type TOverviewFilter,
} from '../../../shared/schemas/directory/engagement.js';
import { directoryOrganisationPolicy, type EntryFacts, type TDirectoryOrganisationAction } from './manage.policy.js';
import type { RecordPolicy } from '../../platform/policy/record.js';
import { organisation } from '../../db/schema/index.js';
import { manageRepo } from './manage.repo.js';
import { engagementPolicy, overseesRegion } from './engagement.policy.js';
import { engagementRepo, type DeclarationRow } from './engagement.repo.js';

const organisationPolicy: RecordPolicy<TDirectoryOrganisationAction, EntryFacts> = directoryOrganisationPolicy(organisation.id);
/** Every PDF file starts with these bytes (ISO 32000: the header `%PDF-`). */
const PDF_MAGIC = Buffer.from('%PDF-', 'latin1');

/**
 * Engagement declarations (engagement.policy.ts says who may do what). Transaction first: lock,
 * authorize, write, audit (`directory.engagement.*`), commit. The signed document is a PDF, checked
 * on its content (not on a media type the caller names), stored as a new `attachment` row on every
 * upload.
 */
export function createEngagementService(db: Db) {
  const today = (ctx: FullContext) => brusselsDate(ctx.now);
  const isOverdue = (ctx: FullContext, status: TEngagementStatus, expectedBy: string | null) => status === 'expected' && expectedBy !== null && expectedBy < today(ctx);

  const toDeclaration = (ctx: FullContext, r: DeclarationRow): TEngagementDeclaration => ({
    id: r.id,
    organisation: { id: r.organisationId, name: r.organisationName },
    region: { id: r.regionId, code: r.regionCode, name: r.regionName },
    status: r.status,
    receivedOn: r.receivedOn,
    expectedBy: r.expectedBy,
    overdue: isOverdue(ctx, r.status, r.expectedBy),
    note: r.note,
    document:
      r.documentId && r.documentFileName !== null && r.documentSize !== null && r.documentSha256 !== null && r.documentUploadedAt !== null
        ? { id: r.documentId, fileName: r.documentFileName, sizeBytes: r.documentSize, sha256: r.documentSha256, uploadedAt: r.documentUploadedAt.toISOString() }
        : null,
    updatedAt: r.updatedAt.toISOString(),
    version: r.version,
  });

  async function view(tx: DbOrTx, ctx: FullContext, id: string) {
    const row = await engagementRepo.declaration(tx, id);
    if (!row) throw new NotFound();
    return { data: toDeclaration(ctx, row), abilities: engagementPolicy.abilitiesOf(ctx, row) };
  }

  async function audit(tx: Tx, ctx: FullContext, action: string, row: { id: string; organisationId: string; regionId: string }, details?: Record<string, unknown>) {
    await recordAudit(tx, {
      ...auditActor(ctx),
      action: `directory.engagement.${action}`,
      resourceType: 'engagement_declaration',
      resourceId: row.id,
      organisationId: row.organisationId,
      outcome: 'success',
      details: { regionId: row.regionId, ...details },
    });
  }

  const invalid = (ctx: RequestContext, field: string, nl: string, en: string): never => {
    const message = tr(ctx, nl, en);
    throw new Invalid(message, [{ path: detailPath('body', field), message }]);
  };

  /** The dates a status needs (received → receivedOn, expected → expectedBy); the other date is cleared. */
  function datesFor(ctx: RequestContext, status: TEngagementStatus, receivedOn: string | null, expectedBy: string | null) {
    if (status === 'received') {
      if (!receivedOn) invalid(ctx, 'receivedOn', 'Geef de datum waarop de verklaring ontvangen werd.', 'Give the day the declaration was received.');
      return { receivedOn, expectedBy: null };
    }
    if (status === 'expected') {
      if (!expectedBy) invalid(ctx, 'expectedBy', 'Geef de datum waartegen de verklaring verwacht wordt.', 'Give the day the declaration is expected by.');
      return { receivedOn: null, expectedBy };
    }
    return { receivedOn: null, expectedBy: null };
  }

  async function lock(tx: Tx, ctx: RequestContext, id: string, action: 'update' | 'delete' | 'upload') {
    const row = await engagementRepo.lock(tx, id);
    if (!row) throw new NotFound();
    engagementPolicy.authorize(ctx, action, row);
    return { row, full: ctx as FullContext };
  }

  return {
    /** The declarations of an organisation (404 when the organisation is out of reach). */
    async list(ctx: RequestContext, organisationId: string) {
      const facts = await manageRepo.organisationFacts(db, organisationId);
      if (!facts) throw new NotFound();
      organisationPolicy.authorize(ctx, 'view', facts);
      const full = ctx as FullContext;
      const rows = await engagementRepo.ofOrganisation(db, organisationId);
      return { data: rows.map((r) => toDeclaration(full, r)), abilities: engagementPolicy.abilitiesById(full, rows) };
    },

    async get(ctx: RequestContext, id: string) {
      const facts = await engagementRepo.facts(db, id);
      if (!facts) throw new NotFound();
      engagementPolicy.authorize(ctx, 'view', facts);
      return view(db, ctx as FullContext, id);
    },

    create(ctx: RequestContext, organisationId: string, input: TEngagementCreate) {
      return db.transaction(async (tx) => {
        const facts = await manageRepo.lockOrganisation(tx, organisationId);
        if (!facts) throw new NotFound();
        organisationPolicy.authorize(ctx, 'update', facts);
        const full = ctx as FullContext;
        const target = await engagementRepo.region(tx, input.regionId);
        if (!target || target.kind !== 'network') invalid(full, 'regionId', 'Kies een regio (1 Gezin 1 Plan-netwerk).', 'Choose a region (a 1 Gezin 1 Plan network).');
        if (await engagementRepo.existsFor(tx, organisationId, input.regionId)) {
          throw new Duplicate('regionId', tr(full, 'Deze organisatie heeft al een engagementsverklaring voor deze regio.', 'This organisation already has an engagement declaration for this region.'));
        }
        const dates = datesFor(full, input.status, input.receivedOn ?? null, input.expectedBy ?? null);
        const id = await engagementRepo.insert(tx, organisationId, input.regionId, { status: input.status, note: input.note, ...dates }, full.now);
        await audit(tx, full, 'create', { id, organisationId, regionId: input.regionId }, { status: input.status });
        return view(tx, full, id);
      });
    },

    update(ctx: RequestContext, id: string, input: TEngagementUpdate) {
      return db.transaction(async (tx) => {
        const { row, full } = await lock(tx, ctx, id, 'update');
        if (row.version !== input.version) throw new VersionConflict();
        const status = input.status ?? row.status;
        const dates = datesFor(
          full,
          status,
          input.receivedOn === undefined ? row.receivedOn : input.receivedOn,
          input.expectedBy === undefined ? row.expectedBy : input.expectedBy,
        );
        const values = { status, ...dates, ...(input.note === undefined ? {} : { note: input.note }) };
        if (!(await engagementRepo.update(tx, id, input.version, values, full.now))) throw new VersionConflict();
        await audit(tx, full, 'update', row, { fields: Object.keys(input).filter((k) => k !== 'version'), status });
        return view(tx, full, id);
      });
    },

    delete(ctx: RequestContext, id: string) {
      return db.transaction(async (tx) => {
        const { row, full } = await lock(tx, ctx, id, 'delete');
        await engagementRepo.delete(tx, id);
        await audit(tx, full, 'delete', row);
      });
    },

    /** Stores a new signed document (a new attachment row) and points the declaration at it. */
    upload(ctx: RequestContext, id: string, input: TEngagementDocumentUpload) {
      const content = Buffer.from(input.content, 'base64');
      return db.transaction(async (tx) => {
        const { row, full } = await lock(tx, ctx, id, 'upload');
        if (row.version !== input.version) throw new VersionConflict();
        if (content.length > ENGAGEMENT_DOCUMENT_MAX_BYTES) {
          const message = tr(full, 'Het bestand is te groot: een engagementsverklaring mag ten hoogste 5 MB zijn.', 'The file is too large: an engagement declaration may be 5 MB at most.');
          throw new AppError(413, 'payload_too_large', message, [{ path: detailPath('body', 'content'), message }]);
        }
        if (content.length < PDF_MAGIC.length || !content.subarray(0, PDF_MAGIC.length).equals(PDF_MAGIC)) {
          invalid(full, 'content', 'Dit bestand is geen PDF. Laad de ondertekende verklaring op als PDF-bestand.', 'This file is not a PDF. Upload the signed declaration as a PDF file.');
        }
        const sha256 = createHash('sha256').update(content).digest('hex');
        const attachmentId = await engagementRepo.insertDocument(tx, { declarationId: id, fileName: input.fileName, content, sha256, uploadedBy: full.actor.personId, now: full.now });
        if (!(await engagementRepo.update(tx, id, input.version, { attachmentId }, full.now))) throw new VersionConflict();
        await audit(tx, full, 'upload', row, { attachmentId, sizeBytes: content.length, sha256 });
        return view(tx, full, id);
      });
    },

    /** The current signed document (404 when there is none or the declaration is out of reach); the download is audited. */
    download(ctx: RequestContext, id: string) {
      return db.transaction(async (tx) => {
        const facts = await engagementRepo.facts(tx, id);
        if (!facts) throw new NotFound();
        engagementPolicy.authorize(ctx, 'download', facts);
        const full = ctx as FullContext;
        const doc = await engagementRepo.document(tx, id);
        if (!doc) throw new NotFound(tr(full, 'Er is nog geen ondertekende verklaring opgeladen.', 'No signed declaration was uploaded yet.'));
        await audit(tx, full, 'download', facts, { attachmentId: doc.id });
        return doc;
      });
    },

    /** A region's overview for its coordinators and platform admins (404 for a coordinator of another region). */
    async overview(ctx: FullContext, regionId: string, query: { status?: TOverviewFilter | undefined; cursor?: string | undefined; limit?: number | undefined }) {
      const target = await engagementRepo.region(db, regionId);
      if (!target || !overseesRegion(ctx.actor, regionId)) throw new NotFound();
      const { page, counts } = await engagementRepo.overview(db, { regionId, today: today(ctx), filter: query.status, cursor: query.cursor, limit: boundLimit(query.limit) });
      return {
        data: {
          region: { id: target.id, code: target.code, name: target.name },
          counts,
          items: page.items.map((r) => ({
            organisation: { id: r.organisationId, name: r.organisationName },
            declaration:
              r.id && r.status
                ? { id: r.id, status: r.status, receivedOn: r.receivedOn, expectedBy: r.expectedBy, overdue: r.overdue, hasDocument: r.hasDocument }
                : null,
          })),
          nextCursor: page.nextCursor,
        },
      };
    },
  };
}
