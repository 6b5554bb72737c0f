/**
 * The lists of the newer modules under load, part of `npm run bench` (run.ts; BENCH_PARTS=lists):
 * learning events, consultation bodies, a body's meetings, "my actions", a plan's decision items and
 * actions, good practices (first page, a sector, a search) and a region's engagement declarations, at 10 connections over generated data a network region set keeps for years
 * (LIST_SIZES: 5,000 events with two sessions each; 1,000 bodies with 10 members, 12 meetings, 48
 * agenda items and 96 actions each; ten more years of decisions (480) of the first body and its plan
 * of 300 actions; 5,000 good practices; an engagement declaration for most generated organisations).
 * Each list is asked by the person who reads it in practice: a member of ten bodies (bench.1), the
 * platform administrator for a region's declarations. Budget: p95 ≤ listP95Ms, no errors, like the
 * admin lists of issue 6.
 */
import pg from 'pg';
import { load, login, type Measured } from './measure.js';

export const LIST_SIZES = {
  events: 5000,
  bodies: 1000,
  membersPerBody: 10,
  meetingsPerBody: 12,
  itemsPerMeeting: 4,
  actionsPerItem: 2,
  /** Ten more years of monthly meetings of the first body (bench.1 chairs it), each with decisionsPerOldMeeting decisions. */
  oldMeetings: 120,
  decisionsPerOldMeeting: 4,
  /** The first body's plan of this year: its actions, each agreed at one of the body's decisions. */
  planActions: 300,
  practices: 5000,
};
/** A word in every 25th generated practice (the search the bench asks). */
const PRACTICE_WORD = 'schoolbrug';
const CONNECTIONS = 10;

export interface ListRow {
  name: string;
  m?: Measured;
  note?: string;
  budget: string;
  ok: boolean | null;
}

/** Gives generated accounts (bench.N@bench.invalid) the demo password and second factor. */
export async function giveDemoLogin(client: pg.Client, emails: string[]): Promise<void> {
  await client.query(
    `update account set password_hash = d.password_hash, mfa_secret = d.mfa_secret, mfa_enabled_at = now()
     from (select password_hash, mfa_secret from account where email = 'hulpverlener@samenplan.demo') d
     where account.email = any($1::text[])`,
    [emails],
  );
}

