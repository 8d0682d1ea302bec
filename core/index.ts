// The public surface of core/ for hosts (Electron main, web harness, tests, bench).
export * from './api/errors';
export * from './api/handler';
export * from './api/backend';
export * from './api/zod-fr';
export * from './db/database';
export * from './db/open';
export * from './db/sqlite';
export * from './db/migrations';
export * from './dates/clock';
export * from './dates/dates';
export * from './money/money';
export * from './handlers';
