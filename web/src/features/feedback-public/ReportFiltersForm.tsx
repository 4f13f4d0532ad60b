/**
 * The filters of the public list: words (diacritics optional), category, status, commune,
 * a range of days and the order. Nothing is sent until "Lọc", so a phone on a slow network
 * does not fetch a page per keystroke; the choices then go into the address.
 */
import { useState, type FormEvent } from 'react';
import { useI18n } from '../../shared/i18n/i18n';
import { useCategories } from '../feedback/feedback-api';
import { STATUS_KEY } from '../feedback/StatusBadge';
import type { Commune } from './public-api';
import {
  NO_FILTERS,
  SORTS,
  STATUS_CHOICES,
  type ListFilters,
  type ListSort,
  type StatusChoice,
} from './list-filters';
import type { MessageKey } from '../../shared/i18n/translate';

const SORT_KEY: Record<ListSort, MessageKey> = {
  '-submittedAt': 'feedbackPublic.sort.newest',
  submittedAt: 'feedbackPublic.sort.oldest',
  deadlineAt: 'feedbackPublic.sort.deadline',
  '-deadlineAt': 'feedbackPublic.sort.deadlineLatest',
  '-updatedAt': 'feedbackPublic.sort.updated',
};

export function ReportFiltersForm({
  filters,
  communes,
  onApply,
}: {
  filters: ListFilters;
  communes: { data?: Commune[]; isPending: boolean };
  onApply: (filters: ListFilters) => void;
}) {
  const { t, locale } = useI18n();
  const categories = useCategories();
  // The page remounts the form when the address changes (back, forward), so the draft
  // starts from what the address says.
  const [draft, setDraft] = useState<ListFilters>(filters);
  const datesReversed = draft.from !== '' && draft.to !== '' && draft.from > draft.to;

  const submit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    if (datesReversed) return;
    onApply({ ...draft, q: draft.q.trim() });
  };

  const set = <K extends keyof ListFilters>(key: K, value: ListFilters[K]): void =>
    setDraft({ ...draft, [key]: value });

  return (
    <form
      className="feedback-public-filters"
      role="search"
      aria-label={t('feedbackPublic.filters.label')}
      onSubmit={submit}
      noValidate
    >
      <div className="field feedback-public-filter-q">
        <label htmlFor="fp-q">{t('feedbackPublic.filters.q')}</label>
        <p id="fp-q-hint" className="field-hint">
          {t('feedbackPublic.filters.qHint')}
        </p>
        <input
          id="fp-q"
          type="search"
          maxLength={100}
          aria-describedby="fp-q-hint"
          value={draft.q}
          onChange={(event) => set('q', event.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor="fp-category">{t('feedbackPublic.filters.category')}</label>
        <select
          id="fp-category"
          value={draft.categoryCode}
          aria-busy={categories.isPending}
          onChange={(event) => set('categoryCode', event.target.value)}
        >
          <option value="">{t('feedbackPublic.filters.allCategories')}</option>
          {(categories.data ?? []).map((category) => (
            <option key={category.code} value={category.code}>
              {locale === 'en' ? category.nameEn : category.name}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="fp-status">{t('feedbackPublic.filters.status')}</label>
        <select
          id="fp-status"
          value={draft.status}
          onChange={(event) => set('status', event.target.value as StatusChoice | '')}
        >
          <option value="">{t('feedbackPublic.filters.allStatuses')}</option>
          {STATUS_CHOICES.map((choice) => (
            <option key={choice} value={choice}>
              {choice === 'open' ? t('feedbackPublic.filters.open') : t(STATUS_KEY[choice])}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="fp-commune">{t('feedbackPublic.filters.commune')}</label>
        <select
          id="fp-commune"
          value={draft.communeCode}
          aria-busy={communes.isPending}
          onChange={(event) => set('communeCode', event.target.value)}
        >
          <option value="">{t('feedbackPublic.filters.allCommunes')}</option>
          {(communes.data ?? []).map((commune) => (
            <option key={commune.code} value={commune.code}>
              {locale === 'en' ? commune.nameEn : commune.name}
            </option>
          ))}
        </select>
      </div>
      <div className={`field${datesReversed ? ' field-invalid' : ''}`}>
        <label htmlFor="fp-from">{t('feedbackPublic.filters.from')}</label>
        <input
          id="fp-from"
          type="date"
          value={draft.from}
          max={draft.to || undefined}
          onChange={(event) => set('from', event.target.value)}
        />
      </div>
      <div className={`field${datesReversed ? ' field-invalid' : ''}`}>
        <label htmlFor="fp-to">{t('feedbackPublic.filters.to')}</label>
        <input
          id="fp-to"
          type="date"
          value={draft.to}
          min={draft.from || undefined}
          aria-invalid={datesReversed || undefined}
          aria-describedby={datesReversed ? 'fp-dates-error' : undefined}
          onChange={(event) => set('to', event.target.value)}
        />
        {datesReversed ? (
          <p id="fp-dates-error" className="field-error">
            {t('feedbackPublic.filters.datesReversed')}
          </p>
        ) : null}
      </div>
      <div className="field">
        <label htmlFor="fp-sort">{t('feedbackPublic.filters.sort')}</label>
        <select
          id="fp-sort"
          value={draft.sort}
          onChange={(event) => set('sort', event.target.value as ListSort)}
        >
          {SORTS.map((sort) => (
            <option key={sort} value={sort}>
              {t(SORT_KEY[sort])}
            </option>
          ))}
        </select>
      </div>
      <div className="button-row feedback-public-filter-actions">
        <button type="submit" className="button">
          {t('list.submit')}
        </button>
        <button
          type="button"
          className="button button-secondary"
          onClick={() => {
            setDraft(NO_FILTERS);
            onApply(NO_FILTERS);
          }}
        >
          {t('feedbackPublic.filters.clear')}
        </button>
      </div>
    </form>
  );
}
