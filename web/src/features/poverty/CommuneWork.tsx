/** The commune officer's and province officer's work: pick a commune of the scope and open its review. */
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorBox } from '../../app/components/feedback';
import { useMe } from '../../app/session';
import { UnitPicker } from '../units/UnitPicker';
import type { Unit } from '../units/api';
import type { ScopeCommune } from '../../../../src/modules/poverty/contracts';
import { scopeCommunesQuery } from './api';
import ScopeCommunes from './ScopeCommunes';
import CommunePanel from './CommunePanel';
import ResidentFile from './ResidentFile';

/** A commune of the scope as the unit picker lists it (its label names the province when the name repeats). */
const asUnit = (c: ScopeCommune): Unit => ({
  id: c.id,
  code: c.code,
  name: c.name,
  fullName: c.label,
  level: 'commune',
  unitType: '',
  parentId: c.provinceId,
  parentCode: null,
  provinceId: c.provinceId,
  validFrom: '',
  validTo: null,
});

export default function CommuneWork({ year, linked }: { year: number; linked: string | null }) {
  const { t } = useTranslation();
  const me = useMe();
  const own = me.user.grants.find((g) => g.role === 'commune_officer')?.unitId ?? null;
  const scope = useQuery(scopeCommunesQuery(year));
  const [picked, setPicked] = useState<Unit | null>(null);
  const communes = scope.data ?? [];
  const options = communes.map(asUnit);
  const wanted = picked?.id ?? linked ?? own;
  // A commune officer's grant may name the commune of today while an earlier year's review was held
  // by the old commune(s) it covers: then their one commune of that year opens, or they choose.
  const chosen = wanted
    ? (communes.find((c) => c.id === wanted) ?? (wanted === own && communes.length === 1 ? communes[0] : null))
    : null;
  const showPicker = !own || communes.length > 1;
  const isProvince = !own && me.user.grants.some((g) => g.role === 'province_officer');
  return (
    <>
      <h2>{t('poverty.communeWork')}</h2>
      <ResidentFile year={year} />
      {scope.isError && <ErrorBox error={scope.error} />}
      {showPicker && scope.data && (
        <UnitPicker
          label={t('poverty.commune')}
          level="commune"
          at={`${year}-12-14`}
          value={picked ?? (chosen ? asUnit(chosen) : null)}
          onChange={setPicked}
          testId="poverty-commune"
          options={options}
        />
      )}
      {/* A commune outside the scope (an old link, a typed address) is refused here, not only by the server. */}
      {scope.data && wanted && !chosen && !(wanted === own && communes.length > 1) && (
        <p className="alert alert-error" role="alert" data-testid="poverty-out-of-scope">
          {t('poverty.outOfScope')}
        </p>
      )}
      {chosen && <CommunePanel key={chosen.id} commune={chosen} year={year} />}
      {isProvince && scope.data && <ScopeCommunes communes={communes} year={year} />}
    </>
  );
}
