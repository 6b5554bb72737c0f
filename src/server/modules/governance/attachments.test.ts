import { describe, expect, it } from 'vitest';
import { and, eq, inArray } from 'drizzle-orm';
import JSZip from 'jszip';
import { expectAudited, expectNotAudited } from '../../../../tests/helpers/audit.js';
import { useGovernanceFixture } from '../../../../tests/helpers/governance.js';
import { attachment } from '../../db/schema/index.js';
import { MEETING_ATTACHMENT_MAX_BYTES, ZMeetingAttachmentListResponse, ZMeetingAttachmentResponse } from '../../../shared/schemas/governance.js';

const gov = useGovernanceFixture('gov-a');

const PDF = Buffer.from('%PDF-1.7\n1 0 obj <<>> endobj\n%%EOF\n', 'latin1');
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('IHDR-rest-of-image')]);
const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from('JFIF-rest')]);
const EXE = Buffer.concat([Buffer.from('MZ', 'latin1'), Buffer.alloc(64, 1)]);
const b64 = (b: Buffer) => b.toString('base64');

/** A minimal Office package: [Content_Types].xml plus the main part of the kind. */
async function office(mainPart: string): Promise<Buffer> {
  const zip = new JSZip();
  zip.file('[Content_Types].xml', '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>');
  zip.file(mainPart, '<?xml version="1.0"?><root/>');
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

/** A body with a chair and a plain member, a meeting with one agenda item. */
async function meetingWithItem() {
  const { body, chair, member } = await gov.bodyWith({ name: 'Bureau bijlagen', kind: 'bureau', roles: ['chair', 'member'], joinedOn: '2026-01-01' });
  const meetingId = (await gov.createMeeting(chair, body.id, { meetingDate: gov.today(), startTime: '14:00', endTime: '16:00' })).data.id;
  const itemId = (await gov.addItem(chair, meetingId, { title: 'Regioplan', kind: 'decision' })).agenda[0]?.id ?? '';
  return { bodyId: body.id, meetingId, itemId, chair, member };
}

const stored = async (meetingId: string, itemId: string) =>
  gov.ctx.database.db
    .select({ id: attachment.id })
    .from(attachment)
    .where(and(inArray(attachment.resourceType, ['governance_meeting', 'governance_agenda_item']), inArray(attachment.resourceId, [meetingId, itemId])));

describe('meeting attachments', () => {
  it('the chair attaches files to the meeting and an item; members list and download them; the chair deletes one; audited', async () => {
    const { meetingId, itemId, chair, member } = await meetingWithItem();
    const docx = await office('word/document.xml');
    const up = async (fileName: string, content: Buffer, agendaItemId?: string) => {
      const res = await chair.client.post(`/api/governance/meetings/${meetingId}/attachments`, { fileName, content: b64(content), ...(agendaItemId ? { agendaItemId } : {}) });
      expect(res.statusCode, res.body).toBe(201);
      return ZMeetingAttachmentResponse.parse(res.json());
    };
    const pdf = await up('Agenda 12 maart.pdf', PDF);
    expect(pdf.data).toMatchObject({ meetingId, agendaItemId: null, fileName: 'Agenda 12 maart.pdf', mediaType: 'application/pdf', sizeBytes: PDF.length });
    expect(pdf.abilities).toEqual({ view: true, update: true });
    const word = await up('Begroting netwerkdag.docx', docx, itemId);
    expect(word.data).toMatchObject({ agendaItemId: itemId, mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' });
    expect((await up('zaal.png', PNG)).data.mediaType).toBe('image/png');
    expect((await up('foto.JPG', JPEG)).data.mediaType).toBe('image/jpeg');
    expect((await up('cijfers.xlsx', await office('xl/workbook.xml'))).data.mediaType).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect((await up('slides.pptx', await office('ppt/presentation.xml'))).data.mediaType).toBe('application/vnd.openxmlformats-officedocument.presentationml.presentation');
    await expectAudited(gov.ctx.database.db, 'governance.attachment.upload', { resourceType: 'governance_meeting', resourceId: meetingId, actorPersonId: chair.user.person.id });

    // A member reads the list and downloads, with the right type and name.
    const list = ZMeetingAttachmentListResponse.parse((await member.client.get(`/api/governance/meetings/${meetingId}/attachments`)).json());
    // Oldest first, then by name (the test clock stands still: all at the same moment).
    expect(list.data.items.map((a) => a.fileName)).toEqual(['Agenda 12 maart.pdf', 'Begroting netwerkdag.docx', 'cijfers.xlsx', 'foto.JPG', 'slides.pptx', 'zaal.png']);
    expect(list.data.items.find((a) => a.id === word.data.id)?.agendaItemId).toBe(itemId);
    expect(list.abilities).toEqual({ view: true, update: false });
    const dl = await member.client.get(`/api/governance/meeting-attachments/${word.data.id}`);
    expect(dl.statusCode).toBe(200);
    expect(dl.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(dl.headers['content-disposition']).toBe(`attachment; filename="Begroting netwerkdag.docx"; filename*=UTF-8''Begroting%20netwerkdag.docx`);
    expect(dl.rawPayload.equals(docx)).toBe(true);
    const pdfDl = await member.client.get(`/api/governance/meeting-attachments/${pdf.data.id}`);
    expect(pdfDl.headers['content-type']).toBe('application/pdf');
    expect(pdfDl.rawPayload.equals(PDF)).toBe(true);
    await expectAudited(gov.ctx.database.db, 'governance.attachment.download', { resourceId: meetingId, actorPersonId: member.user.person.id, details: { attachmentId: word.data.id } });

    // A member neither uploads nor deletes; an outsider sees nothing of it.
    expect((await member.client.post(`/api/governance/meetings/${meetingId}/attachments`, { fileName: 'x.pdf', content: b64(PDF) })).statusCode).toBe(403);
    expect((await member.client.delete(`/api/governance/meeting-attachments/${pdf.data.id}`)).statusCode).toBe(403);
    expect((await gov.outsider.client.get(`/api/governance/meetings/${meetingId}/attachments`)).statusCode).toBe(404);
    expect((await gov.outsider.client.get(`/api/governance/meeting-attachments/${pdf.data.id}`)).statusCode).toBe(404);
    expect((await gov.outsider.client.delete(`/api/governance/meeting-attachments/${pdf.data.id}`)).statusCode).toBe(404);
    expect((await gov.outsider.client.post(`/api/governance/meetings/${meetingId}/attachments`, { fileName: 'x.pdf', content: b64(PDF) })).statusCode).toBe(404);
    expect(await stored(meetingId, itemId)).toHaveLength(6);

    // The chair deletes one: gone from the list, its download is 404.
    const del = await chair.client.delete(`/api/governance/meeting-attachments/${pdf.data.id}`);
    expect(del.statusCode, del.body).toBe(204);
    await expectAudited(gov.ctx.database.db, 'governance.attachment.delete', { resourceId: meetingId, details: { attachmentId: pdf.data.id } });
    expect((await member.client.get(`/api/governance/meeting-attachments/${pdf.data.id}`)).statusCode).toBe(404);
    expect((await chair.client.delete(`/api/governance/meeting-attachments/${pdf.data.id}`)).statusCode).toBe(404);
    expect(ZMeetingAttachmentListResponse.parse((await chair.client.get(`/api/governance/meetings/${meetingId}/attachments`)).json()).data.items).toHaveLength(5);
  });

  it('refuses files by their content, a name that does not match, a foreign agenda item and bad base64, storing nothing', async () => {
    const { meetingId, itemId, chair } = await meetingWithItem();
    const other = await meetingWithItem();
    const post = (payload: Record<string, unknown>) => chair.client.post(`/api/governance/meetings/${meetingId}/attachments`, payload);

    const exe = await post({ fileName: 'agenda.pdf', content: b64(EXE) });
    expect(exe.statusCode).toBe(400);
    expect(exe.json().error.message).toMatch(/Dit soort bestand kan niet als bijlage/);
    expect(exe.json().error.details[0].path).toBe('body.content');
    // A zip that is no Office document, named .docx.
    const zip = new JSZip();
    zip.file('readme.txt', 'hallo');
    expect((await post({ fileName: 'verslag.docx', content: b64(await zip.generateAsync({ type: 'nodebuffer' })) })).statusCode).toBe(400);
    // Content and name disagree.
    const mismatch = await post({ fileName: 'verslag.docx', content: b64(PDF) });
    expect(mismatch.statusCode).toBe(400);
    expect(mismatch.json().error.details[0].path).toBe('body.fileName');
    expect(mismatch.json().error.message).toMatch(/past niet bij de inhoud: dit is een PDF-bestand/);
    expect((await post({ fileName: 'script.html', content: b64(PNG) })).statusCode).toBe(400);
    // An agenda item of another meeting.
    const foreign = await post({ fileName: 'a.pdf', content: b64(PDF), agendaItemId: other.itemId });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().error.details[0].path).toBe('body.agendaItemId');
    // Not base64, a name with a folder, empty, an unknown field.
    expect((await post({ fileName: 'a.pdf', content: '%%%not base64' })).statusCode).toBe(400);
    expect((await post({ fileName: '../etc/a.pdf', content: b64(PDF) })).statusCode).toBe(400);
    expect((await post({ fileName: 'a.pdf', content: '' })).statusCode).toBe(400);
    expect((await post({ fileName: 'a.pdf', content: b64(PDF), mediaType: 'application/pdf' })).statusCode).toBe(400);
    expect(await stored(meetingId, itemId)).toHaveLength(0);
    await expectNotAudited(gov.ctx.database.db, 'governance.attachment.upload', { resourceId: meetingId });
  });

  it('refuses a file over 10 MiB with 413 and a clear message; exactly 10 MiB is accepted', async () => {
    const { meetingId, itemId, chair } = await meetingWithItem();
    const big = Buffer.alloc(MEETING_ATTACHMENT_MAX_BYTES + 1, 0x20);
    PDF.copy(big);
    const res = await chair.client.post(`/api/governance/meetings/${meetingId}/attachments`, { fileName: 'groot.pdf', content: b64(big) });
    expect(res.statusCode).toBe(413);
    expect(res.json().error.message).toMatch(/ten hoogste 10 MB/);
    expect(await stored(meetingId, itemId)).toHaveLength(0);
    const exact = big.subarray(0, MEETING_ATTACHMENT_MAX_BYTES);
    const ok = await chair.client.post(`/api/governance/meetings/${meetingId}/attachments`, { fileName: 'precies.pdf', content: b64(exact) });
    expect(ok.statusCode, ok.body.slice(0, 200)).toBe(201);
    expect(ZMeetingAttachmentResponse.parse(ok.json()).data.sizeBytes).toBe(MEETING_ATTACHMENT_MAX_BYTES);
  }, 60_000);

  it('an attachment of another kind of record is not reachable through these routes', async () => {
    const { chair } = await meetingWithItem();
    const [row] = await gov.ctx.database.db
      .insert(attachment)
      .values({ resourceType: 'engagement_declaration', resourceId: gov.orgA, fileName: 'x.pdf', mediaType: 'application/pdf', sizeBytes: PDF.length, sha256: 'a'.repeat(64), content: PDF })
      .returning({ id: attachment.id });
    expect((await chair.client.get(`/api/governance/meeting-attachments/${row?.id ?? ''}`)).statusCode).toBe(404);
    expect((await chair.client.delete(`/api/governance/meeting-attachments/${row?.id ?? ''}`)).statusCode).toBe(404);
    expect(await gov.ctx.database.db.select({ id: attachment.id }).from(attachment).where(eq(attachment.id, row?.id ?? ''))).toHaveLength(1);
  });
});
