import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ZErrorResponse } from '../../src/shared/schemas/common.js';
import { createTestApp, type TestContext } from '../helpers/app.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestApp();
});
afterAll(() => ctx.close());

describe('one error format', () => {
  it('answers an unknown API route with 404 route_not_found, in Dutch by default', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/api/does-not-exist' });
    expect(res.statusCode).toBe(404);
    const body = ZErrorResponse.parse(res.json());
    expect(body.error.code).toBe('route_not_found');
    expect(body.error.message).not.toMatch(/route|not found/i);
  });

  it('speaks English when the caller prefers it', async () => {
    const res = await ctx.app.inject({
      method: 'GET',
      url: '/api/does-not-exist',
      headers: { 'accept-language': 'en-GB,en;q=0.9,nl;q=0.5' },
    });
    const nl = await ctx.app.inject({ method: 'GET', url: '/api/does-not-exist', headers: { 'accept-language': 'nl-BE' } });
    expect(res.json().error.message).not.toBe(nl.json().error.message);
  });

  it.each([
    ['{bad json', 'invalid_json'],
    ['{"a":', 'invalid_json'],
  ])('answers malformed JSON %j with 400 %s, never 500', async (payload, code) => {
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/health',
      headers: { 'content-type': 'application/json' },
      payload,
    });
    expect(res.statusCode).toBeGreaterThanOrEqual(400);
    expect(res.statusCode).toBeLessThan(500);
    expect(ZErrorResponse.parse(res.json()).error.code).toBe(code);
    expect(res.body).not.toMatch(/at .*\.(ts|js):\d+/);
  });

  it('answers an unsupported content type with 415', async () => {
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/health',
      headers: { 'content-type': 'application/x-unknown' },
      payload: 'x',
    });
    expect([404, 415]).toContain(res.statusCode);
    ZErrorResponse.parse(res.json());
  });

  it('answers an oversized body with 413', async () => {
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/health',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ big: 'x'.repeat(2_000_000) }),
    });
    expect(res.statusCode).toBe(413);
    expect(ZErrorResponse.parse(res.json()).error.code).toBe('payload_too_large');
  });

  it('answers an unknown file path with 404 JSON, not the web app', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/nothing-here.png' });
    expect(res.statusCode).toBe(404);
    ZErrorResponse.parse(res.json());
  });
});

describe('headers', () => {
  it('sends strict security headers and no-store on API responses', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/api/health' });
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    expect(res.headers['cache-control']).toBe('no-store');
    // Not behind TLS here: no HSTS, which would break plain-http development.
    expect(res.headers['strict-transport-security']).toBeUndefined();
  });

  it('sends HSTS when the public URL is https', async () => {
    const tls = await createTestApp({ PUBLIC_URL: 'https://samenplan.example.be' });
    const res = await tls.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.headers['strict-transport-security']).toMatch(/max-age=\d+/);
    await tls.close();
  });

  it('keeps a sane caller request id and replaces a hostile one', async () => {
    const ok = await ctx.app.inject({ url: '/api/health', headers: { 'x-request-id': 'abc-12345678' } });
    expect(ok.headers['x-request-id']).toBe('abc-12345678');
    const bad = await ctx.app.inject({ url: '/api/health', headers: { 'x-request-id': 'a\nb<script>' } });
    expect(bad.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('OpenAPI', () => {
  it('documents every API route from its Zod schemas', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/health', '/api/regions', '/api/regions/{code}', '/api/sectors']),
    );
    expect(doc.paths['/api/regions/{code}'].get.responses['404']).toBeDefined();
  });

  it('serves interactive docs at /api/docs', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
  });
});

describe('policies', () => {
  it('every registered route declares a policy (deny by default)', () => {
    expect(ctx.app.routeInventory.length).toBeGreaterThan(5);
    const missing = ctx.app.routeInventory.filter((r) => !r.policy);
    expect(missing).toEqual([]);
  });

  it('refuses to start when a route declares no policy', async () => {
    const { default: Fastify } = await import('fastify');
    const { registerPolicyEnforcement } = await import('../../src/server/platform/policy/policy.js');
    const app = Fastify();
    registerPolicyEnforcement(app);
    app.get('/api/secret', async () => 'x');
    await expect(app.ready()).rejects.toThrow(/without a declared policy.*GET \/api\/secret/);
  });
});

