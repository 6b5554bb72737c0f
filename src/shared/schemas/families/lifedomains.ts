import { z } from 'zod';
import { dataEnvelope, zName } from '../common.js';
import { ZLifeDomain } from './requests.js';

/**
 * The platform admin's editing of the life-domain list (/api/admin/life-domains). Codes are
 * stable keys stored on requests and plan goals, so they never change; names change, a domain is
 * retired (inactive: refused for new requests and goals, still named on old ones) and, while nothing
 * refers to it, deleted.
 */

/** A code: lower-case letters, digits and underscores, starting with a letter (as the table's check). */
export const zLifeDomainCode = z
  .string()
  .regex(/^[a-z][a-z0-9_]{1,39}$/, 'Lower-case letters, digits and _ (2–40), starting with a letter')
  .describe('Life domain code');

/** A life domain as the admin screen lists it: with whether requests or plans use it. */
export const ZLifeDomainAdmin = ZLifeDomain.extend({
  /** Requests and plan versions that name it (a domain in use cannot be deleted, only retired). */
  inUse: z.boolean(),
}).meta({ id: 'LifeDomainAdmin' });
export type TLifeDomainAdmin = z.infer<typeof ZLifeDomainAdmin>;
export const ZLifeDomainAdminListResponse = dataEnvelope(z.array(ZLifeDomainAdmin));
export const ZLifeDomainAdminResponse = dataEnvelope(ZLifeDomainAdmin);

export const ZLifeDomainCreate = z
  .object({ code: zLifeDomainCode, nameNl: zName({ max: 100 }), nameEn: zName({ max: 100 }) })
  .strict()
  .meta({ id: 'LifeDomainCreate' });
export type TLifeDomainCreate = z.input<typeof ZLifeDomainCreate>;

/** Rename (nl/en) and/or retire (`active: false`) or bring back (`active: true`). */
export const ZLifeDomainUpdate = z
  .object({ nameNl: zName({ max: 100 }).optional(), nameEn: zName({ max: 100 }).optional(), active: z.boolean().optional() })
  .strict()
  .refine((v) => v.nameNl !== undefined || v.nameEn !== undefined || v.active !== undefined, { message: 'Nothing to change' })
  .meta({ id: 'LifeDomainUpdate' });
export type TLifeDomainUpdate = z.input<typeof ZLifeDomainUpdate>;

/** The new order: every code of the list exactly once (active and inactive), first to last. */
export const ZLifeDomainOrder = z
  .object({ codes: z.array(zLifeDomainCode).min(1).max(200) })
  .strict()
  .meta({ id: 'LifeDomainOrder' });
export type TLifeDomainOrder = z.input<typeof ZLifeDomainOrder>;

export const ZLifeDomainParams = z.object({ code: zLifeDomainCode });
