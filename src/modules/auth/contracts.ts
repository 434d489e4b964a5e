/** What the sign-in routes answer: the types the web may rely on. */
import { z } from 'zod';
import { ROLES } from '../../domain/roles';

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
});
export type Me = z.infer<typeof Me>;
