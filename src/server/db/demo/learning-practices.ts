import { eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../client.js';
import { learningPractice, learningPracticeOrganisation, organisation, person } from '../schema/index.js';
import type { TPracticeContact } from '../../../shared/schemas/learning-practices.js';

/**
 * The four described good practices of seed 000 (STENT Oost-Vlaanderen: "vier beschreven
 * samenwerkingspraktijken, met een korte omschrijving van de samenwerking, de doelen, de meerwaarde
 * en de knelpunten"), written anew for the demo network; the contacts are invented. Published by the
 * demo coordinator. Idempotent: keyed on the title.
 */

type TDemoPractice = {
  title: string;
  summary: string;
  goals: string;
  addedValue: string;
  bottlenecks: string;
  contacts: TPracticeContact[];
  sectorCodes: string[];
  organisations: string[];
  author: string;
  daysAgo: number;
};

const PRACTICES: TDemoPractice[] = [
  {
    title: 'Een consulent van het CGG in de leefgroep',
    summary:
      'Een therapeut van het team kinderen en jongeren van CGG Zeewind komt elke dinsdagvoormiddag naar de leefgroepen van Jeugdhulp Kustlijn. Begeleiders brengen situaties van jongeren met een psychische kwetsbaarheid in; samen zoeken ze wat de jongere nu nodig heeft en wie wat opneemt.',
    goals: 'Begeleiders sneller ondersteunen bij psychische vragen van jongeren.\nCrisissen en opnames vermijden door vroeg samen te kijken.\nDe drempel naar het CGG verlagen voor jongeren en hun ouders.',
    addedValue:
      'De jongere hoeft niet eerst op een wachtlijst: de consulent kent de leefgroep en de leefgroep kent de consulent. Begeleiders voelen zich minder alleen staan en leren psychische signalen beter lezen.',
    bottlenecks:
      'Het uur van de consulent wordt gefinancierd uit een tijdelijk project. Bij ziekte is er geen vervanging. Over het delen van informatie moesten eerst duidelijke afspraken komen, met toestemming van de jongere.',
    contacts: [
      { name: 'Wout Demeyere', function: 'Psycholoog, consulent leefgroepen', organisation: 'CGG Zeewind', email: 'wout.demeyere@zeewind.demo' },
      { name: 'Ilse Vanhecke', function: 'Teamcoördinator leefgroepen', organisation: 'Jeugdhulp Kustlijn vzw', email: 'ilse.vanhecke@kustlijn.demo' },
    ],
    sectorCodes: ['ggz', 'jeugdhulp'],
    organisations: ['CGG Zeewind', 'Jeugdhulp Kustlijn vzw'],
    author: 'CGG Zeewind',
    daysAgo: 120,
  },
  {
    title: 'Gezamenlijke intake bij complexe meervoudige problemen',
    summary:
      'Wanneer een jongere tegelijk psychiatrische zorg, een verblijf en ondersteuning bij een beperking nodig heeft, plannen de betrokken diensten één gezamenlijk intakegesprek met de jongere en de ouders, in plaats van drie aparte.',
    goals: 'Eén verhaal, één keer vertellen.\nSamen een plan maken met een duidelijke trekker.\nAfspreken wie de ouders op de hoogte houdt.',
    addedValue:
      'Ouders en jongeren vertellen hun verhaal maar één keer. De diensten zien van bij de start wat de anderen kunnen bieden, zodat er minder wordt doorverwezen en de zorg niet stilvalt tussen twee sectoren.',
    bottlenecks:
      'Agenda’s op elkaar afstemmen vraagt veel tijd. Elke sector heeft eigen aanmeldingsformulieren en registratie, waardoor dubbel werk blijft. Niet elke dienst wil de rol van trekker opnemen.',
    contacts: [
      { name: 'Sien Vermandel', function: 'Trajectbegeleider', organisation: 'Jeugdhulp Kustlijn vzw', email: 'sien.vermandel@kustlijn.demo' },
      { name: 'Pieter Lannoo', function: 'Orthopedagoog', organisation: 'MFC De Brugse Meersen', email: 'pieter.lannoo@meersen.demo' },
    ],
    sectorCodes: ['jeugdhulp', 'vaph', 'ggz'],
    organisations: ['Jeugdhulp Kustlijn vzw', 'MFC De Brugse Meersen', 'CGG Zeewind'],
    author: 'Jeugdhulp Kustlijn vzw',
    daysAgo: 90,
  },
  {
    title: 'Terug naar school na een opname: samenwerking CLB en zorg',
    summary:
      'Voor leerlingen die na een opname of een verblijf terug naar school gaan, maken het CLB, de school en de zorgaanbieder samen een overgangsplan: wat heeft de leerling nodig in de klas, wie is het aanspreekpunt, en wanneer evalueren we.',
    goals: 'Een zachte landing op school na een periode van zorg.\nLeerkrachten weten wat ze kunnen doen en wie ze kunnen bellen.\nSchooluitval voorkomen.',
    addedValue:
      'De leerling en de ouders hebben één aanspreekpunt. De school voelt zich gesteund, en de zorgaanbieder blijft betrokken tot de leerling echt weer meedraait.',
    bottlenecks:
      'Het plan komt soms te laat omdat het ontslag snel gaat. Leerkrachten wisselen vaak, waardoor afspraken verloren gaan. De tijd die het CLB erin steekt, is niet voorzien in de werkingsmiddelen.',
    contacts: [
      { name: 'Hilde Desmet', function: 'CLB-medewerker', organisation: 'CLB Polderland', email: 'hilde.desmet@polderland.demo' },
      { name: 'Maarten Cools', function: 'Schoolbrugfiguur', organisation: 'MFC De Linde', email: 'maarten.cools@delinde.demo' },
    ],
    sectorCodes: ['clb', 'onderwijs', 'vaph'],
    organisations: ['CLB Polderland', 'MFC De Linde'],
    author: 'CLB Polderland',
    daysAgo: 60,
  },
  {
    title: 'Wisselleren: een dag meedraaien in een andere sector',
    summary:
      'Medewerkers van GGZ, jeugdhulp en gehandicaptenzorg draaien een dag mee op de werkvloer van een organisatie uit een andere sector, naar het voorbeeld van het project “Vreemdgaan”. Achteraf schrijven bezoeker en gastorganisatie een korte reflectie.',
    goals: 'De andere sector leren kennen van binnenuit.\nDrempels verlagen om elkaar te bellen.\nVooroordelen over elkaars werking bijstellen.',
    addedValue:
      'Na een dag meedraaien kennen medewerkers een gezicht en een telefoonnummer. Doorverwijzingen gaan vlotter en er is meer begrip voor de wachttijden en regels van de andere sector.',
    bottlenecks:
      'Een dag weg van het eigen team is moeilijk te vervangen. Niet elke werkvloer kan bezoekers ontvangen (privacy van cliënten). Zonder trekker op netwerkniveau valt het project stil.',
    contacts: [{ name: 'Elke Baert', function: 'Netwerkmedewerker', organisation: 'Netwerk Noord-West-Vlaanderen', email: 'elke.baert@netwerk.demo' }],
    sectorCodes: ['ggz', 'jeugdhulp', 'vaph'],
    organisations: ['CGG Zeewind', 'Jeugdhulp Kustlijn vzw', 'MFC De Brugse Meersen'],
    author: 'Jeugdhulp Kustlijn vzw',
    daysAgo: 30,
  },
];

export async function loadDemoPractices(tx: DbOrTx, now = new Date()): Promise<void> {
  const [coordinator] = await tx.select({ id: person.id }).from(person).where(eq(person.email, 'coordinator@samenplan.demo'));
  const names = [...new Set(PRACTICES.flatMap((p) => [...p.organisations, p.author]))];
  const orgs = await tx.select({ id: organisation.id, name: organisation.name }).from(organisation).where(inArray(organisation.name, names));
  const idOf = (name: string) => orgs.find((o) => o.name === name)?.id;
  for (const p of PRACTICES) {
    const [existing] = await tx.select({ id: learningPractice.id }).from(learningPractice).where(eq(learningPractice.title, p.title));
    if (existing) continue;
    const at = new Date(now.getTime() - p.daysAgo * 86_400_000);
    const [row] = await tx
      .insert(learningPractice)
      .values({
        title: p.title,
        summary: p.summary,
        goals: p.goals,
        addedValue: p.addedValue,
        bottlenecks: p.bottlenecks,
        contacts: p.contacts,
        sectorCodes: p.sectorCodes,
        status: 'published',
        authorOrganisationId: idOf(p.author) ?? null,
        publishedAt: at,
        publishedBy: coordinator?.id ?? null,
        createdAt: at,
        updatedAt: at,
      })
      .returning({ id: learningPractice.id });
    if (!row) continue;
    const orgIds = p.organisations.map(idOf).filter((id): id is string => !!id);
    if (orgIds.length) await tx.insert(learningPracticeOrganisation).values(orgIds.map((organisationId) => ({ practiceId: row.id, organisationId }))).onConflictDoNothing();
  }
}
