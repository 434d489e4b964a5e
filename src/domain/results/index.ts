export * from './sources';
export * from './formula';
export * from './indicators';
export * from './targets';
export * from './validation';
export * from './reporting';
export * from './forms';
export * from './poor-areas';
