/**
 * The actions on a report that its status allows (the server checks again): receive, start,
 * assign to an officer, answer or resolve (the text can start from the category's answer
 * templates), note, reject with a reason, transfer to another agency, mark as a duplicate.
 * Hiding and redacting live in the moderation panel.
 */
import { useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useI18n } from '../../shared/i18n/i18n';
import { Alert } from '../../shared/ui/Alert';
import { AgencySelect } from '../admin/AgencySelect';
import { actOn, staffReportKey, type ReportAction, type StaffReport } from './inbox-api';
import { useSession } from '../../shared/auth/session';
import { AssignForm } from './AssignForm';

const OPEN = new Set(['new', 'received', 'in_progress']);
type TextAction = 'answer' | 'resolve' | 'note' | 'reject';

export function ActionPanel({ report }: { report: StaffReport }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const [textAction, setTextAction] = useState<TextAction>('resolve');
  const [message, setMessage] = useState('');
  const [agencyId, setAgencyId] = useState('');
  const [reason, setReason] = useState('');
  const [original, setOriginal] = useState('');
  const [done, setDone] = useState(false);
  const code = report.trackingCode;
  const open = OPEN.has(report.status);
  // Readers without the right to act are not offered colleagues to pick from.
  const canProcess = useSession().user?.permissions.includes('records.process') ?? false;

  const mutation = useMutation({
    mutationFn: (body: ReportAction) => actOn(code, body),
    onMutate: () => setDone(false),
    onSuccess: (updated) => {
      queryClient.setQueryData(staffReportKey(code), updated);
      void queryClient.invalidateQueries({ queryKey: ['feedback-inbox'] });
      setMessage('');
      setReason('');
      setOriginal('');
      setDone(true);
    },
  });
  const run = (body: ReportAction) => (event?: FormEvent<HTMLFormElement>) => {
    event?.preventDefault();
    mutation.mutate(body);
  };

  const textActions: TextAction[] = [
    ...(open ? (['answer', 'resolve', 'reject'] as const) : []),
    'note',
  ];
  const chosen = textActions.includes(textAction) ? textAction : textActions[0]!;
  const textBody = (): ReportAction =>
    chosen === 'reject'
      ? { action: chosen, reason: message.trim() }
      : { action: chosen, message: message.trim() };

  return (
    <section className="panel inbox-actions" aria-labelledby="inbox-actions-title">
      <h2 id="inbox-actions-title">{t('feedbackInbox.actions')}</h2>
      {mutation.error ? <Alert kind="error" error={mutation.error} /> : null}
      {done ? <Alert kind="success">{t('feedbackInbox.actionDone')}</Alert> : null}
      <div className="inbox-action-row">
        {report.status === 'new' ? (
          <button
            type="button"
            className="button"
            disabled={mutation.isPending}
            onClick={() => run({ action: 'receive' })()}
          >
            {t('feedbackInbox.receive')}
          </button>
        ) : null}
        {report.status === 'new' || report.status === 'received' ? (
          <button
            type="button"
            className="button button-secondary"
            disabled={mutation.isPending}
            onClick={() => run({ action: 'start' })()}
          >
            {t('feedbackInbox.start')}
          </button>
        ) : null}
      </div>

      {open && canProcess ? <AssignForm report={report} /> : null}

      <form onSubmit={run(textBody())}>
        <div className="field">
          <label htmlFor="inbox-text-action">{t('feedbackInbox.textAction')}</label>
          <select
            id="inbox-text-action"
            value={chosen}
            onChange={(event) => setTextAction(event.target.value as TextAction)}
          >
            {textActions.map((action) => (
              <option key={action} value={action}>
                {t(`feedbackInbox.do.${action}`)}
              </option>
            ))}
          </select>
        </div>
        {(chosen === 'answer' || chosen === 'resolve') && report.answerTemplates.length > 0 ? (
          <div className="field">
            <label htmlFor="inbox-template">{t('feedbackInbox.template')}</label>
            <select
              id="inbox-template"
              value=""
              onChange={(event) => {
                const template = report.answerTemplates[Number(event.target.value)];
                if (template) setMessage(template.body);
              }}
            >
              <option value="">{t('feedbackInbox.chooseTemplate')}</option>
              {report.answerTemplates.map((template, index) => (
                <option key={template.title} value={index}>
                  {template.title}
                </option>
              ))}
            </select>
          </div>
        ) : null}
        <div className="field">
          <label htmlFor="inbox-message">
            {chosen === 'reject' ? t('feedbackInbox.reason') : t('feedbackInbox.message')}
          </label>
          <textarea
            id="inbox-message"
            rows={5}
            required
            maxLength={4000}
            value={message}
            onChange={(event) => setMessage(event.target.value)}
          />
        </div>
        <button type="submit" className="button" disabled={mutation.isPending}>
          {t(`feedbackInbox.do.${chosen}`)}
        </button>
      </form>

      {open ? (
        <form onSubmit={run({ action: 'transfer', agencyId, reason: reason.trim() })}>
          <h3>{t('feedbackInbox.transfer')}</h3>
          <div className="field">
            <label htmlFor="inbox-transfer-agency">{t('feedbackInbox.transferTo')}</label>
            <AgencySelect
              id="inbox-transfer-agency"
              value={agencyId}
              required
              emptyLabel={t('feedbackInbox.chooseAgency')}
              onChange={setAgencyId}
            />
          </div>
          <div className="field">
            <label htmlFor="inbox-transfer-reason">{t('feedbackInbox.reason')}</label>
            <input
              id="inbox-transfer-reason"
              required
              maxLength={4000}
              value={reason}
              onChange={(event) => setReason(event.target.value)}
            />
          </div>
          <button type="submit" className="button button-secondary" disabled={mutation.isPending}>
            {t('feedbackInbox.transfer')}
          </button>
        </form>
      ) : null}

      {open ? (
        <form onSubmit={run({ action: 'duplicate', originalTrackingCode: original.trim() })}>
          <h3>{t('feedbackInbox.duplicate')}</h3>
          <div className="field">
            <label htmlFor="inbox-original">{t('feedbackInbox.originalCode')}</label>
            <input
              id="inbox-original"
              required
              maxLength={32}
              value={original}
              onChange={(event) => setOriginal(event.target.value)}
            />
          </div>
          <button type="submit" className="button button-secondary" disabled={mutation.isPending}>
            {t('feedbackInbox.duplicate')}
          </button>
        </form>
      ) : null}
    </section>
  );
}
