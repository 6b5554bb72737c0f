import type { SQL } from 'drizzle-orm';
import type { FullContext, RequestContext } from '../context.js';
import { AppError, Forbidden, NotFound } from '../errors.js';
import { STEP_UP_WINDOW_MS } from '../auth/step-up.js';

/**
 * What a rule answers for one actor, action and record:
 * - `true`: allowed;
 * - `'step-up'`: allowed once the second factor was confirmed within the step-up window
 *   (otherwise 401 `reauth_required`; the web still offers the action and asks for the code);
 * - `false`: refused (403).
 */
export type Verdict = boolean | 'step-up';

/** Which actions the web may offer on a record: one boolean per action, never re-derived by a screen. */
export type Abilities<Action extends string> = { [A in Action]: boolean };

/** How a module describes its record-level rules, in its `<module>.policy.ts`. */
export interface RecordPolicyDefinition<Action extends string, R> {
  /** Audit resource type of the record, e.g. 'person'. */
  resourceType: string;
  /** The actions, in the order the web lists them. */
  actions: readonly Action[];
  idOf(record: R): string;
  /**
   * May the actor know that the record exists at all? When not, every action answers 404,
   * exactly as for a record that does not exist. Must agree with `scope`.
   */
  visible(ctx: FullContext, record: R): boolean;
  /** The rows the actor may see, as a SQL condition the repository adds to its query (lists and counts are filtered in the query). */
  scope(ctx: FullContext): SQL;
  /** One rule per action; called only for visible records. */
  rules: { [A in Action]: (ctx: FullContext, record: R) => Verdict };
}

/** The record-level policy of a module: one object answers can / authorize / scope / abilities. */
export interface RecordPolicy<Action extends string, R> {
  readonly resourceType: string;
  readonly actions: readonly Action[];
  /** Whether `authorize` would let this request through now (step-up freshness included). */
  can(ctx: RequestContext, action: Action, record: R): boolean;
  /** Throws the refusal the caller should see: 404 (record must stay unknown), 403, or 401 `reauth_required`. */
  authorize(ctx: RequestContext, action: Action, record: R): asserts ctx is FullContext;
  /** The SQL condition limiting a query to the rows the actor may see. */
  scope(ctx: FullContext): SQL;
  /** Which actions to offer on the record (an action that needs step-up counts as offered). */
  abilitiesOf(ctx: RequestContext, record: R): Abilities<Action>;
  /** Abilities for every record of a list, keyed by id: the `abilities` of a page response. */
  abilitiesById(ctx: RequestContext, records: readonly R[]): Record<string, Abilities<Action>>;
}

function fullOrNull(ctx: RequestContext): FullContext | null {
  return ctx.actor?.level === 'full' ? (ctx as FullContext) : null;
}

/** Whether the actor confirmed the second factor within the step-up window at the request's now. */
export function hasFreshStepUp(ctx: FullContext): boolean {
  const at = ctx.actor.reauthenticatedAt?.getTime();
  return at !== undefined && ctx.now.getTime() - at <= STEP_UP_WINDOW_MS;
}

/** Builds a module's record policy from its rules. */
export function defineRecordPolicy<Action extends string, R>(def: RecordPolicyDefinition<Action, R>): RecordPolicy<Action, R> {
  const refusal = (err: AppError, record: R) => {
    err.resource = { type: def.resourceType, id: def.idOf(record) };
    return err;
  };
  function decide(ctx: RequestContext, action: Action, record: R): AppError | null {
    const full = fullOrNull(ctx);
    if (!full) return new AppError(401, ctx.actor ? 'mfa_required' : 'unauthenticated');
    if (!def.visible(full, record)) return refusal(new NotFound(), record);
    const verdict = def.rules[action](full, record);
    if (verdict === false) return refusal(new Forbidden(), record);
    if (verdict === 'step-up' && !hasFreshStepUp(full)) return refusal(new AppError(401, 'reauth_required'), record);
    return null;
  }
  function abilitiesOf(ctx: RequestContext, record: R): Abilities<Action> {
    const full = fullOrNull(ctx);
    const visible = full !== null && def.visible(full, record);
    const out = {} as Abilities<Action>;
    for (const action of def.actions) out[action] = visible && def.rules[action](full, record) !== false;
    return out;
  }
  return {
    resourceType: def.resourceType,
    actions: def.actions,
    can: (ctx, action, record) => decide(ctx, action, record) === null,
    authorize(ctx, action, record): asserts ctx is FullContext {
      const err = decide(ctx, action, record);
      if (err) throw err;
    },
    scope: (ctx) => def.scope(ctx),
    abilitiesOf,
    abilitiesById: (ctx, records) => Object.fromEntries(records.map((r) => [def.idOf(r), abilitiesOf(ctx, r)])),
  };
}
