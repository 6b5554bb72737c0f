import type { Db } from '../../db/client.js';
import type { Clock } from '../../platform/clock.js';
import { brusselsDate } from '../../platform/clock.js';
import type { Jobs } from '../../platform/jobs/jobs.js';
import type { Mailer } from '../../platform/mail/mailer.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { requestsRepo } from './requests.repo.js';

/** The recurring job that mails reminders of the one-month norm. */
export const REQUEST_REMINDER_QUEUE = 'requests.reminders';

/**
 * The reminders: 7 and 2 days before the due date. Each applies in its window (7: from 7 down to
 * 3 days left; 2: from 2 days left to the due date), so a run that was missed, or a request
 * registered with little time left, still gets one reminder — never the same one twice.
 */
const REMINDERS = [
  { daysBefore: 7, minDaysLeft: 3 },
  { daysBefore: 2, minDaysLeft: 0 },
] as const;

const SUBJECT = 'Samenplan: een aanmelding nadert de termijn van één maand';

function formatDay(day: string): string {
  return `${day.slice(8, 10)}/${day.slice(5, 7)}/${day.slice(0, 4)}`;
}

/**
 * Sends the reminders due now, through the platform mailer, to the family's open contact person
 * and the region's coordinators. Idempotent through `request_reminder`: the reminder is claimed
 * (with its audit row) before the mail goes out; when sending fails the claim is removed, so
 * the next run tries again. The mail holds no case
 * content: only the pseudonym (once there is a family), the due date and a link.
 */
export async function sendRequestReminders(deps: { db: Db; mailer: Mailer; clock: Clock; baseUrl: string }): Promise<number> {
  const now = deps.clock.now();
  const today = brusselsDate(now);
  let sent = 0;
  for (const r of REMINDERS) {
    const due = await requestsRepo.remindersDue(deps.db, today, r.minDaysLeft, r.daysBefore);
    for (const request of due) {
      // Claimed (with its audit row) before mailing, so two runs never mail twice.
      const recipients = await deps.db.transaction(async (tx) => {
        if (!(await requestsRepo.claimReminder(tx, request.id, r.daysBefore, now))) return null;
        const to = await requestsRepo.reminderRecipients(tx, request.regionId, request.contactPersonId);
        await recordAudit(tx, {
          action: 'request.reminder',
          resourceType: 'request',
          resourceId: request.id,
          familyId: request.familyId,
          actorLabel: 'system:request-reminders',
          outcome: 'success',
          details: { daysBefore: r.daysBefore, recipients: to.length },
        });
        return to;
      });
      if (!recipients) continue;
      const text = [
        'Dag,',
        '',
        `Een aanmelding${request.familyPseudonym ? ` (gezin ${request.familyPseudonym})` : ''} nadert de termijn van één maand.`,
        `Ze moet beantwoord zijn op ${formatDay(request.dueOn)}.`,
        '',
        `Bekijk de aanmelding in Samenplan: ${deps.baseUrl}/aanmeldingen/${request.id}`,
        '',
        'Je krijgt deze mail omdat je aanspreekpunt of netwerkcoördinator bent voor deze aanmelding.',
      ].join('\n');
      try {
        for (const to of recipients) await deps.mailer.send({ to, subject: SUBJECT, text });
      } catch (err) {
        // Not sent: the claim goes, so the next run tries again (the job fails and is retried too).
        await requestsRepo.unclaimReminder(deps.db, request.id, r.daysBefore);
        throw err;
      }
      sent += recipients.length;
    }
  }
  return sent;
}

/** Registers the reminder job: its handler and a run every `seconds` (hourly by default). */
export function registerRequestReminders(jobs: Jobs, deps: { db: Db; mailer: Mailer; clock: Clock; baseUrl: string }, seconds = 3600): void {
  jobs.work(REQUEST_REMINDER_QUEUE, async () => void (await sendRequestReminders(deps)));
  jobs.every(REQUEST_REMINDER_QUEUE, seconds);
}
