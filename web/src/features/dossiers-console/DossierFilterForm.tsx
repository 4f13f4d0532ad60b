/**
 * The work list's filters: a dossier code or the applicant's name (the server ignores
 * diacritics), the procedure, the status, the channel, the days of submission and the order.
 * The form edits a draft; the page applies it to the address on submit.
 */
import type { FormEvent } from 'react';
import { Link } from 'react-router';
import { useI18n } from '../../shared/i18n/i18n';
import { Field } from '../../shared/ui/Field';
import {
  CHANNELS,
  EMPTY_FILTERS,
  SORTS,
  STATUSES,
  filterParams,
  type DossierFilters,
} from './list-filters';
import { CHANNEL_KEY, SORT_KEY, STATUS_KEY } from './labels';
import { DOSSIER_LIST } from './paths';

export function DossierFilterForm({
  draft,
  onChange,
  onSubmit,
  box,
}: {
  draft: DossierFilters;
  onChange: (draft: DossierFilters) => void;
  onSubmit: () => void;
  /** The current box, which "clear" keeps. */
  box: DossierFilters['box'];
}) {
  const { t } = useI18n();
  const set = (patch: Partial<DossierFilters>): void => onChange({ ...draft, ...patch });
  const submit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    onSubmit();
  };
  const cleared = filterParams({ ...EMPTY_FILTERS, box }).toString();

  return (
    <form className="filters dossiers-filters" role="search" onSubmit={submit}>
      <Field
        label={t('dossiersConsole.filter.search')}
        hint={t('dossiersConsole.filter.searchHint')}
        type="search"
        maxLength={100}
        value={draft.q}
        onChange={(event) => set({ q: event.target.value })}
      />
      <Field
        label={t('dossiersConsole.filter.procedure')}
        hint={t('dossiersConsole.filter.procedureHint')}
        maxLength={30}
        value={draft.procedure}
        onChange={(event) => set({ procedure: event.target.value })}
      />
      <div className="field">
        <label htmlFor="dossiers-status">{t('dossiersConsole.filter.status')}</label>
        <select
          id="dossiers-status"
          value={draft.status}
          onChange={(event) => set({ status: event.target.value as DossierFilters['status'] })}
        >
          <option value="">{t('dossiersConsole.filter.anyStatus')}</option>
          {STATUSES.map((status) => (
            <option key={status} value={status}>
              {t(STATUS_KEY[status])}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="dossiers-channel">{t('dossiersConsole.filter.channel')}</label>
        <select
          id="dossiers-channel"
          value={draft.channel}
          onChange={(event) => set({ channel: event.target.value as DossierFilters['channel'] })}
        >
          <option value="">{t('dossiersConsole.filter.anyChannel')}</option>
          {CHANNELS.map((channel) => (
            <option key={channel} value={channel}>
              {t(CHANNEL_KEY[channel])}
            </option>
          ))}
        </select>
      </div>
      <fieldset className="dossiers-dates">
        <legend>{t('dossiersConsole.filter.submitted')}</legend>
        <Field
          label={t('dossiersConsole.filter.from')}
          type="date"
          value={draft.from}
          max={draft.to || undefined}
          onChange={(event) => set({ from: event.target.value })}
        />
        <Field
          label={t('dossiersConsole.filter.to')}
          type="date"
          value={draft.to}
          min={draft.from || undefined}
          onChange={(event) => set({ to: event.target.value })}
        />
      </fieldset>
      <div className="field">
        <label htmlFor="dossiers-sort">{t('dossiersConsole.filter.sort')}</label>
        <select
          id="dossiers-sort"
          value={draft.sort}
          onChange={(event) => set({ sort: event.target.value as DossierFilters['sort'] })}
        >
          {SORTS.map((sort) => (
            <option key={sort} value={sort}>
              {t(SORT_KEY[sort])}
            </option>
          ))}
        </select>
      </div>
      <div className="button-row dossiers-filter-buttons">
        <button type="submit" className="button">
          {t('list.submit')}
        </button>
        <Link
          className="button button-secondary"
          to={`${DOSSIER_LIST}${cleared ? `?${cleared}` : ''}`}
        >
          {t('dossiersConsole.filter.clear')}
        </Link>
      </div>
    </form>
  );
}
