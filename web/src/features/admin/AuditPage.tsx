/** Audit log (GET /api/audit) with filters, and its CSV export with the same filters. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { query } from '../../app/api';
import { usePages } from '../../app/paging';
import { DateField } from '../../app/components/DateField';
import { DataTable, LoadMore, QueryList } from '../../app/components/lists';
import { formatDateTimeVi, formatNumberVi } from '../../app/format';
import type { AuditRow } from '../../../../src/modules/audit/contracts';
import {
  AUDIT_ACTION_LABELS,
  AUDIT_ENTITY_LABELS,
  AUDIT_ACTOR_LABELS,
  auditActionLabel,
  auditEntityLabel,
} from '../../../../src/domain/labels';
import { compareVi } from '../../app/format';
import { currentLanguage } from '../../app/i18n';

interface Filters {
  from: string;
  to: string;
  actor: string;
  action: string;
  entity: string;
}

const EMPTY: Filters = { from: '', to: '', actor: '', action: '', entity: '' };

export default function AuditPage() {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const [draft, setDraft] = useState<Filters>(EMPTY);
  const [filters, setFilters] = useState<Filters>(EMPTY);
  const qs = query({ ...filters });
  const rows = usePages<AuditRow>(['audit', filters], '/api/audit', qs);
  const text = (key: keyof Filters, label: string) => (
    <div className="field">
      <label htmlFor={`audit-${key}`}>{label}</label>
      <input id={`audit-${key}`} value={draft[key]} onChange={(e) => setDraft({ ...draft, [key]: e.target.value })} />
    </div>
  );

  const choice = (key: 'action' | 'entity', label: string, table: Record<string, { vi: string; en: string }>) => (
    <div className="field">
      <label htmlFor={`audit-${key}`}>{label}</label>
      <select id={`audit-${key}`} value={draft[key]} onChange={(e) => setDraft({ ...draft, [key]: e.target.value })}>
        <option value="">{t('audit.all')}</option>
        {Object.entries(table)
          .sort((a, b) => compareVi(a[1][lang], b[1][lang]))
          .map(([code, l]) => (
            <option key={code} value={code}>
              {l[lang]}
            </option>
          ))}
      </select>
    </div>
  );
  const actorName = (r: AuditRow) =>
    r.actorDisplayName
      ? `${r.actorDisplayName} (${r.actorName})`
      : (AUDIT_ACTOR_LABELS[r.actorName]?.[lang] ?? r.actorName);

  return (
    <section>
      <h1>{t('audit.title')}</h1>
      <p className="lead">{t('audit.intro')}</p>
      <form
        className="filters"
        aria-label={t('common.filters')}
        onSubmit={(e) => {
          e.preventDefault();
          setFilters(draft);
        }}
      >
        <DateField
          optional
          label={t('audit.from')}
          value={draft.from}
          onChange={(from) => setDraft({ ...draft, from })}
        />
        <DateField optional label={t('audit.to')} value={draft.to} onChange={(to) => setDraft({ ...draft, to })} />
        {text('actor', t('audit.actor'))}
        {choice('action', t('audit.action'), AUDIT_ACTION_LABELS)}
        {choice('entity', t('audit.entity'), AUDIT_ENTITY_LABELS)}
        <div className="field field-actions">
          <button type="submit" className="button-primary">
            {t('common.apply')}
          </button>
          <a className="button-secondary" href={`/api/audit/export.xlsx${qs}`} download data-testid="audit-export-xlsx">
            {t('audit.exportXlsx')}
          </a>
          <a className="button-secondary" href={`/api/audit/export.csv${qs}`} download data-testid="audit-export">
            {t('audit.export')}
          </a>
        </div>
      </form>
      <QueryList query={rows} empty={t('audit.none')}>
        {(items) => (
          <>
            <p className="count">{t('audit.count', { n: formatNumberVi(items.length) })}</p>
            <DataTable
              testId="audit-table"
              columns={[t('audit.at'), t('audit.actor'), t('audit.action'), t('audit.entity'), t('audit.details')]}
            >
              {items.map((r) => (
                <tr key={r.id}>
                  <td className="nowrap">{formatDateTimeVi(r.at)}</td>
                  <td>{actorName(r)}</td>
                  <td>{auditActionLabel(r.action, lang)}</td>
                  <td>
                    {auditEntityLabel(r.entity, lang)}
                    {r.entityName ? `: ${r.entityName}` : ''}
                  </td>
                  <td>
                    {(r.before != null || r.after != null) && (
                      <details>
                        <summary>{t('audit.show')}</summary>
                        {r.before != null && (
                          <>
                            <h3>{t('audit.before')}</h3>
                            <pre>{JSON.stringify(r.before, null, 2)}</pre>
                          </>
                        )}
                        {r.after != null && (
                          <>
                            <h3>{t('audit.after')}</h3>
                            <pre>{JSON.stringify(r.after, null, 2)}</pre>
                          </>
                        )}
                      </details>
                    )}
                  </td>
                </tr>
              ))}
            </DataTable>
            <LoadMore pages={rows} />
          </>
        )}
      </QueryList>
    </section>
  );
}
