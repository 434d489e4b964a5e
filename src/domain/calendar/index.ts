export * from './dates';
export * from './lunar';
export * from './holidays';
export * from './working-days';
