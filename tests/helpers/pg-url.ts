/** The same server as url, on another database. */
export function databaseUrlFor(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = '/' + database;
  return u.toString();
}

/** A connection for CREATE/DROP DATABASE: the `postgres` maintenance database of the same server. */
export function adminUrl(url: string): string {
  return databaseUrlFor(url, 'postgres');
}
