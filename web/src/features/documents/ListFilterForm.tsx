/**
 * The filters of a register list: the text searched by the server (diacritics ignored), the
 * status, the kind of document (outgoing only) and a date range. The form edits a draft; the
 * page applies it to the address on submit.
 */
import type { FormEvent } from 'react';
import { Link } from 'react-router';
import { useI18n } from '../../shared/i18n/i18n';
import type { MessageKey } from '../../shared/i18n/translate';
import { CONG_VAN_FILTER, type Desk, type ListFilters } from './documents-api';

export function ListFilterForm({
  idPrefix,
  draft,
  onChange,
  onSubmit,
  statuses,
  types,
  clearTo,
}: {
  idPrefix: string;
  draft: ListFilters;
  onChange: (draft: ListFilters) => void;
  onSubmit: () => void;
  statuses: readonly { value: string; label: MessageKey }[];
  /** The kinds of document, for the outgoing list; none for the incoming one. */
  types?: Desk['types'] | undefined;
  clearTo: string;
}) {
  const { t, locale } = useI18n();
  const set = (patch: Partial<ListFilters>): void => onChange({ ...draft, ...patch });
  const submit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    onSubmit();
  };
  return (
    <form className="filters filters-wide" role="search" onSubmit={submit}>
      <div className="field">
        <label htmlFor={`${idPrefix}-q`}>{t('documents.filter.search')}</label>
        <input
          id={`${idPrefix}-q`}
          type="search"
          value={draft.q}
          maxLength={200}
          onChange={(event) => set({ q: event.target.value })}
        />
      </div>
      <div className="field">
        <label htmlFor={`${idPrefix}-status`}>{t('documents.filter.status')}</label>
        <select
          id={`${idPrefix}-status`}
          value={draft.status}
          onChange={(event) => set({ status: event.target.value })}
        >
          <option value="">{t('documents.filter.anyStatus')}</option>
          {statuses.map((status) => (
            <option key={status.value} value={status.value}>
              {t(status.label)}
            </option>
          ))}
        </select>
      </div>
      {types ? (
        <div className="field">
          <label htmlFor={`${idPrefix}-type`}>{t('documents.filter.type')}</label>
          <select
            id={`${idPrefix}-type`}
            value={draft.type}
            onChange={(event) => set({ type: event.target.value })}
          >
            <option value="">{t('documents.filter.anyType')}</option>
            {types.map((kind) =>
              kind.abbreviation || kind.name === 'Công văn' ? (
                <option
                  key={kind.abbreviation ?? CONG_VAN_FILTER}
                  value={kind.abbreviation ?? CONG_VAN_FILTER}
                >
                  {locale === 'en' ? kind.nameEn : kind.name}
                </option>
              ) : null,
            )}
          </select>
        </div>
      ) : null}
      <div className="field">
        <label htmlFor={`${idPrefix}-from`}>{t('documents.filter.from')}</label>
        <input
          id={`${idPrefix}-from`}
          type="date"
          value={draft.from}
          max={draft.to || undefined}
          onChange={(event) => set({ from: event.target.value })}
        />
      </div>
      <div className="field">
        <label htmlFor={`${idPrefix}-to`}>{t('documents.filter.to')}</label>
        <input
          id={`${idPrefix}-to`}
          type="date"
          value={draft.to}
          min={draft.from || undefined}
          onChange={(event) => set({ to: event.target.value })}
        />
      </div>
      <div className="button-row documents-filter-buttons">
        <button type="submit" className="button">
          {t('list.submit')}
        </button>
        <Link className="button button-secondary" to={clearTo}>
          {t('documents.filter.clear')}
        </Link>
      </div>
    </form>
  );
}
