/**
 * The catalog search: words (diacritics optional: "khai sinh" finds "Đăng ký khai sinh"),
 * field, level, how far online, who applies, and the order. Nothing is fetched until
 * "Tìm kiếm", so a phone on a slow network does not load a page per keystroke; the choices
 * then go into the address.
 */
import { useState, type FormEvent } from 'react';
import { useI18n } from '../../shared/i18n/i18n';
import { formatNumber } from '../../shared/i18n/format';
import {
  APPLICANT_TYPES,
  LEVELS,
  NO_FILTERS,
  ONLINE_LEVELS,
  SORTS,
  type CatalogFilters,
} from './catalog-filters';
import { APPLICANT_KEY, LEVEL_KEY, ONLINE_LEVEL_KEY, SORT_KEY } from './labels';
import { useProcedureFields } from './procedures-api';

export function CatalogFiltersForm({
  filters,
  onApply,
}: {
  filters: CatalogFilters;
  onApply: (filters: CatalogFilters) => void;
}) {
  const { t, locale } = useI18n();
  const fields = useProcedureFields();
  // The page remounts the form when the address changes (Back, Forward), so the draft
  // starts from what the address says.
  const [draft, setDraft] = useState<CatalogFilters>(filters);
  const set = <K extends keyof CatalogFilters>(key: K, value: CatalogFilters[K]): void =>
    setDraft({ ...draft, [key]: value });

  const submit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    onApply({ ...draft, q: draft.q.trim() });
  };

  return (
    <form
      className="procedure-filters"
      role="search"
      aria-label={t('procedures.filters.label')}
      onSubmit={submit}
      noValidate
    >
      <div className="field procedure-filter-q">
        <label htmlFor="pc-q">{t('procedures.filters.q')}</label>
        <p id="pc-q-hint" className="field-hint">
          {t('procedures.filters.qHint')}
        </p>
        <input
          id="pc-q"
          type="search"
          maxLength={200}
          enterKeyHint="search"
          aria-describedby="pc-q-hint"
          value={draft.q}
          onChange={(event) => set('q', event.target.value)}
        />
      </div>
      <details className="procedure-filter-more" open={hasChoices(filters) || undefined}>
        <summary>{t('procedures.filters.more')}</summary>
        <div className="procedure-filter-grid">
          <div className="field">
            <label htmlFor="pc-field">{t('procedures.filters.field')}</label>
            <select
              id="pc-field"
              value={draft.field}
              aria-busy={fields.isPending || undefined}
              onChange={(event) => set('field', event.target.value)}
            >
              <option value="">{t('procedures.filters.allFields')}</option>
              {/* A field from a shared address that the catalog no longer has stays choosable. */}
              {draft.field &&
              fields.data &&
              !fields.data.items.some((f) => f.code === draft.field) ? (
                <option value={draft.field}>{draft.field}</option>
              ) : null}
              {(fields.data?.items ?? []).map((field) => (
                <option key={field.code} value={field.code}>
                  {t('procedures.filters.fieldOption', {
                    name: field.name,
                    count: formatNumber(field.procedures, locale),
                  })}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="pc-level">{t('procedures.filters.level')}</label>
            <select
              id="pc-level"
              value={draft.level}
              onChange={(event) => set('level', event.target.value as CatalogFilters['level'])}
            >
              <option value="">{t('procedures.filters.allLevels')}</option>
              {LEVELS.map((level) => (
                <option key={level} value={level}>
                  {t(LEVEL_KEY[level])}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="pc-online">{t('procedures.filters.onlineLevel')}</label>
            <select
              id="pc-online"
              value={draft.onlineLevel}
              onChange={(event) =>
                set('onlineLevel', event.target.value as CatalogFilters['onlineLevel'])
              }
            >
              <option value="">{t('procedures.filters.allOnlineLevels')}</option>
              {ONLINE_LEVELS.map((level) => (
                <option key={level} value={level}>
                  {t(ONLINE_LEVEL_KEY[level])}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="pc-applicant">{t('procedures.filters.applicantType')}</label>
            <select
              id="pc-applicant"
              value={draft.applicantType}
              onChange={(event) =>
                set('applicantType', event.target.value as CatalogFilters['applicantType'])
              }
            >
              <option value="">{t('procedures.filters.allApplicants')}</option>
              {APPLICANT_TYPES.map((type) => (
                <option key={type} value={type}>
                  {t(APPLICANT_KEY[type])}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="pc-sort">{t('procedures.filters.sort')}</label>
            <select
              id="pc-sort"
              value={draft.sort}
              onChange={(event) => set('sort', event.target.value as CatalogFilters['sort'])}
            >
              {SORTS.map((sort) => (
                <option key={sort} value={sort}>
                  {t(SORT_KEY[sort])}
                </option>
              ))}
            </select>
          </div>
        </div>
      </details>
      <div className="button-row procedure-filter-actions">
        <button type="submit" className="button">
          {t('procedures.filters.submit')}
        </button>
        <button
          type="button"
          className="button button-secondary"
          onClick={() => {
            setDraft(NO_FILTERS);
            onApply(NO_FILTERS);
          }}
        >
          {t('procedures.filters.clear')}
        </button>
      </div>
    </form>
  );
}

/** Whether anything beyond the words is chosen: then the extra filters start open. */
function hasChoices(filters: CatalogFilters): boolean {
  return (
    filters.field !== '' ||
    filters.level !== '' ||
    filters.onlineLevel !== '' ||
    filters.applicantType !== '' ||
    filters.sort !== NO_FILTERS.sort
  );
}