describe('web app', () => {
  it('serves index.html for page paths and the files of the build, with the CSP', async () => {
    const { mkdtempSync, mkdirSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { buildApp } = await import('../../src/server/app.js');
    const webDir = mkdtempSync(join(tmpdir(), 'samenplan-web-'));
    mkdirSync(join(webDir, 'assets'));
    writeFileSync(join(webDir, 'index.html'), '<!doctype html><html><body><div id="root"></div></body></html>');
    writeFileSync(join(webDir, 'assets', 'app-abc123.js'), 'console.log(1)');
    const app = await buildApp({ config: ctx.config, database: ctx.database }, { webDir });
    for (const url of ['/', '/regio/noord-west-vlaanderen', '/bestaat/niet']) {
      const page = await app.inject({ url });
      expect(page.statusCode, url).toBe(200);
      expect(page.headers['content-type']).toContain('text/html');
      expect(page.body).toContain('<div id="root">');
      expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    }
    const asset = await app.inject({ url: '/assets/app-abc123.js' });
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['cache-control']).toContain('immutable');
    await app.close();
  });

  it('sends the precompressed brotli or gzip copy the browser accepts, and the plain file otherwise', async () => {
    const { mkdtempSync, mkdirSync, writeFileSync, existsSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { brotliDecompressSync, gunzipSync } = await import('node:zlib');
    const { buildApp } = await import('../../src/server/app.js');
    const { compressAssets } = await import('../../scripts/compress-assets.mjs');
    const webDir = mkdtempSync(join(tmpdir(), 'samenplan-web-'));
    mkdirSync(join(webDir, 'assets'));
    writeFileSync(join(webDir, 'index.html'), '<!doctype html><html><body><div id="root"></div></body></html>');
    const js = `export const words = ${JSON.stringify(Array.from({ length: 400 }, (_, i) => `woord ${i}`))};\n`;
    writeFileSync(join(webDir, 'assets', 'app-abc123.js'), js);
    writeFileSync(join(webDir, 'assets', 'tiny-abc123.js'), 'console.log(1)');
    // Under a kilobyte still gains (a first visit loads dozens of such chunks).
    writeFileSync(join(webDir, 'assets', 'small-abc123.js'), `export const a = ${JSON.stringify('samenplan '.repeat(60))};\n`);
    expect(await compressAssets(webDir)).toBe(2);
    expect(existsSync(join(webDir, 'assets', 'small-abc123.js.br'))).toBe(true);
    // Too small to gain anything: no copies.
    expect(existsSync(join(webDir, 'assets', 'tiny-abc123.js.br'))).toBe(false);
    const app = await buildApp({ config: ctx.config, database: ctx.database }, { webDir });

    const br = await app.inject({ url: '/assets/app-abc123.js', headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(br.statusCode).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['content-type']).toContain('javascript');
    expect(br.headers.vary).toMatch(/accept-encoding/i);
    expect(br.headers['cache-control']).toContain('immutable');
    expect(br.rawPayload.length).toBeLessThan(js.length / 3);
    expect(brotliDecompressSync(br.rawPayload).toString()).toBe(js);

    const gz = await app.inject({ url: '/assets/app-abc123.js', headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.rawPayload).toString()).toBe(js);

    const plain = await app.inject({ url: '/assets/app-abc123.js', headers: { 'accept-encoding': 'identity' } });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(js);

    const tiny = await app.inject({ url: '/assets/tiny-abc123.js', headers: { 'accept-encoding': 'br' } });
    expect(tiny.statusCode).toBe(200);
    expect(tiny.headers['content-encoding']).toBeUndefined();
    expect(tiny.body).toBe('console.log(1)');
    await app.close();
  });
});
