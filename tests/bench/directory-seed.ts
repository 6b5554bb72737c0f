/**
 * The directory (sociale kaart, issue 8) at the scale of Flanders: 10,000 organisations with
 * 30,000 services by default, with locations inside their municipality (the shipped boundary
 * data; a second location for every third organisation in the next municipality), served
 * municipalities, sectors, an intake contact point each, realistic Dutch names and texts (kinds of
 * organisation and service of the seeds' sectors, in every Flemish municipality). Set-based SQL
 * over small numbered helper tables, like families-seed.ts. Bench databases only.
 */
import { sql } from 'drizzle-orm';
import type { Db, Tx } from '../../src/server/db/client.js';
import { municipalityShapes } from '../../src/server/db/demo/geo.js';
import { rowsOf } from './seed.js';

export interface DirectorySizes {
  organisations: number;
  services: number;
}

/** Kinds of organisation: a name prefix, its sector and three services (name, description, ages, direct access). */
const KINDS: { prefix: string; sector: string; services: [string, string, number, number, boolean][] }[] = [
  { prefix: 'CAW', sector: 'caw', services: [
    ['Onthaal en eerste hulp bij vragen', 'Onthaal voor iedereen met vragen over welzijn, relaties, wonen, geld en administratie', 0, 120, true],
    ['JAC – jongerenonthaal', 'Anoniem en gratis praten over thuis, school, vrienden en geld voor jongeren', 12, 25, true],
    ['Begeleid zelfstandig wonen', 'Begeleiding van jongvolwassenen die alleen gaan wonen: budget, huishouden en netwerk', 17, 25, false]] },
  { prefix: 'CLB', sector: 'clb', services: [
    ['Leerlingenbegeleiding', 'Hulp bij leren en studeren, studiekeuze en het welbevinden van leerlingen', 2, 25, true],
    ['Preventieve gezondheidszorg op school', 'Medisch consult, vaccinaties en gezondheidsvoorlichting voor leerlingen', 3, 18, true],
    ['Trajectbegeleiding bij schoolverzuim', 'Samen met school, ouders en leerling werken aan een terugkeer naar de klas', 6, 18, true]] },
  { prefix: 'CGG', sector: 'ggz', services: [
    ['Ambulante therapie voor kinderen en jongeren', 'Diagnostiek en behandeling van angst, somberheid, trauma en gedragsproblemen', 0, 18, true],
    ['Mobiel crisisteam', 'Snelle intensieve begeleiding aan huis bij een psychische crisis van een jongere', 0, 18, false],
    ['Ouder- en gezinsgesprekken', 'Gesprekken met ouders over de psychische gezondheid van hun kinderen', 0, 18, true]] },
  { prefix: 'Jeugdhulp', sector: 'jeugdhulp', services: [
    ['Contextbegeleiding aan huis', 'Wekelijkse begeleiding van gezinnen thuis bij opvoedingsvragen en conflicten', 0, 18, true],
    ['Dagbegeleiding in groep', 'Begeleiding na school in een kleine groep: huiswerk, spel en sociale vaardigheden', 6, 14, false],
    ['Verblijf in een leefgroep', 'Residentiële opvang voor jongeren die tijdelijk niet thuis kunnen wonen', 12, 18, false]] },
  { prefix: 'MFC', sector: 'vaph', services: [
    ['Dagopvang voor kinderen met een beperking', 'Dagbesteding en therapie voor kinderen met een verstandelijke beperking of autisme', 0, 21, false],
    ['Kortverblijf', 'Logeren tijdens weekends en vakanties voor kinderen met een beperking', 0, 21, false],
    ['Mobiele begeleiding op school', 'Ondersteuning van leerlingen met een beperking en hun leerkrachten', 3, 21, true]] },
  { prefix: 'Thuisbegeleiding', sector: 'vaph', services: [
    ['Thuisbegeleiding voor gezinnen', 'Ondersteuning thuis van ouders van een kind met een (vermoeden van) beperking', 0, 21, true],
    ['Vroegbegeleiding', 'Begeleiding van jonge kinderen met een ontwikkelingsachterstand en hun ouders', 0, 6, true],
    ['Oudergroep', 'Ontmoeting en uitwisseling voor ouders van kinderen met een beperking', 0, 21, true]] },
  { prefix: 'Huis van het Kind', sector: 'huis-van-het-kind', services: [
    ['Opvoedingspunt', 'Gesprekken met een pedagoog en infosessies over opvoeden en opgroeien', 0, 18, true],
    ['Ontmoetingsplek voor ouders en kinderen', 'Samen spelen en andere ouders ontmoeten in een huiselijke speelruimte', 0, 3, true],
    ['Lokaal loket kinderopvang', 'Hulp bij het zoeken naar kinderopvang voor baby’s, peuters en schoolkinderen', 0, 12, true]] },
  { prefix: 'Consultatiebureau', sector: 'kind-en-gezin', services: [
    ['Consultatiebureau voor baby’s en peuters', 'Groei en ontwikkeling opvolgen, vaccinaties en advies over voeding en slapen', 0, 3, true],
    ['Prenatale ondersteuning', 'Begeleiding van aanstaande ouders door een vroedvrouw en een gezinsondersteuner', 0, 1, true],
    ['Huisbezoek gezinsondersteuning', 'Een gezinsondersteuner komt aan huis na de geboorte', 0, 3, true]] },
  { prefix: 'Sociaal Huis', sector: 'lokaal-bestuur', services: [
    ['Sociale dienst en leefloon', 'Leefloon, financiële steun en tussenkomst in medische kosten', 18, 120, true],
    ['Budgetbegeleiding en schuldbemiddeling', 'Samen je budget opvolgen en afspraken maken met schuldeisers', 18, 120, true],
    ['Woonbegeleiding', 'Hulp bij het zoeken en behouden van een betaalbare woning', 18, 120, true]] },
  { prefix: 'Ziekenfonds', sector: 'andere', services: [
    ['Sociale dienst van het ziekenfonds', 'Advies over tegemoetkomingen, zorgbudgetten en thuiszorg voor gezinnen', 0, 120, true],
    ['Jongerenwerking en vakantiekampen', 'Vakanties en kampen voor kinderen, ook voor kinderen met een zorgnood', 6, 18, true],
    ['Hulpmiddelen en uitleendienst', 'Hulpmiddelen lenen voor kinderen met een langdurige ziekte of beperking', 0, 120, true]] },
  { prefix: 'Jeugdhuis', sector: 'andere', services: [
    ['Open jeugdwerk', 'Vrije ontmoeting, muziek en activiteiten voor jongeren in de buurt', 12, 25, true],
    ['Zinplek', 'Een plek van rust en verbinding voor jongeren die vastlopen op school of in de hulp', 12, 25, true],
    ['Huiswerkklas', 'Hulp bij huiswerk en studeren met vrijwilligers', 10, 18, true]] },
  { prefix: 'Pleegzorg', sector: 'jeugdhulp', services: [
    ['Perspectiefzoekende pleegzorg', 'Een pleeggezin voor kinderen die langere tijd niet thuis kunnen wonen', 0, 25, false],
    ['Ondersteunende pleegzorg', 'Weekend- en vakantiepleegzorg om gezinnen te ondersteunen', 0, 25, true],
    ['Pleegouders worden', 'Informatie en voorbereiding voor kandidaat-pleegouders', 21, 120, true]] },
  { prefix: 'Dagcentrum', sector: 'jeugdhulp', services: [
    ['Naschoolse begeleiding', 'Opvang en begeleiding na school met aandacht voor huiswerk en opvoeding', 6, 14, false],
    ['Time-outtraject', 'Een kort traject buiten de klas met rust, activiteiten en gesprekken', 12, 18, false],
    ['Gezinsgesprekken', 'Gesprekken met het hele gezin over afspraken en communicatie thuis', 0, 18, true]] },
  { prefix: 'Opvoedingswinkel', sector: 'huis-van-het-kind', services: [
    ['Opvoedingsondersteuning', 'Advies en korte begeleiding bij vragen over opvoeding', 0, 18, true],
    ['Infosessies voor ouders', 'Avonden over pubers, schermtijd, slapen en grenzen stellen', 0, 18, true],
    ['Oudergroep scheiding', 'Ouders in scheiding ontmoeten elkaar en zoeken samen naar rust voor de kinderen', 0, 18, true]] },
  { prefix: 'Justitiehuis', sector: 'justitie', services: [
    ['Herstelbemiddeling voor jongeren', 'Bemiddeling tussen jongeren en slachtoffers na een misdrijf', 12, 18, false],
    ['Slachtofferonthaal', 'Informatie en ondersteuning voor slachtoffers en hun gezin', 0, 120, true],
    ['Maatschappelijk onderzoek', 'Onderzoek naar de leefsituatie van gezinnen op vraag van de rechter', 0, 18, false]] },
];

