import type { DbOrTx } from '../../db/client.js';
import { NotFound } from '../../platform/errors.js';
import {
  HSDS_VERSION,
  type THsdsDataset,
  type THsdsLocation,
  type THsdsOrganization,
  type THsdsService,
  type THsdsServiceAtLocation,
} from '../../../shared/schemas/directory/hsds.js';
import { hsdsRepo } from './hsds.repo.js';
import { serviceAtLocation, toHsdsLocation, toHsdsOrganization, toHsdsService } from './hsds.map.js';

/** The HSDS API reference's page of `contents`. */
export interface HsdsPage<T> {
  total_items: number;
  total_pages: number;
  page_number: number;
  size: number;
  first_page: boolean;
  last_page: boolean;
  empty: boolean;
  contents: T[];
}

function hsdsPage<T>(contents: T[], total: number, page: number, perPage: number): HsdsPage<T> {
  const totalPages = Math.max(1, Math.ceil(total / perPage));
  return {
    total_items: total,
    total_pages: totalPages,
    page_number: page,
    size: contents.length,
    first_page: page === 1,
    last_page: page >= totalPages,
    empty: contents.length === 0,
    contents,
  };
}

async function locationMap(db: DbOrTx, ids: string[]): Promise<Map<string, THsdsLocation>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await hsdsRepo.locationsById(db, unique);
  return new Map(rows.map((r) => [r.id, toHsdsLocation(r)]));
}

async function servicesFor(db: DbOrTx, keys: { id: string; kind: 'service' | 'zinplek' }[], full: boolean): Promise<THsdsService[]> {
  const bundles = await hsdsRepo.serviceBundles(db, keys);
  const locationIds = full ? bundles.flatMap((b) => (b.kind === 'service' ? b.locationIds : b.row.locationId ? [b.row.locationId] : [])) : [];
  const locations = await locationMap(db, locationIds);
  return bundles.map((b) => toHsdsService(b, full, locations));
}

/**
 * The public Open Referral HSDS 3 export of the directory: what the public directory shows (listed
 * organisations that are not archived), as HSDS objects in id order. Public data: no audit rows.
 */
export function createHsdsService(db: DbOrTx) {
  return {
    async organizations(q: { page: number; per_page: number; full?: boolean | undefined }): Promise<HsdsPage<THsdsOrganization>> {
      const [total, ids] = await Promise.all([hsdsRepo.countOrganisations(db), hsdsRepo.organisationIds(db, q.per_page, (q.page - 1) * q.per_page)]);
      const bundles = await hsdsRepo.organisationBundles(db, ids);
      return hsdsPage(
        bundles.map((b) => toHsdsOrganization(b, q.full ?? false)),
        total,
        q.page,
        q.per_page,
      );
    },

    async organization(id: string): Promise<THsdsOrganization> {
      const ids = await hsdsRepo.organisationIds(db, 1, 0, id);
      const [bundle] = await hsdsRepo.organisationBundles(db, ids);
      if (!bundle) throw new NotFound('Deze organisatie staat niet in de publieke sociale kaart.');
      return toHsdsOrganization(bundle, true);
    },

    async services(q: {
      page: number;
      per_page: number;
      full?: boolean | undefined;
      organization_id?: string | undefined;
      modified_after?: string | undefined;
    }): Promise<HsdsPage<THsdsService>> {
      const filter = {
        ...(q.organization_id ? { organisationId: q.organization_id } : {}),
        ...(q.modified_after ? { modifiedAfter: new Date(q.modified_after) } : {}),
      };
      const [total, keys] = await Promise.all([hsdsRepo.countServices(db, filter), hsdsRepo.serviceKeys(db, filter, q.per_page, (q.page - 1) * q.per_page)]);
      return hsdsPage(await servicesFor(db, keys, q.full ?? false), total, q.page, q.per_page);
    },

    async service(id: string): Promise<THsdsService> {
      const keys = await hsdsRepo.serviceKeys(db, { id }, 1, 0);
      const [found] = await servicesFor(db, keys, true);
      if (!found) throw new NotFound('Dit aanbod staat niet in de publieke sociale kaart.');
      return found;
    },

    async serviceAtLocations(q: {
      page: number;
      per_page: number;
      full?: boolean | undefined;
      service_id?: string | undefined;
      organization_id?: string | undefined;
    }): Promise<HsdsPage<THsdsServiceAtLocation>> {
      const filter = { ...(q.service_id ? { serviceId: q.service_id } : {}), ...(q.organization_id ? { organisationId: q.organization_id } : {}) };
      const [total, links] = await Promise.all([
        hsdsRepo.countServiceAtLocations(db, filter),
        hsdsRepo.serviceAtLocations(db, filter, q.per_page, (q.page - 1) * q.per_page),
      ]);
      const locations = q.full ? await locationMap(db, links.map((l) => l.locationId)) : new Map<string, THsdsLocation>();
      return hsdsPage(
        links.map((l) => serviceAtLocation(l.serviceId, l.locationId, locations)),
        total,
        q.page,
        q.per_page,
      );
    },

    /** The whole published directory as one document (fully nested), read in batches. */
    async dataset(batch = 500): Promise<THsdsDataset> {
      const organizations: THsdsOrganization[] = [];
      for (let offset = 0; ; offset += batch) {
        const ids = await hsdsRepo.organisationIds(db, batch, offset);
        const bundles = await hsdsRepo.organisationBundles(db, ids);
        organizations.push(...bundles.map((b) => toHsdsOrganization(b, true)));
        if (ids.length < batch) break;
      }
      const services: THsdsService[] = [];
      for (let offset = 0; ; offset += batch) {
        const keys = await hsdsRepo.serviceKeys(db, {}, batch, offset);
        services.push(...(await servicesFor(db, keys, true)));
        if (keys.length < batch) break;
      }
      return { hsds_version: HSDS_VERSION, organizations, services };
    },
  };
}
