import { eq, inArray } from 'drizzle-orm';
import type { Db } from '../client.js';
import { municipality, systemSetting } from '../schema/index.js';
import { loadReferenceData, upsertRegion } from '../reference-data.js';
import { loadDemoPeople } from './people.js';
import { loadDemoFamilies } from './families.js';
import { loadDemoDirectory } from './directory.js';
import { loadDemoExchange, loadDemoLearning } from './learning.js';
import { loadDemoToolkit } from './learning-toolkit.js';
import { loadDemoExchangeHost } from './learning-exchange-host.js';
import { loadDemoPractices } from './learning-practices.js';
import { loadDemoGovernance } from './governance.js';
import { loadDemoGovernancePlan } from './governance-plan.js';
import { loadDemoPortal } from './portal.js';
import type { SecretBox } from '../../platform/keys/secret-box.js';

const DEMO_MARKER = 'demo.loadedAt';

/** The arrondissements Brugge (31000) and Oostende (35000): the 17 municipalities of seed 002. */
const NOORD_WEST_VLAANDEREN_ARRONDISSEMENTS = ['31000', '35000'];

export class DemoRefusedError extends Error {}

/** Whether demo data was loaded into this database before. */
export async function isDemoLoaded(db: Db): Promise<boolean> {
  const rows = await db.select().from(systemSetting).where(eq(systemSetting.key, DEMO_MARKER));
  return rows.length > 0;
}

/**
 * Loads the demo data set (idempotent: a second run adds nothing). Later modules extend this with
 * their own demo records; every step must upsert on a natural key. Refused in production. Secrets
 * are sealed with the app's secret box, like any other.
 */
export async function loadDemoData(db: Db, env: string, secrets: SecretBox): Promise<void> {
  if (env === 'production') throw new DemoRefusedError('Demo data is never loaded when NODE_ENV=production.');
  await db.transaction(async (tx) => {
    await loadReferenceData(tx);
    const nwv = await tx
      .select({ nisCode: municipality.nisCode })
      .from(municipality)
      .where(inArray(municipality.arrondissementNis, NOORD_WEST_VLAANDEREN_ARRONDISSEMENTS));
    const regionId = await upsertRegion(
      tx,
      { code: 'noord-west-vlaanderen', name: 'Noord-West-Vlaanderen', kind: 'network' },
      nwv.map((m) => m.nisCode),
    );
    await loadDemoPeople(tx, regionId, secrets);
    await loadDemoFamilies(tx, regionId);
    await loadDemoDirectory(tx);
    await loadDemoLearning(tx);
    await loadDemoExchange(tx);
    await loadDemoExchangeHost(tx, secrets);
    await loadDemoToolkit(tx, regionId);
    await loadDemoPractices(tx);
    await loadDemoGovernance(tx);
    await loadDemoGovernancePlan(tx);
    await loadDemoPortal(tx);
    await tx
      .insert(systemSetting)
      .values({ key: DEMO_MARKER, value: new Date().toISOString() })
      .onConflictDoUpdate({ target: systemSetting.key, set: { value: new Date().toISOString(), updatedAt: new Date() } });
  });
}