/** Names of organisations (after the kind and before the municipality): invented but ordinary Dutch. */
const WORDS = [
  'De Horizon', 'De Branding', 'Het Anker', 'De Vlinder', 'Zonnebloem', 'De Brug', 'Kompas', 'De Linde', 'Het Kasteeltje', 'De Meander',
  'Regenboog', 'De Kiem', 'Polderwind', 'De Wissel', 'Het Veer', 'De Sleutel', 'Ter Duinen', 'De Bolster', 'Vlaskouter', 'De Loods',
  'Parkzicht', 'Het Open Huis', 'De Kering', 'Lichtpunt', 'Ter Linden', 'De Oever', 'Het Nest', 'De Vonk', 'Scheldezicht', 'Boomgaard',
];
const STREETS = ['Kerkstraat', 'Stationsstraat', 'Markt', 'Schoolstraat', 'Dorpsstraat', 'Nieuwstraat', 'Molenstraat', 'Kapelstraat', 'Leopoldlaan', 'Gemeenteplein', 'Grote Markt', 'Hoogstraat', 'Beekstraat', 'Populierenlaan', 'Vaartstraat', 'Zandstraat', 'Kasteelstraat', 'Lindenlaan'];
/** Belgian telephone zones of Flanders (numbers themselves are made up). */
const ZONES = ['050', '059', '051', '056', '09', '052', '053', '054', '055', '03', '015', '014', '016', '011', '013', '02'];
const LANGUAGES = ['{nl}', '{nl,fr}', '{nl,en}', '{nl,fr,en}', '{nl,en,ar,tr}'];
const COSTS = ['Gratis.', 'Gratis en anoniem.', 'Een kleine bijdrage per sessie, nooit een drempel.', 'Remgeld volgens het wettelijk tarief.', 'Volgens inkomen; vraag ernaar bij het onthaal.'];
const APPLY = [
  'Bel of mail het onthaal; je krijgt binnen de week een eerste gesprek.',
  'Loop binnen tijdens de openingsuren, zonder afspraak.',
  'Aanmelden via de intersectorale toegangspoort of een hulpverlener.',
  'Een hulpverlener of de school meldt aan, met akkoord van het gezin.',
];

