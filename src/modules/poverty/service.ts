/**
 * Use cases of the poverty area: the only place of permission checks and audit writes for this area.
 * One file per family of use cases under ./service/.
 */
export * from './service/shared';
export * from './service/import';
export * from './service/aggregates';
export * from './service/summary';
export * from './service/lists';
export * from './service/review';
export * from './service/applications';
export * from './service/resident';
export * from './service/standards';
