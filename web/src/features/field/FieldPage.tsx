/**
 * The review in the field: on a phone, the household forms filled offline and synced; for the
 * commune officer, the synced surveys with their class, reasons, evidence and conflicts.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../app/session';
import { OfficerPanel } from './OfficerPanel';
import { ReviewerPanel } from './ReviewerPanel';
import './texts';

export default function FieldPage() {
  const { t } = useTranslation();
  const me = useMe();
  const [tab, setTab] = useState<'review' | 'officer'>('review');
  const officer = me.can.field.read;
  return (
    <div className="field-page">
      <h1>{t('field.title')}</h1>
      <div className="field-tabs" role="tablist">
        <button type="button" role="tab" aria-selected={tab === 'review'} onClick={() => setTab('review')}>
          {t('field.tabReview')}
        </button>
        {officer && (
          <button type="button" role="tab" aria-selected={tab === 'officer'} onClick={() => setTab('officer')}>
            {t('field.tabOfficer')}
          </button>
        )}
      </div>
      {tab === 'review' ? <ReviewerPanel /> : <OfficerPanel />}
    </div>
  );
}