const textArray = (values: string[]) => sql`${`{${values.map((v) => `"${v.replace(/"/g, '\\"')}"`).join(',')}}`}::text[]`;

/** Generates the directory data set (after the demo data: sectors and regions exist); returns the time it took. */
export async function seedDirectory(db: Db, sizes: DirectorySizes, log: (step: string, ms: number) => void = () => {}): Promise<number> {
  const started = performance.now();
  const step = async (name: string, tx: Tx, query: ReturnType<typeof sql>) => {
    const t = performance.now();
    const r = await tx.execute(query);
    const n = (r as { rowCount?: number | null }).rowCount;
    log(n == null ? name : `${n} ${name}`, performance.now() - t);
  };
  // Locations lie up to ±10 steps of 0.0002° (lat) and 0.0003° (lon) off a point inside the
  // municipality (its centroid mostly); smaller steps where that box would leave the municipality.
  const shapes = [...municipalityShapes().values()].map((m) => {
    const [lon, lat] = m.interior;
    const fits = (f: number) => [-1, 0, 1].every((a) => [-1, 0, 1].every((b) => m.contains(lat + a * 10 * 0.0002 * f, lon + b * 10 * 0.0003 * f)));
    return { ...m, step: [1, 0.5, 0.25, 0.1].find(fits) ?? 0 };
  });
  await db.transaction(async (tx) => {
    // Flemish municipalities, numbered, with a point inside, a postal code and the region organisations there belong to.
    await tx.execute(sql`create temp table d_point (nis text primary key, lat double precision, lon double precision, step double precision) on commit drop`);
    await tx.execute(sql`insert into d_point select * from unnest(
      ${textArray(shapes.map((s) => s.nisCode))},
      ${`{${shapes.map((s) => s.interior[1]).join(',')}}`}::double precision[],
      ${`{${shapes.map((s) => s.interior[0]).join(',')}}`}::double precision[],
      ${`{${shapes.map((s) => s.step).join(',')}}`}::double precision[])`);
    await tx.execute(sql`create temp table d_muni on commit drop as
      select row_number() over (order by m.nis_code) - 1 as i, m.nis_code as nis, m.name_nl as name, c.lat, c.lon, c.step,
             (case when m.nis_code like '3%' then '8' when m.nis_code like '4%' then '9' when m.nis_code like '1%' then '2'
                   when m.nis_code like '23%' then '1' else '3' end) || substring(m.nis_code from 3 for 2) || '0' as postal_code,
             (select r.id from region_municipality rm join region r on r.id = rm.region_id
              where rm.nis_code = m.nis_code order by (r.kind = 'network') desc, r.code limit 1) as region_id
      from municipality m join d_point c on c.nis = m.nis_code`);
    await tx.execute(sql`create unique index on d_muni (i)`);
    const [mc] = rowsOf<{ n: number }>(await tx.execute(sql`select count(*)::int as n from d_muni`));
    const M = mc?.n ?? 0;
    if (M === 0) throw new Error('no municipalities: load the reference data first');

    // Kinds of organisation with their sector and three services each.
    await tx.execute(sql`create temp table d_kind on commit drop as
      select k - 1 as k, prefix, s.id as sector_id
      from unnest(${textArray(KINDS.map((k) => k.prefix))}, ${textArray(KINDS.map((k) => k.sector))}) with ordinality as u(prefix, sector, k)
      join sector s on s.code = u.sector`);
    const flat = KINDS.flatMap((k, ki) => k.services.map((s, si) => ({ ki, si, s })));
    await tx.execute(sql`create temp table d_service_kind on commit drop as
      select * from unnest(
        ${`{${flat.map((f) => f.ki).join(',')}}`}::int[], ${`{${flat.map((f) => f.si).join(',')}}`}::int[],
        ${textArray(flat.map((f) => f.s[0]))}, ${textArray(flat.map((f) => f.s[1]))},
        ${`{${flat.map((f) => f.s[2]).join(',')}}`}::int[], ${`{${flat.map((f) => f.s[3]).join(',')}}`}::int[],
        ${`{${flat.map((f) => f.s[4]).join(',')}}`}::boolean[]) as u(k, j, name, description, min_age, max_age, direct_access)`);
    await tx.execute(sql`create unique index on d_service_kind (k, j)`);

    // Organisations: municipality g mod M, kind (g div M) mod K, and a word that differs for every
    // further organisation of the same kind in the same municipality, so names are unique.
    const K = KINDS.length;
    await tx.execute(sql`create temp table d_org_src on commit drop as
      select g, g % ${M}::int as muni, (g / ${M}::int) % ${K}::int as kind,
             k.prefix || ' ' || (${textArray(WORDS)})[1 + (g / ${M * K}::int + (g % ${M}::int) * 11 + (g / ${M}::int) * 3) % ${WORDS.length}::int] || ' ' || m.name as name,
             lower(regexp_replace(translate(k.prefix || (${textArray(WORDS)})[1 + (g / ${M * K}::int + (g % ${M}::int) * 11 + (g / ${M}::int) * 3) % ${WORDS.length}::int] || m.name, 'ëéèïöü’', 'eeeiou'), '[^A-Za-z0-9]', '', 'g')) || g || '.bench.invalid' as domain,
             m.region_id
      from generate_series(0, ${sizes.organisations - 1}::int) g
      join d_muni m on m.i = g % ${M}::int join d_kind k on k.k = (g / ${M}::int) % ${K}::int`);
    await step('organisations', tx, sql`
      insert into organisation (name, region_id, description, website, email, phone, direct_access, broad_entry_point, mandated, listed, status, confirmed_at)
      select s.name, s.region_id,
             s.name || ': ' || lower(sk.description) || ', en meer. Voor kinderen, jongeren en gezinnen uit de buurt.',
             'https://www.' || s.domain, 'info@' || s.domain, (${textArray(ZONES)})[1 + s.g % ${ZONES.length}::int] || ' 99 ' || lpad((s.g % 10000)::text, 4, '0'),
             s.g % 3 = 0, s.g % 17 = 0, s.g % 97 = 0, s.g % 50 <> 1, case when s.g % 200 = 7 then 'archived' else 'active' end,
             now() - (s.g % 400) * interval '1 day'
      from d_org_src s join d_service_kind sk on sk.k = s.kind and sk.j = 0
      on conflict do nothing`);
    await tx.execute(sql`create temp table d_org on commit drop as
      select s.g, s.muni, s.kind, s.domain, o.id from d_org_src s join organisation o on o.name = s.name`);
    await tx.execute(sql`create unique index on d_org (g)`);
    await tx.execute(sql`analyze d_org`);
    await step('organisation sectors', tx, sql`
      insert into organisation_sector (organisation_id, sector_id) select o.id, k.sector_id from d_org o join d_kind k on k.k = o.kind on conflict do nothing`);
    await step('served municipalities', tx, sql`
      insert into organisation_municipality (organisation_id, nis_code)
      select o.id, m.nis from d_org o join d_muni m on m.i in (o.muni, (o.muni + 1) % ${M}::int, (o.muni + 2) % ${M}::int) on conflict do nothing`);

    // Locations: one in the municipality (near its inner point), a second one for every third organisation.
    await step('locations', tx, sql`
      insert into location (organisation_id, name, street, postal_code, city, nis_code, latitude, longitude, confirmed_at)
      select o.id, case when n = 0 then 'Hoofdzetel ' else 'Antenne ' end || m.name,
             (${textArray(STREETS)})[1 + (o.g + n) % ${STREETS.length}::int] || ' ' || (1 + (o.g * 7 + n) % 180),
             m.postal_code, m.name, m.nis,
             m.lat + ((o.g % 21) - 10) * 0.0002 * m.step, m.lon + (((o.g / 21) % 21) - 10) * 0.0003 * m.step,
             now() - (o.g % 400) * interval '1 day'
      from d_org o cross join generate_series(0, 1) n
      join d_muni m on m.i = (o.muni + n) % ${M}::int
      where n = 0 or o.g % 3 = 0`);
    await tx.execute(sql`create temp table d_loc on commit drop as
      select o.g, l.id, row_number() over (partition by o.g order by l.name like 'Antenne%', l.id) - 1 as n
      from d_org o join location l on l.organisation_id = o.id`);
    await tx.execute(sql`create index on d_loc (g, n)`);

    // Services: service s belongs to organisation s mod N and is its (s div N)-th kind of service.
    await tx.execute(sql`create temp table d_svc on commit drop as
      select s, s % ${sizes.organisations}::int as g, (s / ${sizes.organisations}::int) % 3 as j from generate_series(0, ${sizes.services - 1}::int) s`);
    await step('services', tx, sql`
      insert into service (organisation_id, name, description, eligibility, min_age, max_age, languages, how_to_apply, cost, url, email, phone,
                           direct_access, status, capacity, waiting_days, waiting_confirmed_on, confirmed_at)
      select o.id, sk.name,
             sk.description || ' in ' || m.name || ' en omgeving.',
             case when sk.max_age >= 100 then 'Inwoners van ' || m.name || ' en de buurgemeenten.'
                  else 'Kinderen en jongeren van ' || sk.min_age || ' tot ' || sk.max_age || ' jaar en hun gezin.' end,
             sk.min_age, sk.max_age, (${textArray(LANGUAGES)})[1 + v.s % ${LANGUAGES.length}::int]::text[],
             (${textArray(APPLY)})[1 + v.s % ${APPLY.length}::int], (${textArray(COSTS)})[1 + v.s % ${COSTS.length}::int],
             'https://www.' || o.domain || '/aanbod/' || (v.j + 1), 'aanmelden@' || o.domain, null,
             sk.direct_access, case when v.s % 150 = 5 then 'inactive' else 'active' end,
             case when v.s % 4 = 0 then null else 5 + v.s % 60 end,
             case when v.s % 7 = 0 then null else (v.s * 13) % 240 end,
             case when v.s % 7 = 0 then null else current_date - (v.s % 300) end,
             now() - (v.s % 300) * interval '1 day'
      from d_svc v join d_org o on o.g = v.g join d_muni m on m.i = o.muni join d_service_kind sk on sk.k = o.kind and sk.j = v.j`);
    await step('service locations', tx, sql`
      insert into service_location (service_id, location_id)
      select sv.id, l.id
      from (select id, organisation_id, row_number() over (partition by organisation_id order by id) as r from service) sv
      join d_org o on o.id = sv.organisation_id join d_loc l on l.g = o.g and (l.n = 0 or sv.r % 2 = 0)
      on conflict do nothing`);
    await step('contact points', tx, sql`
      insert into contact_point (organisation_id, function, title, email, phone, confirmed_at)
      select o.id, case when k.prefix = 'CLB' and o.g % 5 = 0 then 'education_ambassador' else 'intake' end,
             case when k.prefix = 'CLB' and o.g % 5 = 0 then 'Onderwijsambassadeur' else 'Onthaal' end,
             'onthaal@' || o.domain, (${textArray(ZONES)})[1 + o.g % ${ZONES.length}::int] || ' 99 ' || lpad((o.g % 10000)::text, 4, '0'), now() - (o.g % 400) * interval '1 day'
      from d_org o join d_kind k on k.k = o.kind`);
  });
  await db.execute(sql`analyze organisation, location, service, service_location, organisation_municipality, contact_point`);
  return Math.round(performance.now() - started);
}
