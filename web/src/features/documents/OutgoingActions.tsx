/**
 * What the person may do with an outgoing document now — exactly the server's `actions`:
 * edit and submit a draft (Trình ký), approve or return it with a note (Duyệt, Trả lại),
 * sign it with the authenticator's code (Ký số), issue it in a register (Phát hành), recall
 * it with a reason (Thu hồi). Each answer replaces the cached document.
 */
import { useRef, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useI18n } from '../../shared/i18n/i18n';
import type { MessageKey } from '../../shared/i18n/translate';
import { Alert } from '../../shared/ui/Alert';
import {
  DESK_KEY,
  actOnOutgoing,
  outgoingKey,
  type Desk,
  type OutgoingAction,
  type OutgoingView,
} from './documents-api';
import { outgoingPath } from './DocumentsNav';
import { SignDialog } from './SignDialog';
import { TextAreaField } from './fields';

const DONE_KEY: Record<OutgoingAction['action'], MessageKey> = {
  submit: 'documents.done.submit',
  approve: 'documents.done.approve',
  return: 'documents.done.return',
  sign: 'documents.done.sign',
  issue: 'documents.done.issue',
  recall: 'documents.done.recall',
};

export function OutgoingActions({
  document,
  desk,
  onDone,
}: {
  document: OutgoingView;
  desk: Desk | undefined;
  onDone: (message: MessageKey) => void;
}) {
  const { t } = useI18n();
  const client = useQueryClient();
  const [approveNote, setApproveNote] = useState('');
  const [returnNote, setReturnNote] = useState('');
  const [returnMissing, setReturnMissing] = useState(false);
  const [reason, setReason] = useState('');
  const [reasonMissing, setReasonMissing] = useState(false);
  const registers = (desk?.registers ?? []).filter((register) => register.direction === 'outgoing');
  const [registerId, setRegisterId] = useState('');
  const [signing, setSigning] = useState(false);
  const signButton = useRef<HTMLButtonElement>(null);
  const actions = document.actions;

  const mutation = useMutation({
    mutationFn: (body: OutgoingAction) => actOnOutgoing(document.id, body),
    onSuccess: (updated, body) => {
      client.setQueryData(outgoingKey(document.id), updated);
      void client.invalidateQueries({ queryKey: ['documents', 'outgoing-list'] });
      void client.invalidateQueries({ queryKey: DESK_KEY });
      setApproveNote('');
      setReturnNote('');
      setReason('');
      setSigning(false);
      onDone(DONE_KEY[body.action]);
    },
  });
  const run = (body: OutgoingAction): void => {
    mutation.reset();
    mutation.mutate(body);
  };
  // A refusal of the code is shown in the dialog, where the person is.
  const signError =
    signing && mutation.variables?.action === 'sign' ? (mutation.error ?? undefined) : undefined;

  if (actions.length === 0) {
    return (
      <section className="panel" aria-labelledby="documents-actions-title">
        <h2 id="documents-actions-title">{t('documents.actions.title')}</h2>
        <p className="muted">{t('documents.actions.none')}</p>
      </section>
    );
  }

  const returnSubmit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    if (!returnNote.trim()) {
      setReturnMissing(true);
      return;
    }
    setReturnMissing(false);
    run({ action: 'return', note: returnNote.trim() });
  };
  const recallSubmit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    if (!reason.trim()) {
      setReasonMissing(true);
      return;
    }
    setReasonMissing(false);
    run({ action: 'recall', reason: reason.trim() });
  };

  return (
    <section className="panel documents-actions" aria-labelledby="documents-actions-title">
      <h2 id="documents-actions-title">{t('documents.actions.title')}</h2>
      {mutation.error && !signError ? <Alert kind="error" error={mutation.error} /> : null}
      <div className="button-row">
        {actions.includes('edit') ? (
          <Link className="button button-secondary" to={`${outgoingPath(document.id)}/sua`}>
            {t('documents.actions.edit')}
          </Link>
        ) : null}
        {actions.includes('submit') ? (
          <button
            type="button"
            className="button"
            disabled={mutation.isPending}
            onClick={() => run({ action: 'submit' })}
          >
            {t('documents.actions.submit')}
          </button>
        ) : null}
        {actions.includes('sign') ? (
          <button
            ref={signButton}
            type="button"
            className="button"
            disabled={mutation.isPending}
            onClick={() => {
              mutation.reset();
              setSigning(true);
            }}
          >
            {t('documents.actions.sign')}
          </button>
        ) : null}
      </div>

      {actions.includes('approve') ? (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            run({ action: 'approve', ...(approveNote.trim() ? { note: approveNote.trim() } : {}) });
          }}
        >
          <h3>{t('documents.actions.approveTitle')}</h3>
          <TextAreaField
            label={t('documents.actions.approveNote')}
            optional
            rows={2}
            maxLength={2000}
            value={approveNote}
            onChange={(event) => setApproveNote(event.target.value)}
          />
          <button type="submit" className="button" disabled={mutation.isPending}>
            {t('documents.actions.approve')}
          </button>
        </form>
      ) : null}

      {actions.includes('return') ? (
        <form onSubmit={returnSubmit} noValidate>
          <h3>{t('documents.actions.returnTitle')}</h3>
          <TextAreaField
            label={t('documents.actions.returnNote')}
            rows={2}
            maxLength={2000}
            required
            value={returnNote}
            error={returnMissing ? t('documents.actions.returnNoteMissing') : undefined}
            onChange={(event) => setReturnNote(event.target.value)}
          />
          <button type="submit" className="button button-secondary" disabled={mutation.isPending}>
            {t('documents.actions.return')}
          </button>
        </form>
      ) : null}

      {actions.includes('issue') ? (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            run({ action: 'issue', ...(registerId ? { registerId } : {}) });
          }}
        >
          <h3>{t('documents.actions.issueTitle')}</h3>
          <p className="muted">{t('documents.actions.issueText')}</p>
          {registers.length > 1 ? (
            <div className="field">
              <label htmlFor="documents-issue-register">{t('documents.actions.register')}</label>
              <select
                id="documents-issue-register"
                value={registerId}
                onChange={(event) => setRegisterId(event.target.value)}
              >
                <option value="">{t('documents.actions.defaultRegister')}</option>
                {registers.map((register) => (
                  <option key={register.id} value={register.id}>
                    {register.name} ({register.code})
                  </option>
                ))}
              </select>
            </div>
          ) : null}
          <button type="submit" className="button" disabled={mutation.isPending}>
            {t('documents.actions.issue')}
          </button>
        </form>
      ) : null}

      {actions.includes('recall') ? (
        <form onSubmit={recallSubmit} noValidate>
          <h3>{t('documents.actions.recallTitle')}</h3>
          <TextAreaField
            label={t('documents.actions.recallReason')}
            rows={2}
            maxLength={2000}
            required
            value={reason}
            error={reasonMissing ? t('documents.actions.recallReasonMissing') : undefined}
            onChange={(event) => setReason(event.target.value)}
          />
          <button type="submit" className="button button-danger" disabled={mutation.isPending}>
            {t('documents.actions.recall')}
          </button>
        </form>
      ) : null}

      {actions.includes('sign') || signing ? (
        <SignDialog
          open={signing}
          signerName={document.signerName ?? ''}
          subject={document.subject}
          busy={mutation.isPending}
          error={signError}
          onSign={(code) => run({ action: 'sign', code })}
          onClose={() => {
            setSigning(false);
            mutation.reset();
            signButton.current?.focus();
          }}
        />
      ) : null}
    </section>
  );
}
