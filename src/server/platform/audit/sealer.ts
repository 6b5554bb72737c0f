import type { FastifyBaseLogger } from 'fastify';
import type { KeyObject } from 'node:crypto';
import type { Db } from '../../db/client.js';
import type { Clock } from '../clock.js';
import { sealAudit, type SealResult } from './audit.js';
import { loadSigningKey, publishCheckpoint, signCheckpoint, type Checkpoint } from './checkpoints.js';

export interface SealerConfig {
  dataDir: string;
  signingKey: string | undefined;
  checkpointFile: string;
  checkpointUrl: string | undefined;
  checkpointSeconds: number;
}

export interface AuditSealer {
  /**
   * One sealing pass, then a checkpoint when the chain grew and the last one is older than the
   * interval (or always, with `checkpoint: true`). `wait` waits for a sealer elsewhere.
   */
  run(opts?: { wait?: boolean; checkpoint?: boolean; maxRows?: number }): Promise<SealResult & { checkpoint: Checkpoint | null }>;
}

/** The queue the sealer runs on. */
export const AUDIT_SEAL_QUEUE = 'audit-seal';

export function createAuditSealer(deps: { db: Db; config: SealerConfig; clock: Clock; log: Pick<FastifyBaseLogger, 'error'> }): AuditSealer {
  const { db, config, clock, log } = deps;
  let key: KeyObject | undefined;
  let last: { position: number; at: number } | null = null;
  return {
    async run(opts = {}) {
      const result = await sealAudit(db, { wait: opts.wait ?? false, ...(opts.maxRows ? { maxRows: opts.maxRows } : {}) });
      const head = result.head;
      const now = clock.now();
      const due =
        head !== null &&
        (opts.checkpoint === true ||
          last === null ||
          (head.position !== last.position && now.getTime() - last.at >= config.checkpointSeconds * 1000));
      if (!due || !head) return { ...result, checkpoint: null };
      // Loaded when first needed, so tests and tools that never checkpoint never create a key.
      key ??= loadSigningKey(config);
      const checkpoint = signCheckpoint(key, head, now);
      await publishCheckpoint(checkpoint, { file: config.checkpointFile, url: config.checkpointUrl }, (err, where) =>
        log.error({ err, where }, 'could not publish audit checkpoint'),
      );
      last = { position: head.position, at: now.getTime() };
      return { ...result, checkpoint };
    },
  };
}
