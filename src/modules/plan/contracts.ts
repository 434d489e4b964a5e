/** What the plan API answers: the types the web and the CLI may rely on. */
export type { PlanStatusRow } from './service/read';
