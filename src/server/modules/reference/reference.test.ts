import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ZRegionDetailResponse, ZRegionListResponse, ZSectorListResponse } from '../../../shared/schemas/reference.js';
import { createTestApp, type TestContext } from '../../../../tests/helpers/app.js';
import { loadDemoData } from '../../db/demo/index.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestApp();
  await loadDemoData(ctx.database.db, 'test', ctx.app.deps.secrets);
});
afterAll(() => ctx.close());

describe('regions', () => {
  it('lists the networks first, then the five Flemish provinces, with computed totals', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/api/regions' });
    expect(res.statusCode).toBe(200);
    const { data } = ZRegionListResponse.parse(res.json());
    const networks = data.filter((r) => r.kind === 'network');
    expect(data.slice(0, networks.length)).toEqual(networks);
    expect(networks.find((r) => r.code === 'noord-west-vlaanderen')).toMatchObject({ kind: 'network', municipalityCount: 17 });
    // The other demo networks by arrondissement (demo/directory.ts).
    expect(networks.map((r) => r.code)).toEqual(expect.arrayContaining(['regio-gent', 'meetjesland', 'regio-leuven']));
    const provinces = data.filter((r) => r.kind === 'province');
    expect(provinces.map((p) => p.code).sort()).toEqual(
      ['antwerpen', 'limburg', 'oost-vlaanderen', 'vlaams-brabant', 'west-vlaanderen'],
    );
    // Every Flemish municipality lies in exactly one province.
    expect(provinces.reduce((n, p) => n + p.municipalityCount, 0)).toBe(299);
  });

  it('gives Noord-West-Vlaanderen its 17 municipalities of the arrondissements Brugge and Oostende', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/api/regions/noord-west-vlaanderen' });
    expect(res.statusCode).toBe(200);
    const { data } = ZRegionDetailResponse.parse(res.json());
    expect(data.municipalities).toHaveLength(17);
    const inArr = (name: string) => data.municipalities.filter((m) => m.arrondissementNl === name);
    expect(inArr('Brugge')).toHaveLength(10);
    expect(inArr('Oostende')).toHaveLength(7);
    expect(data.municipalities.map((m) => m.nameNl)).toContain('Knokke-Heist');
    // The population is computed from the municipalities, never stored by hand.
    expect(data.population).toBe(data.municipalities.reduce((n, m) => n + m.population, 0));
    expect(data.population).toBeGreaterThan(400_000);
  });

  it('answers 404 in the error format for an unknown region', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/api/regions/atlantis' });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({ error: { code: 'not_found', message: expect.any(String) } });
  });

  it('refuses a malformed region code with a 400 naming the field', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: "/api/regions/x'%20or%201=1--" });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('validation_failed');
    expect(res.json().error.details[0].path).toBe('params.code');
  });

  it('loading the demo data twice adds nothing', async () => {
    const before = ZRegionListResponse.parse((await ctx.app.inject({ url: '/api/regions' })).json()).data;
    await loadDemoData(ctx.database.db, 'test', ctx.app.deps.secrets);
    const after = ZRegionListResponse.parse((await ctx.app.inject({ url: '/api/regions' })).json()).data;
    expect(after).toEqual(before);
  });

  it('refuses demo data in production', async () => {
    await expect(loadDemoData(ctx.database.db, 'production', ctx.app.deps.secrets)).rejects.toThrow(/production/);
  });
});

describe('sectors', () => {
  it('lists the sectors of the network in Dutch and English', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/api/sectors' });
    const { data } = ZSectorListResponse.parse(res.json());
    expect(data.map((s) => s.code)).toEqual(
      expect.arrayContaining(['ggz', 'jeugdhulp', 'vaph', 'caw', 'clb', 'kind-en-gezin', 'huis-van-het-kind', 'onderwijs', 'justitie']),
    );
    expect(data.find((s) => s.code === 'lokaal-bestuur')?.nameEn).toBe('Local government');
  });
});
