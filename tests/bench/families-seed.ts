/**
 * The families module at the scale of Flanders (issue 7): 15 networks, 100,000 families with
 * members, network, contact person, team across organisations, consents (some withdrawn, a few
 * overrides), one plan each with 10 versions on average, plan actions, requests (answered ones and
 * open ones spread over their due dates), waits with bridging help, ateliers, signals, journal
 * notes, visits and audit rows of family reads and changes. Set-based SQL (generate_series and
 * joins on numbered helper tables), never row by row. Bench databases only: run after
 * `seedBenchData` (its generated professionals form the teams).
 */
import { sql } from 'drizzle-orm';
import type { Db, Tx } from '../../src/server/db/client.js';
import { rowsOf } from './seed.js';

export interface FamilySizes {
  families: number;
  /** Open requests over all networks (the coordinators' boards). */
  openRequests: number;
  /** Audit rows of family reads and changes (on top of seedBenchData's). */
  auditRows: number;
}

export const NETWORKS = 15;

/**
 * Keys in the content are version-4 UUIDs made from md5 (the contract checks the version and
 * variant digits): overlay(overlay(md5(…) placing '4' from 13) placing '8' from 17).
 *
 * A family's plan content (the plan contract's shape: story, strengths, worries, goals, actions,
 * agreements, evaluations), as SQL over b_plan `b` (family number g, the owners' ids); built once
 * per family, each version then sets its own story.
 */
const planContent = sql.raw(`jsonb_build_object(
  'strengths', jsonb_build_array('We willen samen verder', 'Oma helpt mee'),
  'worries', jsonb_build_array('Schoolverzuim', 'Weinig slaap'),
  'goals', jsonb_build_array(
    jsonb_build_object('key', overlay(overlay(md5('goal-a-' || b.g) placing '4' from 13) placing '8' from 17)::uuid, 'domain', 'school', 'text', 'Terug elke dag naar school', 'priority', 1),
    jsonb_build_object('key', overlay(overlay(md5('goal-b-' || b.g) placing '4' from 13) placing '8' from 17)::uuid, 'domain', 'parenting', 'text', 'Minder ruzie over afspraken thuis', 'priority', 2)),
  'actions', jsonb_build_array(
    jsonb_build_object('key', overlay(overlay(md5('act-a-' || b.g) placing '4' from 13) placing '8' from 17)::uuid, 'goalKey', overlay(overlay(md5('goal-a-' || b.g) placing '4' from 13) placing '8' from 17)::uuid, 'what', 'Gesprek met de school',
      'owner', jsonb_build_object('kind', 'team', 'personId', b.p0), 'dueOn', (current_date + (b.g % 40 - 10))::text, 'status', 'in_progress'),
    jsonb_build_object('key', overlay(overlay(md5('act-b-' || b.g) placing '4' from 13) placing '8' from 17)::uuid, 'goalKey', overlay(overlay(md5('goal-b-' || b.g) placing '4' from 13) placing '8' from 17)::uuid, 'what', 'Huisafspraken samen opschrijven',
      'owner', jsonb_build_object('kind', 'member', 'memberId', b.parent_id), 'dueOn', (current_date + (b.g % 30))::text, 'status', 'planned'),
    jsonb_build_object('key', overlay(overlay(md5('act-c-' || b.g) placing '4' from 13) placing '8' from 17)::uuid, 'goalKey', overlay(overlay(md5('goal-a-' || b.g) placing '4' from 13) placing '8' from 17)::uuid, 'what', 'Evaluatie met het CLB',
      'owner', jsonb_build_object('kind', 'team', 'personId', b.p1), 'dueOn', (current_date + (b.g % 50))::text, 'status', 'planned')),
  'agreements', jsonb_build_array('We zien elkaar om de twee weken.'),
  'evaluations', jsonb_build_array(jsonb_build_object('key', overlay(overlay(md5('eval-' || b.g) placing '4' from 13) placing '8' from 17)::uuid, 'on', (current_date + (b.g % 120 - 30))::text, 'note', '')),
  'network', '[]'::jsonb)`);

