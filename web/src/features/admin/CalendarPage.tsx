/**
 * The working calendar of a year: every day off (statutory holidays, in-lieu days, decided
 * days off) and every make-up working day (GET /api/calendar/holidays), and the exceptions
 * the province decided, which an administrator records and removes
 * (GET/POST/DELETE /api/calendar/exceptions). Deadlines of every procedure follow it.
 */
import { useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useI18n } from '../../shared/i18n/i18n';
import { api, unwrap } from '../../shared/api/client';
import { Alert } from '../../shared/ui/Alert';
import { Field } from '../../shared/ui/Field';
import { Loading } from '../../shared/ui/Loading';
import { usePageTitle } from '../../shared/ui/usePageTitle';
import { formProblems } from './form-problems';
import { formatCalendarDate } from './format-date';

const CURRENT_YEAR = Number(
  new Intl.DateTimeFormat('en', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric' }).format(
    new Date(),
  ),
);

export function CalendarPage() {
  const { t } = useI18n();
  usePageTitle(t('calendar.title'));
  const [params, setParams] = useSearchParams();
  const asked = Number(params.get('year'));
  const year = Number.isInteger(asked) && asked >= 1900 && asked <= 2200 ? asked : CURRENT_YEAR;
  const setYear = (next: number): void =>
    setParams(next === CURRENT_YEAR ? {} : { year: String(next) });

  return (
    <div className="admin-page">
      <h1>{t('calendar.title')}</h1>
      <p className="lead">{t('calendar.lead')}</p>
      <nav className="pagination" aria-label={t('calendar.yearNav')}>
        <button type="button" className="button button-secondary" onClick={() => setYear(year - 1)}>
          {t('calendar.previousYear', { year: year - 1 })}
        </button>
        <h2 className="year-title" aria-live="polite">
          {t('calendar.year', { year })}
        </h2>
        <button type="button" className="button button-secondary" onClick={() => setYear(year + 1)}>
          {t('calendar.nextYear', { year: year + 1 })}
        </button>
      </nav>
      <div className="profile-grid calendar-grid">
        <YearDays year={year} />
        <Exceptions year={year} />
      </div>
    </div>
  );
}

