/** What the account screens share: agencies that can lead a project, the unit level of a role, role names. */
import { queryOptions } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../../../../src/modules/access/actor';
import { api, query } from '../../../app/api';
import { compareVi } from '../../../app/format';
import { currentLanguage } from '../../../app/i18n';
import { useMe } from '../../../app/session';

export interface Agency {
  id: string;
  code: string;
  kind: string;
  name: string;
}

/** Agencies that can lead a project of the program (not local People's Committees and departments). */
const CENTRAL_KINDS = new Set(['government', 'ministry', 'central_agency']);

export const agenciesQuery = (at: string) =>
  queryOptions({
    queryKey: ['agencies', 'central', at],
    queryFn: ({ signal }) =>
      api<{ items: Agency[] }>(`/api/agencies${query({ at })}`, { signal }).then((r) =>
        r.items.filter((a) => CENTRAL_KINDS.has(a.kind)).sort((a, b) => compareVi(a.name, b.name)),
      ),
    staleTime: 30 * 60_000,
  });

export const UNIT_LEVEL: Partial<Record<Role, 'province' | 'commune'>> = {
  province_officer: 'province',
  commune_officer: 'commune',
};

export function useRoleLabel() {
  const { t } = useTranslation();
  const me = useMe();
  const lang = currentLanguage();
  return (r: Role) => (lang === 'vi' ? (me.roleLabels[r] ?? t(`roles.${r}`)) : t(`roles.${r}`));
}
