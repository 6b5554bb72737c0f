import { createSecretBox, parseSecretKey } from '../../src/server/platform/keys/secret-box.js';

/** The secret key of every test app (SAMENPLAN_SECRET_KEY), so factories seal what the app opens. */
export const TEST_SECRET_KEY = Buffer.alloc(32, 7).toString('base64');
/** A second key, for rotation tests. */
export const OTHER_SECRET_KEY = Buffer.alloc(32, 9).toString('base64');

export const testSecretBox = createSecretBox(parseSecretKey(TEST_SECRET_KEY, 'TEST_SECRET_KEY'));