function YearDays({ year }: { year: number }) {
  const { t, locale } = useI18n();
  const result = useQuery({
    queryKey: ['calendar', 'holidays', year],
    queryFn: () => unwrap(api.GET('/api/calendar/holidays', { params: { query: { year } } })),
    placeholderData: keepPreviousData,
  });
  const data = result.data;
  const name = (day: { name: string; nameEn: string }): string =>
    locale === 'en' ? day.nameEn : day.name;

  return (
    <section className="panel" aria-labelledby="days-off-title">
      <h3 id="days-off-title">{t('calendar.daysOff')}</h3>
      {result.error ? <Alert kind="error" error={result.error} /> : null}
      {result.isPending ? <Loading /> : null}
      {data ? (
        <>
          {data.daysOff.length === 0 ? (
            <p>{t('calendar.noDaysOff')}</p>
          ) : (
            <table className="data-table compact">
              <caption className="visually-hidden">
                {t('calendar.daysOffCaption', { year: data.year })}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t('calendar.date')}</th>
                  <th scope="col">{t('calendar.name')}</th>
                  <th scope="col">{t('calendar.kind')}</th>
                </tr>
              </thead>
              <tbody>
                {data.daysOff.map((day) => (
                  <tr key={day.date}>
                    <th scope="row">
                      <time dateTime={day.date}>{formatCalendarDate(day.date, locale)}</time>
                    </th>
                    <td>{name(day)}</td>
                    <td>{t(`calendar.dayKind.${day.kind}`)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <h3>{t('calendar.workingDays')}</h3>
          {data.workingDays.length === 0 ? (
            <p>{t('calendar.noWorkingDays')}</p>
          ) : (
            <ul className="link-list">
              {data.workingDays.map((day) => (
                <li key={day.date}>
                  <time dateTime={day.date}>{formatCalendarDate(day.date, locale)}</time>:{' '}
                  {name(day)}
                </li>
              ))}
            </ul>
          )}
        </>
      ) : null}
    </section>
  );
}

function Exceptions({ year }: { year: number }) {
  const { t, locale } = useI18n();
  const client = useQueryClient();
  const result = useQuery({
    queryKey: ['calendar', 'exceptions', year],
    queryFn: () => unwrap(api.GET('/api/calendar/exceptions', { params: { query: { year } } })),
    placeholderData: keepPreviousData,
  });
  const [removing, setRemoving] = useState<string | null>(null);
  const [error, setError] = useState<unknown>();

  const refresh = (): Promise<void> => client.invalidateQueries({ queryKey: ['calendar'] });

  const remove = async (id: string): Promise<void> => {
    setRemoving(id);
    setError(undefined);
    try {
      await unwrap(api.DELETE('/api/calendar/exceptions/{id}', { params: { path: { id } } }));
      await refresh();
    } catch (failure) {
      setError(failure);
    } finally {
      setRemoving(null);
    }
  };

  const data = result.data;
  return (
    <section className="panel" aria-labelledby="exceptions-title">
      <h3 id="exceptions-title">{t('calendar.exceptions')}</h3>
      <p>{t('calendar.exceptionsText')}</p>
      {result.error ? <Alert kind="error" error={result.error} /> : null}
      {error !== undefined ? <Alert kind="error" error={error} /> : null}
      {result.isPending ? <Loading /> : null}
      {data ? (
        data.items.length === 0 ? (
          <p role="status" className="muted">
            {t('calendar.noExceptions')}
          </p>
        ) : (
          <ul className="exception-list">
            {data.items.map((item) => (
              <li key={item.id}>
                <span>
                  <strong>
                    <time dateTime={item.date}>{formatCalendarDate(item.date, locale)}</time>
                  </strong>{' '}
                  · {t(`calendar.exceptionKind.${item.kind}`)}
                  <br />
                  {locale === 'en' ? item.nameEn : item.name}
                </span>
                <button
                  type="button"
                  className="button button-secondary"
                  disabled={removing === item.id}
                  aria-label={t('calendar.removeNamed', {
                    date: formatCalendarDate(item.date, locale),
                  })}
                  onClick={() => void remove(item.id)}
                >
                  {t('calendar.remove')}
                </button>
              </li>
            ))}
          </ul>
        )
      ) : null}
      <AddException year={year} onAdded={refresh} />
    </section>
  );
}

function AddException({ year, onAdded }: { year: number; onAdded: () => Promise<void> }) {
  const i18n = useI18n();
  const { t } = i18n;
  const [form, setForm] = useState({
    date: '',
    kind: 'day_off' as 'day_off' | 'working_day',
    name: '',
    nameEn: '',
  });
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const [added, setAdded] = useState(false);
  const problems = formProblems(error, i18n, {
    CALENDAR_EXCEPTION_EXISTS: 'date',
    CALENDAR_EXCEPTION_NO_EFFECT: 'kind',
    CALENDAR_OUT_OF_RANGE: 'date',
  });

  const submit = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    setAdded(false);
    try {
      await unwrap(
        api.POST('/api/calendar/exceptions', {
          body: {
            date: form.date,
            kind: form.kind,
            name: form.name.trim(),
            nameEn: form.nameEn.trim(),
          },
        }),
      );
      setForm({ date: '', kind: form.kind, name: '', nameEn: '' });
      setAdded(true);
      await onAdded();
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={(event) => void submit(event)} noValidate className="form">
      <h4>{t('calendar.addTitle')}</h4>
      {error !== undefined ? <Alert kind="error" error={error} /> : null}
      {added ? (
        <Alert kind="success">
          <p>{t('calendar.added')}</p>
        </Alert>
      ) : null}
      <Field
        label={t('calendar.date')}
        type="date"
        required
        min={`${year}-01-01`}
        max={`${year}-12-31`}
        value={form.date}
        onChange={(event) => setForm({ ...form, date: event.target.value })}
        error={problems.date}
      />
      <div className={`field${problems.kind ? ' field-invalid' : ''}`}>
        <label htmlFor="exception-kind">{t('calendar.kind')}</label>
        <select
          id="exception-kind"
          value={form.kind}
          aria-invalid={problems.kind ? true : undefined}
          aria-describedby={problems.kind ? 'exception-kind-error' : undefined}
          onChange={(event) =>
            setForm({
              ...form,
              kind: event.target.value === 'working_day' ? 'working_day' : 'day_off',
            })
          }
        >
          <option value="day_off">{t('calendar.exceptionKind.day_off')}</option>
          <option value="working_day">{t('calendar.exceptionKind.working_day')}</option>
        </select>
        {problems.kind ? (
          <p id="exception-kind-error" className="field-error">
            {problems.kind}
          </p>
        ) : null}
      </div>
      <Field
        label={t('calendar.reasonVi')}
        required
        hint={t('calendar.reasonHint')}
        value={form.name}
        onChange={(event) => setForm({ ...form, name: event.target.value })}
        error={problems.name}
      />
      <Field
        label={t('calendar.reasonEn')}
        lang="en"
        required
        value={form.nameEn}
        onChange={(event) => setForm({ ...form, nameEn: event.target.value })}
        error={problems.nameEn}
      />
      <button type="submit" className="button" disabled={busy}>
        {busy ? t('form.submitting') : t('calendar.add')}
      </button>
    </form>
  );
}
