/**
 * Start page. Anonymous visitors see the program's public results (targets, national and regional
 * figures, poor areas, sources); a signed-in user sees their roles, the national overview when their
 * role follows the whole program, and the pages they may open.
 */
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { formatDateVi, todayInVietnam } from '../../app/format';
import { currentLanguage } from '../../app/i18n';
import { PAGES } from '../../app/routes';
import { permits, useSession, type Me } from '../../app/session';
import { CommunePanel } from '../results/CommunePanel';
import { CommuneWork } from '../results/CommuneWork';
import { OverviewPanel } from '../results/OverviewPanel';
import { ProvincePanel } from '../results/ProvincePanel';
import { ProvinceProgress } from '../results/ProvinceProgress';
import { PublicResults } from '../results/PublicResults';
import { useAgencyNames, useUnitNames } from '../units/names';

export default function HomePage() {
  const me = useSession();
  if (!me) return <PublicResults signedIn={false} />;
  return <SignedInHome me={me} />;
}

function SignedInHome({ me }: { me: Me }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const pages = PAGES.filter((p) => p.nav && p.path !== '/' && permits(me, p.can));
  const unitNames = useUnitNames(me.user.grants.map((g) => g.unitId));
  const agencyNames = useAgencyNames(me.user.grants.some((g) => g.agencyId));
  const provinceIds = me.user.grants
    .filter((g) => g.role === 'province_officer' && g.unitId)
    .map((g) => g.unitId as string);
  const communeIds = me.user.grants
    .filter((g) => g.role === 'commune_officer' && g.unitId)
    .map((g) => g.unitId as string);
  return (
    <section>
      <h1>{t('home.title')}</h1>
      <p className="lead">{t('home.welcome', { name: me.user.displayName, date: formatDateVi(todayInVietnam()) })}</p>
      <h2>{t('home.yourRoles')}</h2>
      <ul className="grants" data-testid="grants">
        {me.user.grants.map((g, i) => (
          <li key={i}>
            <strong>{lang === 'vi' ? (me.roleLabels[g.role] ?? g.role) : t(`roles.${g.role}`)}</strong>
            {g.unitId && (
              <span className="muted">
                {' '}
                — {t('home.unit')}: {unitNames.get(g.unitId) ?? '…'}
              </span>
            )}
            {g.agencyId && (
              <span className="muted">
                {' '}
                — {t('home.agency')}: {agencyNames?.get(g.agencyId) ?? '…'}
              </span>
            )}
          </li>
        ))}
      </ul>
      {me.can.results.overview && <OverviewPanel />}
      {provinceIds.length > 0 && <ProvinceProgress />}
      {provinceIds.length > 0 && <ProvincePanel provinceIds={provinceIds} />}
      {communeIds.length > 0 && <CommuneWork communeIds={communeIds} />}
      {communeIds.length > 0 && <CommunePanel communeIds={communeIds} />}
      <h2>{t('home.pages')}</h2>
      <ul className="cards">
        {pages.map((p) => (
          <li key={p.path}>
            <Link to={p.path} className="card">
              {p.label[lang]}
            </Link>
          </li>
        ))}
      </ul>
      <p className="note">{t('home.about')}</p>
    </section>
  );
}
