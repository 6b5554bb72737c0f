import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ZErrorResponse } from '../../src/shared/schemas/common.js';
import { ownMessages } from '../../src/server/platform/validation.js';
import { createTestApp, type TestContext } from '../helpers/app.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestApp();
});
afterAll(() => ctx.close());

const EN = { 'accept-language': 'en-GB,en;q=0.9' };

async function details(method: 'GET' | 'POST', url: string, payload?: unknown, headers: Record<string, string> = {}) {
  const res = await ctx.app.inject({ method, url, ...(payload === undefined ? {} : { payload: payload as object }), headers });
  expect(res.statusCode).toBe(400);
  const body = ZErrorResponse.parse(res.json());
  expect(body.error.code).toBe('validation_failed');
  return Object.fromEntries((body.error.details ?? []).map((d) => [d.path, d.message]));
}

describe('field-level validation messages speak the caller’s language', () => {
  it('says a missing field is required, in Dutch by default and in English when asked', async () => {
    expect(await details('POST', '/api/auth/login', {})).toMatchObject({ 'body.email': 'Dit veld is verplicht.', 'body.password': 'Dit veld is verplicht.' });
    expect(await details('POST', '/api/auth/login', {}, EN)).toMatchObject({ 'body.email': 'This field is required.' });
  });

  it('names the expected type, the limits and the format instead of Zod’s own wording', async () => {
    const nl = await details('POST', '/api/auth/login', { email: 'geen-adres', password: 5 });
    expect(nl['body.email']).toBe('Geen geldig e-mailadres.');
    expect(nl['body.password']).toBe('Ongeldige waarde: hier hoort een tekst.');
    const empty = await details('POST', '/api/auth/login', { email: 'a@b.be', password: '' });
    expect(empty['body.password']).toBe('Mag niet leeg zijn.');
    const age = await details('GET', '/api/directory/search?age=999&limit=0');
    expect(age['query.age']).toBe('Te groot: hoogstens 120.');
    expect(age['query.limit']).toBe('Te klein: minstens 1.');
    const ageEn = await details('GET', '/api/directory/search?age=999', undefined, EN);
    expect(ageEn['query.age']).toBe('Too large: at most 120.');
    for (const message of Object.values({ ...nl, ...empty, ...age })) expect(message).not.toMatch(/expected|received|Invalid input|Too (small|big)/);
  });

  it('translates a schema’s own message both ways', async () => {
    expect((await details('GET', '/api/directory/search?age=tien'))['query.age']).toBe('Een geheel getal.');
    expect((await details('GET', '/api/directory/search?age=tien', undefined, EN))['query.age']).toBe('A whole number');
    const code = { email: 'jongere@example.be', code: '12' };
    expect((await details('POST', '/api/portal/login/code', code))['body.code']).toBe('Zes cijfers');
    expect((await details('POST', '/api/portal/login/code', code, EN))['body.code']).toBe('Six digits');
  });
});

describe('the catalogue of the schemas’ own messages', () => {
  it('has a Dutch and an English text for every message a shared schema writes', () => {
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) walk(path);
        else if (name.endsWith('.ts')) files.push(path);
      }
    };
    walk('src/shared/schemas');
    const pattern = /(?:message: |error: |\.(?:min|max|regex|refine|length|superRefine|int|email|uuid)\([^'\n]*, ?)'([^'\n]{3,})'/g;
    const found = new Set<string>();
    for (const file of files) for (const m of readFileSync(file, 'utf8').matchAll(pattern)) if (m[1]) found.add(m[1]);
    expect(found.size).toBeGreaterThan(30);
    const known = ownMessages();
    expect([...found].filter((m) => !known.has(m))).toEqual([]);
  });
});
