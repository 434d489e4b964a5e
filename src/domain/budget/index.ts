export * from './allocate';
export * from './counterpart';
export * from './criteria';
export * from './execution';
export * from './inputs-csv';
export * from './rounding';
export * from './rulebook';
export * from './compare';