/** The generated lists, with generate_series: seconds, not minutes. */
async function seedLists(client: pg.Client): Promise<number> {
  const started = performance.now();
  const s = LIST_SIZES;
  await client.query('begin');
  await client.query(
    `insert into learning_event (kind, title, description, organiser_name, date, starts_at, ends_at, place, registration_opens_at, registration_closes_at, status)
     select (array['network_day','training','intervision','fair','webinar'])[1 + g % 5], 'Benchactiviteit ' || g, 'Gegenereerd voor de bench.',
            'Netwerk ' || (g % 40), current_date - 365 + (g % 730), '09:00', '16:00', 'Zaal ' || (g % 30),
            now() - interval '60 days', now() + interval '700 days', case when g % 10 = 0 then 'draft' else 'published' end
     from generate_series(1, $1::int) g`,
    [s.events],
  );
  await client.query(
    `insert into learning_session (event_id, title, room, kind, starts_at, ends_at, capacity)
     select e.id, x.title, x.room, x.kind, x.starts_at::time, x.ends_at::time, 100
     from learning_event e
     cross join (values ('Plenair', 'Grote zaal', 'plenary', '09:00', '12:00'), ('Werkgroep', 'Zaal 2', 'parallel', '13:00', '16:00')) x(title, room, kind, starts_at, ends_at)
     where e.title like 'Benchactiviteit %'`,
  );
  await client.query(
    `insert into governance_body (name, kind, region_id, description)
     select 'Benchwerkgroep ' || lpad(g::text, 4, '0'), 'working_group',
            (select id from region order by code offset (g % (select count(*) from region)) limit 1), ''
     from generate_series(1, $1::int) g`,
    [s.bodies],
  );
  // Person bench.N sits in bodies N … N+9 (the first with the chair): bench.1 in ten bodies.
  await client.query(
    `with b as (select id, row_number() over (order by name) as i from governance_body where name like 'Benchwerkgroep %'),
          p as (select id, (substring(email from 7 for position('@' in email) - 7))::int as n from person where email ~ '^bench\\.[0-9]+@bench\\.invalid$')
     insert into governance_membership (body_id, person_id, role, joined_on)
     select b.id, p.id, case when p.n = b.i then 'chair' else 'member' end, current_date - 400
     from b join p on p.n between b.i - $1::int + 1 and b.i`,
    [s.membersPerBody],
  );
  await client.query(
    `insert into governance_meeting (body_id, meeting_date, start_time, end_time, place, status, minutes_status)
     select b.id, current_date - 330 + m * 30, '14:00', '16:00', 'Vergaderzaal',
            case when m < 11 then 'held' else 'planned' end, case when m < 10 then 'approved' else 'draft' end
     from governance_body b cross join generate_series(0, $1::int - 1) m
     where b.name like 'Benchwerkgroep %'`,
    [s.meetingsPerBody],
  );
  await client.query(
    `insert into governance_agenda_item (meeting_id, position, title, kind, minutes_decision)
     select mt.id, k, 'Agendapunt ' || k, (array['information','discussion','decision','follow_up'])[k], case when k = 3 then 'Goedgekeurd.' else '' end
     from governance_meeting mt join governance_body b on b.id = mt.body_id and b.name like 'Benchwerkgroep %'
     cross join generate_series(1, $1::int) k`,
    [s.itemsPerMeeting],
  );
  // Actions owned by the body's members in turn; the older ones mostly done.
  await client.query(
    `with members as (select body_id, person_id, row_number() over (partition by body_id order by person_id) - 1 as i, count(*) over (partition by body_id) as n
                      from governance_membership)
     insert into governance_action (body_id, meeting_id, agenda_item_id, description, owner_person_id, due_on, status)
     select mt.body_id, mt.id, ai.id, 'Actie ' || a || ' bij ' || ai.title, m.person_id, mt.meeting_date + 30,
            case when mt.meeting_date < current_date - 90 and (ai.position + a) % 5 <> 0 then 'done' else 'open' end
     from governance_agenda_item ai
     join governance_meeting mt on mt.id = ai.meeting_id
     join governance_body b on b.id = mt.body_id and b.name like 'Benchwerkgroep %'
     cross join generate_series(1, $1::int) a
     join members m on m.body_id = mt.body_id and m.i = (ai.position * 2 + a) % m.n`,
    [s.actionsPerItem],
  );
  // The decision history of the first body and its plan of this year (decision-items and actions lists).
  await client.query(
    `insert into governance_meeting (body_id, meeting_date, start_time, end_time, place, status, minutes_status)
     select b.id, current_date - 360 - m * 30, '14:00', '16:00', 'Vergaderzaal', case when m % 20 = 7 then 'cancelled' else 'held' end, 'approved'
     from governance_body b cross join generate_series(1, $1::int) m
     where b.name = 'Benchwerkgroep 0001'`,
    [s.oldMeetings],
  );
  await client.query(
    `insert into governance_agenda_item (meeting_id, position, title, kind, minutes_decision)
     select mt.id, k, 'Beslissing ' || k || ' van ' || mt.meeting_date, 'decision', 'Goedgekeurd onder voorwaarden.'
     from governance_meeting mt join governance_body b on b.id = mt.body_id and b.name = 'Benchwerkgroep 0001'
     cross join generate_series(1, $1::int) k
     where mt.meeting_date < current_date - 350`,
    [s.decisionsPerOldMeeting],
  );
  await client.query(
    `insert into governance_plan (body_id, year, title)
     select id, extract(year from current_date)::int, 'Regionaal plan (bench)' from governance_body where name = 'Benchwerkgroep 0001'`,
  );
  await client.query(
    `with d as (select ai.id, row_number() over (order by mt.meeting_date desc, ai.position) as i
                from governance_agenda_item ai join governance_meeting mt on mt.id = ai.meeting_id
                join governance_body b on b.id = mt.body_id and b.name = 'Benchwerkgroep 0001' where ai.kind = 'decision'),
          n as (select count(*) as c from d),
          a as (insert into governance_plan_action (plan_id, number, description, responsible_text, budget_cents, conditions, status)
                select p.id, g, 'Planactie ' || g, 'Werkgroep ' || (g % 7), (g % 40) * 25000,
                       case when g % 9 = 0 then 'Bijdrage van 10 euro per deelnemer' else '' end,
                       (array['agreed_in_principle','budget_request_due','approved','released'])[1 + g % 4]
                from governance_plan p join governance_body b on b.id = p.body_id and b.name = 'Benchwerkgroep 0001'
                cross join generate_series(1, $1::int) g
                returning id, number)
     insert into governance_plan_status_change (action_id, from_status, to_status, decision_item_id)
     select a.id, null, 'agreed_in_principle', d.id from a cross join n join d on d.i = 1 + a.number % n.c`,
    [s.planActions],
  );
  // Good practices: mostly published, some drafts and withdrawn ones of the generated organisations.
  await client.query(
    `with o as (select id, row_number() over (order by name) as n from organisation where name like 'Bench organisatie %'),
          sc as (select array_agg(code order by position, code) as codes from sector)
     insert into learning_practice (title, summary, goals, added_value, bottlenecks, sector_codes, status, author_organisation_id, published_at)
     select (array['Samen','Netwerk','Brug','Overleg','Traject'])[1 + g % 5] || 'praktijk ' || g,
            'Samenwerking tussen jeugdhulp en onderwijs rond ' || case when g % 25 = 0 then '${PRACTICE_WORD}' else 'overgangen' end || ' (' || g || ').',
            'Gedeelde doelen voor jongeren en gezinnen.', 'Minder wachttijd, meer overleg.', 'Tijd en financiering.',
            case when g % cardinality(sc.codes) = (g * 7 + 3) % cardinality(sc.codes) then array[sc.codes[1 + g % cardinality(sc.codes)]]
                 else array[sc.codes[1 + g % cardinality(sc.codes)], sc.codes[1 + (g * 7 + 3) % cardinality(sc.codes)]] end,
            case when g % 20 = 0 then 'draft' when g % 20 = 1 then 'withdrawn' else 'published' end,
            o.id,
            case when g % 20 > 1 then now() - (g % 900) * interval '1 day' end
     from generate_series(1, $1::int) g cross join sc join o on o.n = 1 + g % (select count(*) from o)`,
    [s.practices],
  );
  await client.query(
    `insert into learning_practice_organisation (practice_id, organisation_id)
     with o as (select id, row_number() over (order by name) as n from organisation where name like 'Bench organisatie %'),
          p as (select id, (substring(title from 'praktijk ([0-9]+)$'))::int as g from learning_practice where title ~ 'praktijk [0-9]+$')
     select distinct p.id, o.id from p join o on o.n in (1 + (p.g * 13) % (select count(*) from o), 1 + (p.g * 13 + 1) % (select count(*) from o))`,
  );
  await client.query(
    `insert into engagement_declaration (organisation_id, region_id, status, expected_by, received_on, note)
     select o.id, o.region_id, x.status, case when x.status = 'expected' then current_date + (n % 90)::int - 30 end,
            case when x.status = 'received' then current_date - (n % 300)::int end, ''
     from (select id, region_id, row_number() over (order by name) as n from organisation where name like 'Bench organisatie %' and region_id is not null) o
     cross join lateral (select (array['received','received','expected','under_consideration'])[1 + o.n % 4] as status) x
     where o.n % 7 <> 0`,
  );
  await client.query('commit');
  await client.query('analyze');
  return Math.round(performance.now() - started);
}

