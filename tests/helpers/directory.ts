import { eq, inArray } from 'drizzle-orm';
import type { Db } from '../../src/server/db/client.js';
import {
  contactPoint,
  location,
  organisation,
  organisationMunicipality,
  organisationSector,
  region,
  sector,
  service,
  serviceLocation,
  zinplek,
} from '../../src/server/db/schema/index.js';

/**
 * A small directory on a database with reference data: a published organisation with everything the
 * directory holds (sectors, served municipalities, region, two locations, contacts, services — one
 * offered at both locations, one inactive — and a zinplek), a second published one, an unlisted and
 * an archived one (each with a service). Ids are fixed so tests can name them.
 */
export const DIR = {
  cgg: '10000000-0000-4000-8000-000000000001',
  caw: '10000000-0000-4000-8000-000000000002',
  unlisted: '10000000-0000-4000-8000-000000000003',
  archived: '10000000-0000-4000-8000-000000000004',
  brugge: '20000000-0000-4000-8000-000000000001',
  oostende: '20000000-0000-4000-8000-000000000002',
  gent: '20000000-0000-4000-8000-000000000003',
  therapy: '30000000-0000-4000-8000-000000000001',
  oldGroup: '30000000-0000-4000-8000-000000000002',
  onthaal: '30000000-0000-4000-8000-000000000003',
  hidden: '30000000-0000-4000-8000-000000000004',
  archivedService: '30000000-0000-4000-8000-000000000005',
  zinplek: '40000000-0000-4000-8000-000000000001',
  intake: '50000000-0000-4000-8000-000000000001',
  ambassador: '50000000-0000-4000-8000-000000000002',
} as const;

export async function seedDirectory(db: Db): Promise<void> {
  const sectors = await db.select({ id: sector.id, code: sector.code }).from(sector).where(inArray(sector.code, ['ggz', 'jeugdhulp', 'caw']));
  const sectorId = (code: string) => sectors.find((s) => s.code === code)!.id;
  const [wvl] = await db.select({ id: region.id }).from(region).where(eq(region.code, 'west-vlaanderen'));
  const at = (iso: string) => new Date(iso);
  await db.insert(organisation).values([
    {
      id: DIR.cgg,
      name: 'CGG Kust en Polders',
      description: 'Centrum voor geestelijke gezondheidszorg voor kinderen, jongeren en gezinnen.',
      website: 'https://cgg-kust.example.be',
      email: 'onthaal@cgg-kust.example.be',
      phone: '050 11 22 33',
      regionId: wvl!.id,
      directAccess: true,
      mandated: false,
      broadEntryPoint: true,
      confirmedAt: at('2026-09-01T08:00:00.000Z'),
    },
    { id: DIR.caw, name: 'CAW Noord-West', description: 'Algemeen welzijnswerk: onthaal, begeleiding en crisishulp.', confirmedAt: at('2026-03-01T08:00:00.000Z') },
    { id: DIR.unlisted, name: 'Niet publiek vzw', description: 'Staat niet in de sociale kaart.', listed: false },
    { id: DIR.archived, name: 'Gestopte vzw', description: 'Bestaat niet meer.', status: 'archived' },
  ]);
  await db.insert(organisationSector).values([
    { organisationId: DIR.cgg, sectorId: sectorId('ggz') },
    { organisationId: DIR.cgg, sectorId: sectorId('jeugdhulp') },
    { organisationId: DIR.caw, sectorId: sectorId('caw') },
  ]);
  await db.insert(organisationMunicipality).values([
    { organisationId: DIR.cgg, nisCode: '31005' },
    { organisationId: DIR.cgg, nisCode: '35013' },
  ]);
  await db.insert(location).values([
    { id: DIR.brugge, organisationId: DIR.cgg, name: 'Vestiging Brugge', street: 'Langestraat 12', postalCode: '8000', city: 'Brugge', nisCode: '31005', latitude: 51.2093, longitude: 3.2247, confirmedAt: at('2026-09-01T08:00:00.000Z') },
    { id: DIR.oostende, organisationId: DIR.cgg, name: 'Vestiging Oostende', description: 'Naast het station', street: 'Kaaistraat 3', postalCode: '8400', city: 'Oostende', nisCode: '35013', latitude: 51.2287, longitude: 2.9244 },
    { id: DIR.gent, organisationId: DIR.caw, name: 'Onthaal', street: 'Vrijdagmarkt 1', postalCode: '9000', city: 'Gent', nisCode: null },
  ]);
  await db.insert(service).values([
    {
      id: DIR.therapy,
      organisationId: DIR.cgg,
      name: 'Gezinstherapie',
      description: 'Therapie voor gezinnen met kinderen en jongeren.',
      eligibility: 'Gezinnen met kinderen van 0 tot 18 jaar.',
      minAge: 0,
      maxAge: 18,
      languages: ['nl', 'fr', 'ar'],
      howToApply: 'Bel het onthaal.',
      cost: 'Remgeld volgens inkomen.',
      url: 'https://cgg-kust.example.be/gezinstherapie',
      phone: '050 11 22 44',
      directAccess: true,
      capacity: 40,
      waitingDays: 63,
      waitingConfirmedOn: '2026-10-15',
      confirmedAt: at('2026-10-15T09:30:00.000Z'),
      updatedAt: at('2026-10-15T09:30:00.123Z'),
    },
    { id: DIR.oldGroup, organisationId: DIR.cgg, name: 'Oudergroep', status: 'inactive', updatedAt: at('2025-01-01T00:00:00.000Z') },
    { id: DIR.onthaal, organisationId: DIR.caw, name: 'Onthaal jongeren', description: 'Vrij toegankelijk onthaal.', email: 'jongeren@caw.example.be', updatedAt: at('2026-11-01T00:00:00.000Z') },
    { id: DIR.hidden, organisationId: DIR.unlisted, name: 'Verborgen dienst' },
    { id: DIR.archivedService, organisationId: DIR.archived, name: 'Gestopte dienst' },
  ]);
  await db.insert(serviceLocation).values([
    { serviceId: DIR.therapy, locationId: DIR.brugge },
    { serviceId: DIR.therapy, locationId: DIR.oostende },
    { serviceId: DIR.onthaal, locationId: DIR.gent },
  ]);
  await db.insert(zinplek).values({
    id: DIR.zinplek,
    organisationId: DIR.cgg,
    locationId: DIR.oostende,
    name: 'Zeilclub De Meeuw',
    activities: 'Zeilen en kajakken op zaterdag.',
    forWhom: 'Jongeren van 12 tot 18 die even op adem willen komen.',
    minAge: 12,
    maxAge: 18,
    registration: 'Via het centraal aanmeldpunt van de regio.',
    places: 8,
    updatedAt: at('2026-08-01T10:00:00.000Z'),
  });
  await db.insert(contactPoint).values([
    { id: DIR.intake, organisationId: DIR.cgg, serviceId: DIR.therapy, function: 'intake', title: 'Onthaal gezinstherapie', email: 'intake@cgg-kust.example.be', phone: '050 11 22 55' },
    { id: DIR.ambassador, organisationId: DIR.cgg, function: 'education_ambassador', title: 'Onderwijsambassadeur' },
  ]);
}
