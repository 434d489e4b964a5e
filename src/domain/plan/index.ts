export * from './deadline';
export * from './status';
export * from './lateness';
export * from './rollup';
export * from './reorganisation';
export * from './national-plan';
export * from './vocabulary';
