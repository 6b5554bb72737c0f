/** The environment of the CLI processes the tests start (no vitest imports: global setups use it too). */

/** Limits high enough that no ordinary test meets them; tests of the limits themselves set their own. */
export const TEST_RATE_LIMITS: Record<string, string> = {
  RATE_LIMIT_WINDOW_SECONDS: '60',
  RATE_LIMIT_IP_MAX: '100000',
  RATE_LIMIT_ANONYMOUS_MAX: '100000',
  RATE_LIMIT_SESSION_MAX: '100000',
};

/** The environment every CLI process of the tests gets, before its database. */
export function baseCliEnv(): Record<string, string> {
  return { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', NODE_ENV: 'test', LOG_LEVEL: 'warn', ...TEST_RATE_LIMITS };
}

