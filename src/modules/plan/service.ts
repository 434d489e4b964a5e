/**
 * Use cases of the plan module: the only place where scope is checked and audit rows are written.
 * One file per family of use cases under ./service/.
 */
export * from './service/read';
export * from './service/tasks';
export * from './service/assignments';
export * from './service/notify';
export * from './service/supervision';
export * from './service/instruments';
export * from './service/members';
