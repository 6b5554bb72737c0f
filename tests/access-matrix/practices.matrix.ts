import { createHash } from 'node:crypto';
import { fullSession, type MatrixFixture, type MatrixRow } from './matrix.js';
import { attachment, learningPractice } from '../../src/server/db/schema/index.js';

/**
 * The good practices library. A published practice is read by every full session; a draft of
 * organisation A is known to A's people and the coordinators only (the admin of B and the platform
 * admin: 404). Anyone working in an organisation and the coordinators propose; A's people and the
 * coordinators change A's practice; only coordinators publish and withdraw.
 */

const PDF = Buffer.from('%PDF-1.7\n%%EOF\n', 'latin1');

async function makePractice(f: MatrixFixture, status: 'draft' | 'published' = 'draft'): Promise<string> {
  const [row] = await f.ctx.database.db
    .insert(learningPractice)
    .values({ title: `Praktijk ${f.unique()}`, summary: 'Een beschreven samenwerking tussen twee sectoren.', status, authorOrganisationId: f.orgA })
    .returning({ id: learningPractice.id });
  if (!row) throw new Error('practice not created');
  return row.id;
}

async function makeFile(f: MatrixFixture, status: 'draft' | 'published') {
  const id = await makePractice(f, status);
  const [file] = await f.ctx.database.db
    .insert(attachment)
    .values({ resourceType: 'learning_practice', resourceId: id, fileName: 'verslag.pdf', mediaType: 'application/pdf', sizeBytes: PDF.length, sha256: createHash('sha256').update(PDF).digest('hex'), content: PDF })
    .returning({ id: attachment.id });
  if (!file) throw new Error('attachment not created');
  return `${P}/${id}/attachments/${file.id}`;
}

/** A draft of A: A's people and the coordinators. */
const draftOfA = (status: number) => ({ ...fullSession(404), professional: status, orgAdmin: status, coordinator: status });

const P = '/api/learning/practices';
const body = { title: 'Een nieuwe praktijk', summary: 'Samen rond jongeren met complexe vragen.' };

export const rows: MatrixRow[] = [
  { route: 'GET /api/learning/practices', expect: fullSession(200), note: 'published practices; drafts of my organisation; coordinators: all' },
  { route: 'GET /api/learning/practices/sectors', expect: fullSession(200) },
  { route: 'GET /api/learning/practices/organisations', expect: { ...fullSession(200), platformAdmin: 403 }, note: 'whoever may propose a practice' },
  { route: 'POST /api/learning/practices', request: () => ({ url: P, payload: body }), expect: { ...fullSession(201), platformAdmin: 403 }, note: 'anyone working in an organisation, coordinators' },
  { route: 'GET /api/learning/practices/:id', request: async (f) => ({ url: `${P}/${await makePractice(f)}` }), expect: draftOfA(200), note: 'a draft; published ones: everyone (practices.test.ts)' },
  { route: 'PATCH /api/learning/practices/:id', request: async (f) => ({ url: `${P}/${await makePractice(f)}`, payload: { version: 1, goals: 'Aangevuld.' } }), expect: draftOfA(200) },
  {
    route: 'POST /api/learning/practices/:id/publish',
    request: async (f) => ({ url: `${P}/${await makePractice(f)}/publish`, payload: { version: 1 } }),
    expect: { ...draftOfA(403), coordinator: 200 },
  },
  {
    route: 'POST /api/learning/practices/:id/withdraw',
    request: async (f) => ({ url: `${P}/${await makePractice(f, 'published')}/withdraw`, payload: { version: 1 } }),
    expect: { ...fullSession(403), coordinator: 200 },
  },
  {
    route: 'POST /api/learning/practices/:id/attachments',
    request: async (f) => ({ url: `${P}/${await makePractice(f)}/attachments`, payload: { fileName: 'verslag.pdf', content: PDF.toString('base64') } }),
    expect: draftOfA(201),
  },
  { route: 'GET /api/learning/practices/:id/attachments/:attachmentId', request: async (f) => ({ url: await makeFile(f, 'published') }), expect: fullSession(200) },
  { route: 'DELETE /api/learning/practices/:id/attachments/:attachmentId', request: async (f) => ({ url: await makeFile(f, 'draft') }), expect: draftOfA(204) },
];