/** Generates the families data set; returns the time it took. */
export async function seedFamilies(db: Db, sizes: FamilySizes, log: (step: string, ms: number) => void = () => {}): Promise<number> {
  const started = performance.now();
  const step = async (name: string, tx: Tx, query: ReturnType<typeof sql>) => {
    const t = performance.now();
    await tx.execute(query);
    log(name, Math.round(performance.now() - t));
  };
  const N = sizes.families;
  await db.transaction(async (tx) => {
    // 15 networks over the 299 municipalities (in NIS order), like Flanders' 1G1P networks.
    await step('networks', tx, sql`
      insert into region (code, name, kind)
      select 'bench-netwerk-' || lpad(r::text, 2, '0'), 'Bench netwerk ' || r, 'network' from generate_series(0, ${NETWORKS - 1}::int) r
      on conflict (code) do nothing`);
    await tx.execute(sql`create temp table b_region on commit drop as
      select (substring(code from 15))::int as no, id from region where code like 'bench-netwerk-%'`);
    await tx.execute(sql`create temp table b_muni on commit drop as
      select (rn % ${NETWORKS}::int) as region_no, (rn / ${NETWORKS}::int) as idx, nis_code as nis,
             count(*) over (partition by rn % ${NETWORKS}::int) as cnt
      from (select nis_code, row_number() over (order by nis_code) - 1 as rn from municipality) m`);
    await tx.execute(sql`create index on b_muni (region_no, idx)`);
    await step('network municipalities', tx, sql`
      insert into region_municipality (region_id, nis_code)
      select r.id, m.nis from b_muni m join b_region r on r.no = m.region_no on conflict do nothing`);

    // The professionals of seedBenchData, numbered, with their organisation and account.
    await tx.execute(sql`create temp table b_pro on commit drop as
      select row_number() over (order by p.email) - 1 as i, p.id as person_id, m.organisation_id as org_id, a.id as account_id
      from person p join membership m on m.person_id = p.id join account a on a.person_id = p.id
      where p.email like 'bench.%@bench.invalid'`);
    await tx.execute(sql`create unique index on b_pro (i)`);
    const [pros] = rowsOf<{ n: number }>(await tx.execute(sql`select count(*)::int as n from b_pro`));
    const P = Number(pros?.n ?? 0);
    if (P < 10) throw new Error('seedFamilies: run seedBenchData first (it makes the professionals)');

    await step('families', tx, sql`
      insert into family (region_id, municipality_nis, name, pseudonym, last_plan_change_at, created_at, updated_at)
      select r.id, m.nis, 'Gezin Bench ' || g, 'B-' || lpad(g::text, 6, '0'),
             now() - ((g * 7919) % 120) * interval '1 day', now() - (30 + g % 700) * interval '1 day', now() - ((g * 7919) % 120) * interval '1 day'
      from generate_series(1, ${N}::int) g
      join b_region r on r.no = g % ${NETWORKS}::int
      join lateral (select nis from b_muni where region_no = g % ${NETWORKS}::int and idx = (g / ${NETWORKS}::int) % cnt) m on true`);
    // Family numbers: the team of family g is professionals (g·7 + k·1013) mod P, k = 0 … 1 + g mod 3 (3 on average).
    await tx.execute(sql`create temp table b_fam on commit drop as
      select (substring(pseudonym from 3))::int as g, id, 2 + (substring(pseudonym from 3))::int % 3 as team_size
      from family where pseudonym like 'B-%'`);
    await tx.execute(sql`create unique index on b_fam (g)`);
    await tx.execute(sql`create temp table b_team on commit drop as
      select f.g, f.id as family_id, k, f.team_size, p.person_id, p.org_id, p.account_id
      from b_fam f cross join lateral generate_series(0, f.team_size - 1) k
      join b_pro p on p.i = (f.g * 7 + k * 1013) % ${P}::int`);
    await tx.execute(sql`create index on b_team (g, k)`);

    await step('members', tx, sql`
      insert into family_member (family_id, role, name, birth_date, created_at, updated_at)
      select f.id, 'parent', (array['An','Bert','Chantal','Dirk','Evi','Frank','Gwen','Hans'])[1 + f.g % 8] || ' Bench ' || f.g, null::date, now() - interval '1 year', now() - interval '1 year'
      from b_fam f
      union all
      select f.id, 'parent', (array['Ilse','Jan','Karen','Luc','Mieke','Nico'])[1 + f.g % 6] || ' Bench ' || f.g, null::date, now() - interval '1 year', now() - interval '1 year'
      from b_fam f where f.g % 3 <> 0
      union all
      select f.id, 'child', (array['Arne','Bo','Cas','Fleur','Jade','Lou','Mats','Nina','Otis','Pien'])[1 + (f.g + k) % 10] || ' Bench ' || f.g,
             (current_date - ((3 + (f.g + k * 5) % 15) * 365 + k * 40))::date, now() - interval '1 year', now() - interval '1 year'
      from b_fam f cross join lateral generate_series(1, 1 + f.g % 3) k`);
    await tx.execute(sql`create temp table b_mem on commit drop as
      select f.g,
             (select id from family_member c where c.family_id = f.id and c.role = 'child' order by c.birth_date limit 1) as child_id,
             (select id from family_member c where c.family_id = f.id and c.role = 'parent' order by c.id limit 1) as parent_id
      from b_fam f`);
    await tx.execute(sql`create unique index on b_mem (g)`);
    await step('network', tx, sql`
      insert into network_person (family_id, name, relation, role_in_plan)
      select f.id, 'Oma ' || f.g, 'grootmoeder', 'vangt de kinderen op na school' from b_fam f`);

    await step('team', tx, sql`
      insert into team_member (family_id, person_id, organisation_id, role, from_at)
      select family_id, person_id, org_id, (array['contactpersoon','leerlingenbegeleiding','therapie','thuisbegeleiding'])[1 + k],
             now() - (30 + g % 300) * interval '1 day'
      from b_team`);
    // Some history: a former member of every 20th family.
    await step('former team members', tx, sql`
      insert into team_member (family_id, person_id, organisation_id, role, from_at, until_at)
      select f.id, p.person_id, p.org_id, 'vroegere begeleiding', now() - interval '400 days', now() - interval '200 days'
      from b_fam f join b_pro p on p.i = (f.g * 7 + 4 * 1013) % ${P}::int where f.g % 20 = 0`);
    await step('contact persons', tx, sql`
      insert into contact_assignment (family_id, person_id, organisation_id, from_at)
      select family_id, person_id, org_id, now() - (30 + g % 300) * interval '1 day' from b_team where k = 0`);

    // One consent per team organisation; every 10th family withdrew the last one; every 500th has an override.
    await step('consents', tx, sql`
      insert into consent (family_id, kind, subject_member_id, given_by_member_id, organisation_id, scopes, valid_from, withdrawn_at, withdrawn_by_member_id, created_at)
      select distinct on (t.family_id, t.org_id) t.family_id, 'consent', m.child_id, m.child_id, t.org_id,
             case t.k when 0 then array['read_plan','edit_plan','journal'] when 1 then array['read_plan','edit_plan'] else array['read_plan','journal'] end,
             now() - (30 + t.g % 300) * interval '1 day',
             case when t.g % 10 = 0 and t.k = t.team_size - 1 then now() - interval '5 days' end,
             case when t.g % 10 = 0 and t.k = t.team_size - 1 then m.child_id end,
             now() - (30 + t.g % 300) * interval '1 day'
      from b_team t join b_mem m on m.g = t.g
      order by t.family_id, t.org_id, t.k`);
    await step('overrides', tx, sql`
      insert into consent (family_id, kind, organisation_id, person_id, scopes, valid_from, valid_until, override_basis, reason)
      select family_id, 'override', org_id, person_id, array['read_plan','journal'], now() - interval '2 days', now() + interval '12 days', 'danger',
             'Acuut veiligheidsrisico; toestemming kon niet tijdig gevraagd worden.'
      from b_team where g % 500 = 0 and k = team_size - 1`);

    // Plans: 1 + (g·37 mod 19) versions, 10 on average.
    await step('plans', tx, sql`
      insert into plan (family_id, current_version, next_evaluation_on, family_agreed_version, family_agreed_at, created_at, updated_at, version)
      select f.id, 1 + (f.g * 37) % 19, current_date + (f.g % 120 - 30),
             case when f.g % 2 = 0 then 1 + (f.g * 37) % 19 end, case when f.g % 2 = 0 then now() - ((f.g * 7919) % 120) * interval '1 day' end,
             now() - (30 + f.g % 300) * interval '1 day', now() - ((f.g * 7919) % 120) * interval '1 day', 2 + (f.g * 37) % 19
      from b_fam f`);
    await tx.execute(sql`create temp table b_plan on commit drop as
      select f.g, f.id as family_id, p.id as plan_id, p.current_version, t0.person_id as p0, t1.person_id as p1, m.parent_id
      from b_fam f join plan p on p.family_id = f.id
      join b_team t0 on t0.g = f.g and t0.k = 0 join b_team t1 on t1.g = f.g and t1.k = 1 join b_mem m on m.g = f.g`);
    await step('plan contents', tx, sql`alter table b_plan add column content jsonb`);
    await step('plan contents', tx, sql`update b_plan b set content = ${planContent}`);
    await step('plan versions', tx, sql`
      insert into plan_version (plan_id, family_id, number, based_on, author_person_id, summary, content, created_at)
      select b.plan_id, b.family_id, v.n, v.n - 1, case when v.n % 2 = 0 then b.p1 else b.p0 end,
             'Versie ' || v.n || ': ' || (array['doelen bijgewerkt','acties verdeeld','evaluatie','afspraken aangepast'])[1 + v.n % 4],
             jsonb_build_object('story', 'Versie ' || v.n || ': sinds de verhuis loopt het thuis moeilijker en gaat de oudste niet graag naar school.') || b.content,
             now() - ((b.g * 7919) % 120 + (b.current_version - v.n) * 9) * interval '1 day'
      from b_plan b cross join lateral generate_series(1, b.current_version) as v(n)`);
    await step('plan actions', tx, sql`
      insert into plan_action (family_id, action_key, title, owner_person_id, owner_member_id, due_on, status)
      select b.family_id, overlay(overlay(md5('act-a-' || b.g) placing '4' from 13) placing '8' from 17)::uuid, 'Gesprek met de school', b.p0, null, current_date + (b.g % 40 - 10),
             case when b.current_version < 3 then 'planned' else 'in_progress' end from b_plan b
      union all
      select b.family_id, overlay(overlay(md5('act-b-' || b.g) placing '4' from 13) placing '8' from 17)::uuid, 'Huisafspraken samen opschrijven', null, b.parent_id, current_date + (b.g % 30), 'planned' from b_plan b
      union all
      select b.family_id, overlay(overlay(md5('act-c-' || b.g) placing '4' from 13) placing '8' from 17)::uuid, 'Evaluatie met het CLB', b.p1, null, current_date + (b.g % 50), 'planned' from b_plan b`);

    // Requests: the answered one of every family, and open ones over the networks by due date.
    await step('answered requests', tx, sql`
      insert into request (region_id, municipality_nis, received_on, due_on, channel, family_name, question, life_domains, status, outcome, family_id, first_contact_on, answered_on, created_at, updated_at)
      select f.region_id, f.municipality_nis, d.received, (d.received + interval '1 month')::date,
             (array['broad_entry','clb','huis_van_het_kind','self','crisis_line','other'])[1 + b.g % 6], f.name,
             'Het loopt vast thuis en op school; we willen hulp voor het hele gezin.', array['school','parenting'],
             'answered', 'plan_started', f.id, d.received + 3, d.received + 20, d.received::timestamptz, d.received::timestamptz
      from b_fam b join family f on f.id = b.id cross join lateral (select (current_date - (40 + b.g % 700))::date as received) d`);
    await step('open requests', tx, sql`
      insert into request (region_id, municipality_nis, received_on, due_on, channel, family_name, question, life_domains, urgency, status, family_id, first_contact_on, created_at, updated_at)
      select r.id, m.nis, d.received, (d.received + interval '1 month')::date,
             (array['broad_entry','clb','huis_van_het_kind','self','crisis_line','other'])[1 + j % 6], 'Gezin Aanmelding ' || j,
             'Onze zoon wil niet meer naar school en zit veel op zijn kamer.', array['school','mental_wellbeing'],
             (array['normal','normal','normal','high','crisis'])[1 + j % 5], d.status,
             case when d.status in ('contact_assigned','first_contact') then f.id end,
             case when d.status = 'first_contact' then d.received + 2 end,
             d.received::timestamptz, d.received::timestamptz
      from generate_series(1, ${sizes.openRequests}::int) j
      join b_region r on r.no = j % ${NETWORKS}::int
      join lateral (select nis from b_muni where region_no = j % ${NETWORKS}::int and idx = (j / ${NETWORKS}::int) % cnt) m on true
      cross join lateral (select (current_date - (j % 45))::date as received,
                                 (array['received','triage','contact_assigned','first_contact'])[1 + j % 4] as status) d
      left join b_fam f on f.g = j`);

    await step('waits and bridging help', tx, sql`
      with w as (
        insert into wait (family_id, service_text, organisation_id, since_on, expected_start_on, created_at, updated_at)
        select t.family_id, 'Contextbegeleiding aan huis', t.org_id, current_date - (t.g % 200), current_date + (t.g % 90),
               now() - (t.g % 200) * interval '1 day', now() - (t.g % 200) * interval '1 day'
        from b_team t where t.k = 0 and t.g % 10 = 0
        returning id, family_id, since_on)
      insert into bridging_help (wait_id, family_id, provider, what, from_on)
      select w.id, w.family_id, 'Buurtwerker', 'Wekelijks gesprek tijdens het wachten', w.since_on + 7 from w`);
    await step('signals', tx, sql`
      insert into blocked_signal (family_id, region_id, source, rule, reason, raised_at)
      select f.id, f.region_id, 'rule', 'no_plan_change', 'Geen wijziging aan het plan in 60 dagen.', now() - (b.g % 30) * interval '1 day'
      from b_fam b join family f on f.id = b.id where b.g % 100 = 0`);
    await step('ateliers and commitments', tx, sql`
      with a as (
        insert into atelier (family_id, held_on, participants, ideas, created_by)
        select t.family_id, current_date - (t.g % 60),
               jsonb_build_array(jsonb_build_object('kind', 'professional', 'id', t.person_id, 'name', 'Bench ' || t.g)),
               'Een stageplaats zoeken; een vaste studieplek.', t.person_id
        from b_team t where t.k = 0 and t.g % 50 = 0
        returning id, family_id, created_by)
      insert into commitment (atelier_id, family_id, description, owner_label, owner_person_id, due_on, status)
      select a.id, a.family_id, c.what, 'Begeleider', a.created_by, current_date + c.due, c.status
      from a cross join (values ('Studieplek regelen', 5, 'open'), ('Gesprek met de school', -3, 'done')) as c(what, due, status)`);
    await step('journal notes', tx, sql`
      insert into journal_note (family_id, author_person_id, author_organisation_id, visibility, body, created_at, updated_at)
      select t.family_id, t.person_id, t.org_id, case when n = 2 then 'organisation' else 'team' end,
             'Huisbezoek: de afspraken lopen; volgende stap besproken met het gezin.', now() - (t.g % 90 + n) * interval '1 day', now() - (t.g % 90 + n) * interval '1 day'
      from b_team t cross join generate_series(1, 2) n where t.k = 0`);
    await step('visits', tx, sql`
      insert into family_visit (person_id, family_id, last_seen_at)
      select person_id, family_id, now() - (g % 30) * interval '1 day' from b_team where k < 2
      on conflict do nothing`);
    // Audit rows of family reads and changes, by the team's members, over the past year.
    await step('family audit rows', tx, sql`
      insert into audit_event (occurred_at, actor_account_id, actor_person_id, action, resource_type, resource_id, family_id, organisation_id, ip, outcome, details)
      select now() - (${sizes.auditRows}::int - j) * interval '30 seconds', t.account_id, t.person_id,
             (array['family.view','plan.view','plan.update','journal.list','family.view','team.add','consent.record','journal.create'])[1 + j % 8],
             (array['family','plan','plan','journal','family','team_member','consent','journal_note'])[1 + j % 8],
             t.family_id::text, t.family_id, t.org_id, '10.7.' || (j % 250) || '.' || (j / 250 % 250), 'success',
             case when j % 8 = 2 then jsonb_build_object('version', 1 + j % 10) end
      from generate_series(1, ${sizes.auditRows}::int) j
      join b_team t on t.g = 1 + (j * 7) % ${N}::int and t.k = j % 2`);
  });
  const t = performance.now();
  await db.execute(sql`analyze`);
  log('analyze', Math.round(performance.now() - t));
  return Math.round(performance.now() - started);
}
