export * from './reference.js';
export * from './system.js';
export * from './identity.js';
export * from './audit.js';
export * from './mail.js';
export * from './jobs.js';
export * from './families.js';
