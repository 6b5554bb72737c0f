import { describe, expect, it } from 'vitest';
import { hasChromium, useE2e } from './fixture.js';

/** The first page a visitor opens may download at most this much JavaScript, compressed. */
const FIRST_PAGE_JS_BUDGET = 250 * 1024;

describe.skipIf(!hasChromium)('first visit performance in Chromium', () => {
  const e2e = useE2e();

  it(`ships at most ${FIRST_PAGE_JS_BUDGET / 1024} KB of compressed JavaScript to a visitor opening the login page`, async () => {
    const context = await e2e.browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    // Body bytes on the wire per request (as sent, so compressed when it was; headers not counted).
    const scripts = new Map<string, string>();
    const transferred = new Map<string, number>();
    const encodings = new Map<string, string>();
    cdp.on('Network.responseReceived', (e) => {
      if (e.type === 'Script') {
        scripts.set(e.requestId, e.response.url);
        const headers = Object.fromEntries(Object.entries(e.response.headers).map(([k, v]) => [k.toLowerCase(), v]));
        encodings.set(e.response.url, String(headers['content-encoding'] ?? 'none'));
      }
    });
    cdp.on('Network.dataReceived', (e) =>
      transferred.set(e.requestId, (transferred.get(e.requestId) ?? 0) + e.encodedDataLength),
    );

    await page.goto(e2e.baseUrl + '/aanmelden', { waitUntil: 'networkidle' });
    await page.getByRole('heading', { level: 1, name: 'Aanmelden' }).waitFor();
    await page.waitForLoadState('networkidle');

    const perScript = [...scripts].map(([id, url]) => ({ url: new URL(url).pathname, bytes: transferred.get(id) ?? 0 }));
    const total = perScript.reduce((sum, s) => sum + s.bytes, 0);
    const report = perScript
      .sort((a, b) => b.bytes - a.bytes)
      .map((s) => `${(s.bytes / 1024).toFixed(1)} KB ${s.url} (${encodings.get(e2e.baseUrl + s.url) ?? '?'})`)
      .join('\n');
    expect(perScript.length, 'scripts loaded').toBeGreaterThan(0);
    expect(perScript.every((s) => s.bytes > 0), `every script measured:\n${report}`).toBe(true);
    expect(total, `JavaScript of the first page (${(total / 1024).toFixed(1)} KB):\n${report}`).toBeLessThanOrEqual(
      FIRST_PAGE_JS_BUDGET,
    );
    // Administration, the audit trail and the date pickers are not part of a visitor's first page.
    const pageChunks = /(admin-layout|organisations-panel|people-panel|audit-page|account-page|glossary-page|DateInput)-/;
    expect(perScript.filter((s) => pageChunks.test(s.url))).toEqual([]);
    await context.close();
  });

  it('serves the JavaScript brotli-compressed to a browser that accepts it, gzip otherwise', async () => {
    const context = await e2e.browser.newContext();
    const page = await context.newPage();
    const response = await page.goto(e2e.baseUrl + '/aanmelden');
    const html = (await response?.text()) ?? '';
    const entry = /<script[^>]+src="([^"]+\.js)"/.exec(html)?.[1];
    expect(entry, 'entry script in index.html').toBeTruthy();
    const url = new URL(entry ?? '', e2e.baseUrl).toString();

    const br = await fetch(url, { headers: { 'accept-encoding': 'br, gzip' } });
    expect(br.status).toBe(200);
    expect(br.headers.get('content-encoding')).toBe('br');
    expect(br.headers.get('vary') ?? '').toMatch(/accept-encoding/i);
    expect(br.headers.get('content-type')).toMatch(/javascript/);
    // fetch decodes the body: it is the script, not brotli bytes.
    expect(await br.text()).toMatch(/import|function|=>/);

    const gz = await fetch(url, { headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers.get('content-encoding')).toBe('gzip');
    await gz.arrayBuffer();

    // The browser itself gets a compressed script too.
    const inBrowser = await page.request.get(url);
    expect(['br', 'gzip']).toContain(inBrowser.headers()['content-encoding']);
    await context.close();
  });
});
