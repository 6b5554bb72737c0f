import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, type TestContext } from '../../../../tests/helpers/app.js';
import { makeOrganisation, makeUser } from '../../../../tests/helpers/factories.js';
import { addToTeam, makeFamily, testRegion } from '../../../../tests/helpers/families.js';
import { mailText, startSmtpPeer } from '../../../../tests/helpers/smtp.js';
import { expectAudited } from '../../../../tests/helpers/audit.js';
import { familyRequest, platformRole } from '../../db/schema/index.js';
import { brusselsDate } from '../../platform/clock.js';
import type { TRequestStatus } from '../../../shared/schemas/families/enums.js';
import { REQUEST_REMINDER_QUEUE } from './requests.reminders.js';

let smtp: Awaited<ReturnType<typeof startSmtpPeer>>;
let ctx: TestContext;
const DAY = 86_400_000;

beforeAll(async () => {
  smtp = await startSmtpPeer();
  ctx = await createTestApp({ SMTP_URL: smtp.url, PUBLIC_URL: 'https://samenplan.example.be', MAIL_FROM: 'Samenplan <noreply@samenplan.example.be>' });
});
afterAll(async () => {
  await ctx.close();
  await smtp.close();
});

/** Runs the reminder job once, as the recurring schedule would queue it. */
async function runReminders() {
  await ctx.app.deps.jobs.send(REQUEST_REMINDER_QUEUE, {});
  await ctx.app.deps.jobs.runDue(REQUEST_REMINDER_QUEUE);
}

it('mails the contact person and the region coordinator 7 and 2 days before the due date, once each, never for answered requests', async () => {
  const db = ctx.database.db;
  const regionId = await testRegion(db);
  const coordinator = await makeUser(db);
  await db.insert(platformRole).values({ personId: coordinator.person.id, role: 'network_coordinator', regionId });
  const orgId = (await makeOrganisation(db)).id;
  const contact = await makeUser(db, { organisationId: orgId });
  const { family: fam } = await makeFamily(db, { regionId });
  await addToTeam(db, fam.id, contact.person.id, orgId, { contact: true });

  const today = () => brusselsDate(ctx.clock.now());
  const inDays = (n: number) => brusselsDate(new Date(ctx.clock.now().getTime() + n * DAY));
  const request = async (dueIn: number, status: TRequestStatus, familyId: string | null = null) => {
    const [row] = await db
      .insert(familyRequest)
      .values({
        regionId, municipalityNis: '31005', receivedOn: today(), dueOn: inDays(dueIn), channel: 'self', familyName: 'Gezin Geheim',
        question: 'Een heel persoonlijke vraag', status, familyId, ...(status === 'answered' ? { outcome: 'closed', answeredOn: today() } : {}),
      })
      .returning({ id: familyRequest.id });
    return row!.id;
  };
  const withContact = await request(7, 'first_contact', fam.id);
  const soon = await request(2, 'received');
  const answered = await request(7, 'answered');
  const later = await request(10, 'triage');

  await runReminders();
  const mailsFor = (id: string) => smtp.mails.filter((m) => mailText(m.raw).includes(`/aanmeldingen/${id}`));
  expect(mailsFor(withContact).flatMap((m) => m.to).sort()).toEqual([contact.email, coordinator.email].sort());
  expect(mailsFor(soon).flatMap((m) => m.to)).toEqual([coordinator.email]);
  expect(mailsFor(answered)).toEqual([]);
  expect(mailsFor(later)).toEqual([]);
  const text = mailText(mailsFor(withContact)[0]!.raw);
  expect(text).toContain('nadert de termijn van');
  expect(text).toContain(`https://samenplan.example.be/aanmeldingen/${withContact}`);
  expect(text).toContain(fam.pseudonym);
  expect(text).not.toContain('persoonlijke vraag');
  expect(text).not.toContain('Gezin Geheim');
  await expectAudited(db, 'request.reminder', { resourceId: withContact, details: { daysBefore: 7, recipients: 2 } });

  // The job runs again (and again): nothing is mailed twice.
  const before = smtp.mails.length;
  await runReminders();
  await runReminders();
  expect(smtp.mails.length).toBe(before);

  // Five days on: the 2-day reminder of the first, the 7-day one of the later request; the overdue one gets nothing more.
  ctx.clock.advance(5 * DAY);
  await runReminders();
  expect(mailsFor(withContact)).toHaveLength(4);
  expect(mailsFor(later).flatMap((m) => m.to)).toEqual([coordinator.email]);
  expect(mailsFor(soon)).toHaveLength(1);
  expect(mailsFor(answered)).toEqual([]);
  await expectAudited(db, 'request.reminder', { resourceId: withContact, details: { daysBefore: 2 } });
});
