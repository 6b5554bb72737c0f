import * as client from 'openid-client';
import type { Clock } from '../clock.js';

/** What the app needs to talk to one OpenID Connect provider. */
export interface OidcSettings {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Our callback URL, registered at the provider (built from PUBLIC_URL). */
  redirectUri: string;
  /** Plain-http issuer allowed (development and tests only; never in production). */
  allowHttp: boolean;
}

/** A started authorization request: where to send the browser, and what the callback must check. */
export interface OidcAuthorization {
  url: URL;
  state: string;
  nonce: string;
  codeVerifier: string;
}

/** The validated external identity: users are keyed by issuer + subject, nothing else. */
export interface OidcIdentity {
  issuer: string;
  subject: string;
}

/** A refused login, with a short reason for the audit trail (never token content). */
export class OidcFailure extends Error {
  constructor(
    readonly reason: string,
    cause?: unknown,
  ) {
    super(`oidc: ${reason}`, { cause });
  }
}

const SCOPE = 'openid email profile';
const HTTP_TIMEOUT_SECONDS = 10;

/** Short, safe reason code from an openid-client / oauth4webapi error (no token or claim values). */
export function failureReason(err: unknown): string {
  const short = (s: unknown) => (typeof s === 'string' ? s.replace(/[^a-z0-9_]/gi, '').slice(0, 40) : 'unknown');
  if (err instanceof OidcFailure) return err.reason;
  if (err instanceof client.AuthorizationResponseError) return `provider_${short(err.error)}`;
  if (err instanceof client.ResponseBodyError) return `token_${short(err.error)}`;
  // openid-client wraps oauth4webapi's OperationProcessingError in a ClientError; the claim sits in the cause.
  let e: unknown = err;
  for (let depth = 0; depth < 4 && e instanceof Error; depth++) {
    const cause = (e as { cause?: unknown }).cause;
    const code = (e as { code?: unknown }).code;
    if (cause && typeof cause === 'object' && 'claim' in cause && typeof cause.claim === 'string') {
      return `id_token_${short(cause.claim)}`;
    }
    if (code === 'OAUTH_KEY_SELECTION_FAILED' || /signature/i.test(e.message)) return 'id_token_signature';
    if (code === 'OAUTH_HTTP_REQUEST_FORBIDDEN' || code === 'OAUTH_REQUEST_PROTOCOL_FORBIDDEN') return 'insecure_provider';
    e = cause;
  }
  if (err instanceof client.ClientError) return `oidc_${short(err.code ?? 'error').toLowerCase()}`;
  return 'oidc_error';
}

/**
 * One OpenID Connect relying party (authorization code flow, PKCE S256, state and nonce).
 * Discovery happens lazily on first use and is cached, so a provider that is down does not
 * stop the app from starting; a failed discovery is retried on the next login.
 *
 * The ID token is validated by openid-client: issuer, audience (and azp), expiry/iat with the
 * app's clock, nonce, and — through enableNonRepudiationChecks — its signature against the
 * provider's JWKS (openid-client skips the signature for tokens received over TLS by default).
 */
export function createOidcClient(settings: OidcSettings, clock: Clock) {
  let discovered: Promise<client.Configuration> | undefined;
  let jwksCache: ReturnType<typeof client.getJwksCache>;

  function discover(): Promise<client.Configuration> {
    discovered ??= client
      .discovery(new URL(settings.issuer), settings.clientId, { client_secret: settings.clientSecret }, client.ClientSecretBasic(settings.clientSecret), {
        execute: settings.allowHttp ? [client.allowInsecureRequests] : [],
        timeout: HTTP_TIMEOUT_SECONDS,
      })
      .catch((err: unknown) => {
        discovered = undefined;
        throw new OidcFailure('provider_unavailable', err);
      });
    return discovered;
  }

  /**
   * A Configuration for one callback, whose notion of "now" is the app's clock: openid-client
   * takes Date.now() plus clockSkew (seconds), so the skew is the app clock's offset.
   */
  function configurationForNow(base: client.Configuration): client.Configuration {
    const skew = Math.round((clock.now().getTime() - Date.now()) / 1000);
    const cfg = new client.Configuration(
      base.serverMetadata(),
      settings.clientId,
      { client_secret: settings.clientSecret, [client.clockSkew]: skew },
      client.ClientSecretBasic(settings.clientSecret),
    );
    cfg.timeout = HTTP_TIMEOUT_SECONDS;
    if (settings.allowHttp) client.allowInsecureRequests(cfg);
    client.enableNonRepudiationChecks(cfg);
    if (jwksCache) client.setJwksCache(cfg, jwksCache);
    return cfg;
  }

  /** Builds the authorization URL with fresh state, nonce and PKCE verifier (S256). */
  async function authorizationUrl(extra: Record<string, string> = {}): Promise<OidcAuthorization> {
    const cfg = await discover();
    const state = client.randomState();
    const nonce = client.randomNonce();
    const codeVerifier = client.randomPKCECodeVerifier();
    const url = client.buildAuthorizationUrl(cfg, {
      ...extra,
      redirect_uri: settings.redirectUri,
      response_type: 'code',
      scope: SCOPE,
      state,
      nonce,
      code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
    });
    return { url, state, nonce, codeVerifier };
  }

  /**
   * Processes the provider's redirect: checks state (and the RFC 9207 iss parameter when the
   * provider sends it), exchanges the code with the PKCE verifier and validates the ID token.
   * Throws OidcFailure with a short reason on any problem.
   */
  async function callback(query: URLSearchParams, checks: { state: string; nonce: string; codeVerifier: string }): Promise<OidcIdentity> {
    const base = await discover();
    const cfg = configurationForNow(base);
    // The callback URL is rebuilt from our configured redirect URI, never from the Host header.
    const currentUrl = new URL(settings.redirectUri);
    for (const [k, v] of query) currentUrl.searchParams.append(k, v);
    try {
      const tokens = await client.authorizationCodeGrant(cfg, currentUrl, {
        expectedState: checks.state,
        expectedNonce: checks.nonce,
        pkceCodeVerifier: checks.codeVerifier,
        idTokenExpected: true,
      });
      jwksCache = client.getJwksCache(cfg) ?? jwksCache;
      const claims = tokens.claims();
      if (!claims || typeof claims.sub !== 'string' || claims.sub === '') throw new OidcFailure('id_token_missing');
      // openid-client compared iss with the discovered issuer; keep the metadata's value as the key.
      return { issuer: base.serverMetadata().issuer, subject: claims.sub };
    } catch (err) {
      if (err instanceof OidcFailure) throw err;
      throw new OidcFailure(failureReason(err), err);
    }
  }

  return { authorizationUrl, callback };
}
export type OidcClient = ReturnType<typeof createOidcClient>;
