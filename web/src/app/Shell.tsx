/** The signed-in frame: header (user, language, sign out), navigation by role, the page. */
import { useQueryClient } from '@tanstack/react-query';
import { Link, Outlet, useMatches, useNavigate, useRouterState } from '@tanstack/react-router';
import { useEffect, useRef, useState } from 'react';
import { ChangePasswordForm } from '../features/auth/ChangePasswordForm';
import { forgetOnSignOut, unsyncedDrafts } from '../features/field/store';
import { useTranslation } from 'react-i18next';
import { post } from './api';
import { LanguageSwitch } from './components/LanguageSwitch';
import { currentLanguage } from './i18n';
import { PAGES, type PageDef } from './routes';
import { permits, remember, useSession, type Me } from './session';

function NavLink({ page }: { page: PageDef }) {
  const lang = currentLanguage();
  return (
    <li>
      <Link
        to={page.path}
        activeOptions={{ exact: page.path === '/' }}
        activeProps={{ className: 'active', 'aria-current': 'page' }}
      >
        {page.label[lang]}
      </Link>
    </li>
  );
}

export function Shell() {
  const { t } = useTranslation();
  const me = useSession();
  const lang = currentLanguage();
  const visible = PAGES.filter((p) => p.nav && (me ? permits(me, p.can) : p.public));
  const main = visible.filter((p) => p.nav === 'main');
  const admin = visible.filter((p) => p.nav === 'admin');

  const matches = useMatches();
  const current = PAGES.find((p) => p.path === matches[matches.length - 1]?.fullPath);
  // After moving to another page, focus goes to its content (screen readers start there).
  const pathname = useRouterState({ select: (st) => st.location.pathname });
  const firstPath = useRef(pathname);
  // On a phone the menu is folded behind a button; it folds again after choosing a page.
  const [menuOpen, setMenuOpen] = useState(false);
  useEffect(() => {
    if (pathname !== firstPath.current) document.getElementById('main')?.focus({ preventScroll: true });
    firstPath.current = '';
    setMenuOpen(false);
  }, [pathname]);
  useEffect(() => {
    document.title = current ? `${current.label[lang]} — ${t('app.short')}` : t('app.short');
  }, [current, lang, t]);

  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        {t('shell.skip')}
      </a>
      <header className="topbar">
        <button
          type="button"
          className="menu-button"
          aria-controls="sidenav"
          aria-expanded={menuOpen}
          onClick={() => setMenuOpen(!menuOpen)}
          data-testid="menu-button"
        >
          <span aria-hidden="true">{menuOpen ? '✕' : '☰'}</span> {menuOpen ? t('shell.closeMenu') : t('shell.menu')}
        </button>
        <div className="brand">
          <span className="brand-mark" aria-hidden="true">
            ★
          </span>
          <span>
            <strong>{t('app.short')}</strong>
            <small>{t('app.subtitle')}</small>
          </span>
        </div>
        {me ? <UserBox me={me} /> : <PublicBox />}
      </header>
      <div className="body">
        <nav id="sidenav" className={menuOpen ? 'sidenav open' : 'sidenav'} aria-label={t('shell.navigation')}>
          <ul>
            {main.map((p) => (
              <NavLink key={p.path} page={p} />
            ))}
          </ul>
          {admin.length > 0 && (
            <>
              <h2 className="nav-group">{t('shell.admin')}</h2>
              <ul>
                {admin.map((p) => (
                  <NavLink key={p.path} page={p} />
                ))}
              </ul>
            </>
          )}
        </nav>
        <main id="main" tabIndex={-1}>
          {me?.user.mustChangePassword ? <ChangePasswordForm required /> : <Outlet />}
        </main>
      </div>
      <footer className="footer">{t('app.footer')}</footer>
    </div>
  );
}

function UserBox({ me }: { me: Me }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const roles = [...new Set(me.user.grants.map((g) => g.role))].map((r) =>
    lang === 'vi' ? (me.roleLabels[r] ?? r) : t(`roles.${r}`),
  );
  /** Unsynced review forms of this user on the phone, when signing out waits for the user's choice. */
  const [unsynced, setUnsynced] = useState(0);
  const signOut = async (discard: boolean) => {
    // the review forms a reviewer has not synced yet are never dropped without their choice
    const waiting = discard
      ? 0
      : await unsyncedDrafts(me.user.userId).then(
          (d) => d.length,
          () => 0,
        );
    if (waiting) {
      setUnsynced(waiting);
      return;
    }
    try {
      await post('/api/auth/logout');
    } finally {
      // a shared phone: the household list and the synced forms (personal data) leave it
      await forgetOnSignOut(me.user.userId, discard).catch(() => undefined);
      remember(null);
      queryClient.clear();
      await navigate({ to: '/dang-nhap' });
    }
  };
  return (
    <div className="user-box" data-testid="user-box">
      <span className="user-name">{me.user.displayName}</span>
      <small className="user-roles">{roles.join(', ')}</small>
      <LanguageSwitch />
      <Link to="/doi-mat-khau" className="button-link">
        {t('shell.changePassword')}
      </Link>
      <button type="button" className="button-link" onClick={() => void signOut(false)}>
        {t('shell.signOut')}
      </button>
      {unsynced > 0 && (
        <div
          role="alertdialog"
          aria-labelledby="unsynced-title"
          className="alert alert-error signout-warning"
          data-testid="unsynced-warning"
        >
          <strong id="unsynced-title">{t('shell.unsyncedTitle', { count: unsynced })}</strong>
          <p>{t('shell.unsynced')}</p>
          <div className="actions">
            <button
              type="button"
              className="button-primary"
              onClick={() => {
                setUnsynced(0);
                void navigate({ to: '/thuc-dia' });
              }}
            >
              {t('shell.syncFirst')}
            </button>
            <button type="button" className="button-secondary" onClick={() => setUnsynced(0)}>
              {t('shell.cancel')}
            </button>
            <button type="button" className="button-link" onClick={() => void signOut(true)}>
              {t('shell.discardAndSignOut', { count: unsynced })}
            </button>
          </div>
        </div>
      )}
    </div>
  );
}

/** The anonymous public: public pages only, and a way to sign in that comes back here. */
function PublicBox() {
  const { t } = useTranslation();
  const here = useRouterState({ select: (s) => s.location.href });
  return (
    <div className="user-box" data-testid="public-box">
      <small className="user-roles">{t('shell.public')}</small>
      <LanguageSwitch />
      <Link to="/dang-nhap" search={{ redirect: here }} className="button-primary">
        {t('shell.signIn')}
      </Link>
    </div>
  );
}
