/** Start page: who is signed in, their roles and scopes, and the pages they may open. */
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { formatDateVi, todayInVietnam } from '../../app/format';
import { currentLanguage } from '../../app/i18n';
import { PAGES } from '../../app/routes';
import { allows, useMe } from '../../app/session';

export default function HomePage() {
  const { t } = useTranslation();
  const me = useMe();
  const lang = currentLanguage();
  const pages = PAGES.filter((p) => p.nav && p.path !== '/' && allows(me.user, p.roles));
  return (
    <section>
      <h1>{t('home.title')}</h1>
      <p className="lead">{t('home.welcome', { name: me.user.displayName, date: formatDateVi(todayInVietnam()) })}</p>
      <h2>{t('home.yourRoles')}</h2>
      <ul className="grants" data-testid="grants">
        {me.user.grants.map((g, i) => (
          <li key={i}>
            <strong>{lang === 'vi' ? me.roleLabels[g.role] ?? g.role : t(`roles.${g.role}`)}</strong>
            {g.unitId && <span className="muted"> — {t('home.unit')}: {g.unitId}</span>}
            {g.agencyId && <span className="muted"> — {t('home.agency')}: {g.agencyId}</span>}
          </li>
        ))}
      </ul>
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
