/**
 * The inbox filters: text, category, commune, agency (only for those who reach more than
 * their own), assignee ("me" or a colleague), submission dates, statuses, and the attention
 * flags. The form edits a draft; the page applies it to the address on submit.
 */
import type { FormEvent } from 'react';
import { useI18n } from '../../shared/i18n/i18n';
import { useSession } from '../../shared/auth/session';
import { useCategories } from '../feedback/feedback-api';
import { STATUS_KEY } from '../feedback/StatusBadge';
import { STATUSES, type InboxFilters } from './inbox-api';
import { useAgencyScopeOptions, useCommuneOptions, useOfficerOptions } from './filter-options';

export function InboxFilterForm({
  draft,
  onChange,
  onSubmit,
}: {
  draft: InboxFilters;
  onChange: (draft: InboxFilters) => void;
  onSubmit: () => void;
}) {
  const { t, locale } = useI18n();
  const { user } = useSession();
  const categories = useCategories();
  const communes = useCommuneOptions();
  const agencies = useAgencyScopeOptions(user?.agency?.id ?? null);
  const officers = useOfficerOptions();
  const set = (patch: Partial<InboxFilters>): void => onChange({ ...draft, ...patch });
  // One's own agency alone needs no choice; keep the select if the address already has one.
  const agencyChoices = agencies.data ?? [];
  const showAgencies = agencyChoices.length > 1 || draft.agencyId !== '';
  const colleagues = (officers.data ?? []).filter((officer) => officer.id !== user?.id);

  const toggleStatus = (status: InboxFilters['status'][number], on: boolean): void => {
    const chosen = on
      ? [...draft.status, status]
      : draft.status.filter((value) => value !== status);
    set({ status: STATUSES.filter((value) => chosen.includes(value)) });
  };
  const submit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    onSubmit();
  };

  return (
    <form className="filters filters-wide" role="search" onSubmit={submit}>
      <div className="field">
        <label htmlFor="inbox-q">{t('feedbackInbox.search')}</label>
        <input
          id="inbox-q"
          type="search"
          value={draft.q}
          maxLength={100}
          onChange={(event) => set({ q: event.target.value })}
        />
      </div>
      <div className="field">
        <label htmlFor="inbox-category">{t('feedbackInbox.category')}</label>
        <select
          id="inbox-category"
          value={draft.categoryCode}
          aria-busy={categories.isPending}
          onChange={(event) => set({ categoryCode: event.target.value })}
        >
          <option value="">{t('feedbackInbox.allCategories')}</option>
          {(categories.data ?? []).map((category) => (
            <option key={category.code} value={category.code}>
              {locale === 'en' ? category.nameEn : category.name}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="inbox-commune">{t('inboxExtra.filter.commune')}</label>
        <select
          id="inbox-commune"
          value={draft.communeCode}
          aria-busy={communes.isPending}
          onChange={(event) => set({ communeCode: event.target.value })}
        >
          <option value="">{t('inboxExtra.filter.allCommunes')}</option>
          {(communes.data ?? []).map((commune) => (
            <option key={commune.code} value={commune.code}>
              {commune.name}
            </option>
          ))}
        </select>
      </div>
      {showAgencies ? (
        <div className="field">
          <label htmlFor="inbox-agency">{t('inboxExtra.filter.agency')}</label>
          <select
            id="inbox-agency"
            value={draft.agencyId}
            aria-busy={agencies.isPending}
            onChange={(event) => set({ agencyId: event.target.value })}
          >
            <option value="">{t('inboxExtra.filter.allAgencies')}</option>
            {agencyChoices.map((agency) => (
              <option key={agency.id} value={agency.id}>
                {'\u00a0\u00a0'.repeat(Math.max(0, agency.depth - (agencyChoices[0]?.depth ?? 0)))}
                {locale === 'en' && agency.nameEn ? agency.nameEn : agency.name}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      <div className="field">
        <label htmlFor="inbox-assignee-filter">{t('inboxExtra.filter.assignee')}</label>
        <select
          id="inbox-assignee-filter"
          value={draft.assignee}
          aria-busy={officers.isPending}
          onChange={(event) => set({ assignee: event.target.value })}
        >
          <option value="">{t('inboxExtra.filter.anyone')}</option>
          <option value="me">{t('inboxExtra.filter.me')}</option>
          {colleagues.map((officer) => (
            <option key={officer.id} value={officer.id}>
              {officer.fullName}
            </option>
          ))}
        </select>
      </div>
      <fieldset className="inbox-chips inbox-dates">
        <legend>{t('inboxExtra.filter.submitted')}</legend>
        <div className="field">
          <label htmlFor="inbox-from">{t('inboxExtra.filter.from')}</label>
          <input
            id="inbox-from"
            type="date"
            value={draft.from}
            max={draft.to || undefined}
            onChange={(event) => set({ from: event.target.value })}
          />
        </div>
        <div className="field">
          <label htmlFor="inbox-to">{t('inboxExtra.filter.to')}</label>
          <input
            id="inbox-to"
            type="date"
            value={draft.to}
            min={draft.from || undefined}
            onChange={(event) => set({ to: event.target.value })}
          />
        </div>
      </fieldset>
      <fieldset className="inbox-chips">
        <legend>{t('feedbackInbox.status')}</legend>
        {STATUSES.map((status) => (
          <label key={status} className="inbox-chip">
            <input
              type="checkbox"
              checked={draft.status.includes(status)}
              onChange={(event) => toggleStatus(status, event.target.checked)}
            />
            {t(STATUS_KEY[status])}
          </label>
        ))}
      </fieldset>
      <fieldset className="inbox-chips">
        <legend>{t('feedbackInbox.attention')}</legend>
        <label className="inbox-chip">
          <input
            type="checkbox"
            checked={draft.overdue}
            onChange={(event) => set({ overdue: event.target.checked })}
          />
          {t('feedbackInbox.overdueOnly')}
        </label>
        <label className="inbox-chip">
          <input
            type="checkbox"
            checked={draft.escalated}
            onChange={(event) => set({ escalated: event.target.checked })}
          />
          {t('feedbackInbox.escalatedOnly')}
        </label>
      </fieldset>
      <button type="submit" className="button">
        {t('list.submit')}
      </button>
    </form>
  );
}