export async function listsBench(appUrl: string, dbUrl: string, listP95Ms: number): Promise<ListRow[]> {
  const client = new pg.Client({ connectionString: dbUrl });
  await client.connect();
  try {
    const seedMs = await seedLists(client);
    await giveDemoLogin(client, ['bench.1@bench.invalid']);
    const { rows: body } = await client.query<{ id: string }>(
      `select b.id from governance_body b join governance_membership m on m.body_id = b.id join person p on p.id = m.person_id
       where p.email = 'bench.1@bench.invalid' order by b.name offset 1 limit 1`,
    );
    // The meetings list keeps asking a body with a year of meetings (0002); 0001 carries ten years of decisions.
    const { rows: plan } = await client.query<{ id: string }>(
      `select p.id from governance_plan p join governance_body b on b.id = p.body_id where b.name = 'Benchwerkgroep 0001'`,
    );
    const { rows: sector } = await client.query<{ code: string }>(
      `select c as code from learning_practice, unnest(sector_codes) c group by c order by count(*) limit 1`,
    );
    const { rows: region } = await client.query<{ id: string }>(
      `select region_id as id from engagement_declaration group by region_id order by count(*) desc limit 1`,
    );
    const member = await login(appUrl, 'bench.1@bench.invalid');
    const admin = await login(appUrl);
    const today = new Date().toISOString().slice(0, 10);
    const targets: [string, string, { cookie: string }][] = [
      ['GET /api/learning/events', '/api/learning/events', member],
      [`GET /api/learning/events?from=${today}`, `/api/learning/events?from=${today}`, member],
      ['GET /api/governance/bodies (a member of 10)', '/api/governance/bodies', member],
      ['GET /api/governance/bodies (platform admin: all)', '/api/governance/bodies', admin],
      ['GET /api/governance/bodies/:id/meetings', `/api/governance/bodies/${body[0]!.id}/meetings`, member],
      ['GET /api/governance/my-actions', '/api/governance/my-actions', member],
      ['GET /api/governance/plans/:id/decision-items (the chair)', `/api/governance/plans/${plan[0]!.id}/decision-items`, member],
      ['GET /api/governance/plans/:id/actions (first page)', `/api/governance/plans/${plan[0]!.id}/actions`, member],
      ['GET /api/learning/practices (first page)', '/api/learning/practices', member],
      [`GET /api/learning/practices?sector=${sector[0]!.code} (rarest sector)`, `/api/learning/practices?sector=${encodeURIComponent(sector[0]!.code)}`, member],
      [`GET /api/learning/practices?q=${PRACTICE_WORD}`, `/api/learning/practices?q=${PRACTICE_WORD}`, member],
      ['GET /api/directory/manage/regions/:id/engagements', `/api/directory/manage/regions/${region[0]!.id}/engagements`, admin],
    ];
    const rows: ListRow[] = [];
    for (const [name, path, session] of targets) {
      const m = await load({ url: appUrl + path, headers: { cookie: session.cookie }, connections: CONNECTIONS });
      rows.push({ name, m, budget: `p95 ≤ ${listP95Ms} ms`, ok: m.errors === 0 && m.p95 <= listP95Ms });
    }
    rows.push({
      name: 'generated lists',
      note:
        `${LIST_SIZES.events} events, ${LIST_SIZES.bodies} bodies × ${LIST_SIZES.meetingsPerBody} meetings × ${LIST_SIZES.itemsPerMeeting} items × ${LIST_SIZES.actionsPerItem} actions, ` +
        `${LIST_SIZES.oldMeetings * LIST_SIZES.decisionsPerOldMeeting} older decisions and a plan of ${LIST_SIZES.planActions} actions, ${LIST_SIZES.practices} practices, seeded in ${(seedMs / 1000).toFixed(1)} s`,
      budget: '',
      ok: null,
    });
    return rows;
  } finally {
    await client.end();
  }
}
