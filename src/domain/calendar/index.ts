export * from './dates';
export * from './lunar';
export * from './holidays';
export * from './notices';
export * from './working-days';
export * from './time-limits';
