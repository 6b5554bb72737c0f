// oidc-provider (v9) ships no type declarations; this is the little the test provider uses.
declare module 'oidc-provider' {
  import type { IncomingMessage, ServerResponse } from 'node:http';

  export interface ClientMetadata {
    client_id: string;
    client_secret?: string;
    redirect_uris?: string[];
    [key: string]: unknown;
  }

  export interface Account {
    accountId: string;
    claims(): Record<string, unknown> | Promise<Record<string, unknown>>;
  }

  export interface Configuration {
    clients?: ClientMetadata[];
    findAccount?: (ctx: unknown, sub: string) => Account | undefined | Promise<Account | undefined>;
    claims?: Record<string, string[]>;
    ttl?: Record<string, number | ((...args: unknown[]) => number)>;
    pkce?: { required?: (ctx: unknown, client: unknown) => boolean };
    clientBasedCORS?: (ctx: unknown, origin: string, client: unknown) => boolean;
    features?: Record<string, { enabled: boolean; [key: string]: unknown }>;
    [key: string]: unknown;
  }

  export default class Provider {
    constructor(issuer: string, configuration?: Configuration);
    readonly issuer: string;
    callback(): (req: IncomingMessage, res: ServerResponse) => void;
    on(event: string, listener: (...args: unknown[]) => void): this;
  }
}
