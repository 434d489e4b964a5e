/** What the sign-in routes answer: the types the web may rely on. */
import { z } from 'zod';
import { ROLES } from '../../domain/roles';
import type { Permissions } from './permissions';

export type { Permissions };

export const ActorView = z.object({
  userId: z.number().int(),
  username: z.string(),
  displayName: z.string(),
  grants: z.array(z.object({ role: z.enum(ROLES), agencyId: z.string().nullable(), unitId: z.string().nullable() })),
  mustChangePassword: z.boolean().optional(),
});

export const LoginAnswer = z.object({ user: ActorView });

export const Me = z.object({
  user: ActorView,
  roleLabels: z.record(z.enum(ROLES), z.string()),
  /** what the user may do, answered by the server's policies: area → action → yes or no */
  can: z.record(z.string(), z.record(z.string(), z.boolean())),
});
export type Me = Omit<z.infer<typeof Me>, 'can'> & { can: Permissions };
