/**
 * Gives an open report to an officer of its agency (GET …/assignees lists those who may
 * handle it), or takes it back. The current assignee is named; one no longer on the list
 * (moved away, disabled) is still said to be assigned.
 */
import { useState, type FormEvent } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useI18n } from '../../shared/i18n/i18n';
import { Alert } from '../../shared/ui/Alert';
import { Loading } from '../../shared/ui/Loading';
import { assigneesKey, fetchAssignees, type StaffReport } from './inbox-api';
import { useReportAction } from './useReportAction';

export function AssignForm({ report }: { report: StaffReport }) {
  const { t } = useI18n();
  const code = report.trackingCode;
  const [chosen, setChosen] = useState('');
  const officers = useQuery({ queryKey: assigneesKey(code), queryFn: () => fetchAssignees(code) });
  const { mutation, done } = useReportAction(code, () => setChosen(''));
  const current = report.assigneeId
    ? (officers.data?.find((officer) => officer.id === report.assigneeId)?.fullName ??
      t('inboxExtra.assign.someone'))
    : null;

  const submit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    if (chosen) mutation.mutate({ action: 'assign', assigneeId: chosen });
  };

  return (
    <form onSubmit={submit} aria-labelledby="inbox-assign-title">
      <h3 id="inbox-assign-title">{t('inboxExtra.assign.title')}</h3>
      <p role="status">
        {current
          ? t('inboxExtra.assign.current', { name: current })
          : t('inboxExtra.assign.nobody')}
      </p>
      {mutation.error ? <Alert kind="error" error={mutation.error} /> : null}
      {done ? <Alert kind="success">{t('inboxExtra.assign.done')}</Alert> : null}
      {officers.error ? <Alert kind="error" error={officers.error} /> : null}
      {officers.isPending ? <Loading label={t('inboxExtra.assign.loading')} /> : null}
      {officers.data ? (
        officers.data.length === 0 ? (
          <p className="muted">{t('inboxExtra.assign.none')}</p>
        ) : (
          <div className="field">
            <label htmlFor="inbox-assignee">{t('inboxExtra.assign.officer')}</label>
            <select
              id="inbox-assignee"
              required
              value={chosen}
              onChange={(event) => setChosen(event.target.value)}
            >
              <option value="">{t('inboxExtra.assign.choose')}</option>
              {officers.data.map((officer) => (
                <option key={officer.id} value={officer.id}>
                  {officer.fullName}
                </option>
              ))}
            </select>
          </div>
        )
      ) : null}
      <div className="inbox-action-row">
        <button
          type="submit"
          className="button button-secondary"
          disabled={mutation.isPending || !officers.data?.length}
        >
          {t('inboxExtra.assign.submit')}
        </button>
        {report.assigneeId ? (
          <button
            type="button"
            className="button button-secondary"
            disabled={mutation.isPending}
            onClick={() => mutation.mutate({ action: 'assign', assigneeId: null })}
          >
            {t('inboxExtra.assign.unassign')}
          </button>
        ) : null}
      </div>
    </form>
  );
}
