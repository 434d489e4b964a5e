import type { Command } from 'commander';
import type { CliContext } from './context';
import { registerPlatformCommands } from './platform';
import { registerPovertyCommands } from '../modules/poverty/cli';
import { registerPlanCommands } from '../modules/plan/cli';
import { registerUnitsCommands } from '../modules/units/cli';
import { registerCalendarCommands } from '../modules/calendar/cli';
import { registerUsersCommands } from '../modules/users/cli';
import { registerBudgetCommands } from '../modules/budget/cli';
import { registerResultsCommands } from '../modules/results/cli';

/** Every module's commands. Add yours here (one line). */
export function registerCommands(program: Command, ctx: CliContext) {
  registerPlatformCommands(program, ctx);
  registerPovertyCommands(program, ctx);
  registerPlanCommands(program, ctx);
  registerUnitsCommands(program, ctx);
  registerCalendarCommands(program, ctx);
  registerUsersCommands(program, ctx);
  registerBudgetCommands(program, ctx);
  registerResultsCommands(program, ctx);
}
