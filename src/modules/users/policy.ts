/** Who may do what with accounts. Pure: the service asks, the answer also travels to the web as `can`. */
import { hasRole, type Actor } from '../access/actor';

export type UserAction = 'list' | 'create' | 'reset_password' | 'lock' | 'unlock' | 'edit_grants';

export interface UserTarget {
  id: number;
  active: boolean;
}

export function can(actor: Actor | null, action: UserAction, target?: UserTarget): boolean {
  if (!hasRole(actor, 'admin')) return false;
  const self = !!target && target.id === actor!.userId;
  switch (action) {
    case 'list':
    case 'create':
    case 'edit_grants':
      return true;
    case 'reset_password':
      // one's own password is changed with the current one, not reset
      return !!target && !self;
    case 'lock':
      return !!target && target.active && !self;
    case 'unlock':
      return !!target && !target.active;
  }
}
