import { Link } from '@tanstack/react-router';
import type { ReactNode } from 'react';

/** A link to a unit version's page (/don-vi/<id>). */
export function UnitLink({ id, children }: { id: string; children: ReactNode }) {
  return (
    <Link to="/don-vi/$unitId" params={{ unitId: id }}>
      {children}
    </Link>
  );
}
