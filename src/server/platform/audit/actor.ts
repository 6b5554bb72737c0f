import type { FullContext } from '../context.js';

/** The actor fields of an audit entry for a request with a full session. */
export const auditActor = (ctx: FullContext) => ({
  actorAccountId: ctx.actor.accountId,
  actorPersonId: ctx.actor.personId,
  ip: ctx.ip,
});
