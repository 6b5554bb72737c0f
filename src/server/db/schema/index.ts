export * from './reference.js';
export * from './system.js';
