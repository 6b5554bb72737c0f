import { z } from 'zod';

export const ZHealth = z
  .object({
    status: z.literal('ok'),
    database: z.enum(['pglite', 'postgres']),
    /** Only for a full session: anonymous callers learn nothing about which release runs. */
    version: z.string().optional(),
  })
  .meta({ id: 'Health' });
export type THealth = z.infer<typeof ZHealth>;
