/**
 * What the person may do with an incoming document now — exactly the server's `actions`:
 * register it (Vào sổ), assign its handling (Phân công: unit, lead handler, supporters, those
 * informed, deadline, note), start and complete it (with the reply that answered it), or
 * answer it with a new draft (Trả lời).
 */
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useI18n } from '../../shared/i18n/i18n';
import type { MessageKey } from '../../shared/i18n/translate';
import { Alert } from '../../shared/ui/Alert';
import { Field } from '../../shared/ui/Field';
import { formProblems } from '../admin/form-problems';
import {
  DESK_KEY,
  actOnIncoming,
  fetchOutgoingList,
  incomingKey,
  type Desk,
  type IncomingAction,
  type IncomingView,
} from './documents-api';
import { NEW_DRAFT } from './DocumentsNav';
import { SelectField, TextAreaField } from './fields';

const DONE_KEY: Record<IncomingAction['action'], MessageKey> = {
  register: 'documents.done.register',
  assign: 'documents.done.assign',
  start: 'documents.done.start',
  complete: 'documents.done.complete',
};

function useIncomingAction(id: string, onDone: (message: MessageKey) => void) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: IncomingAction) => actOnIncoming(id, body),
    onSuccess: (updated, body) => {
      client.setQueryData(incomingKey(id), updated);
      void client.invalidateQueries({ queryKey: ['documents', 'incoming-list'] });
      void client.invalidateQueries({ queryKey: DESK_KEY });
      onDone(DONE_KEY[body.action]);
    },
  });
}

export function IncomingActions({
  document,
  desk,
  onDone,
}: {
  document: IncomingView;
  desk: Desk | undefined;
  onDone: (message: MessageKey) => void;
}) {
  const { t } = useI18n();
  const mutation = useIncomingAction(document.id, onDone);
  const actions = document.actions;
  const incomingRegisters = (desk?.registers ?? []).filter(
    (register) => register.direction === 'incoming',
  );
  const [registerId, setRegisterId] = useState('');

  return (
    <section className="panel documents-actions" aria-labelledby="documents-actions-title">
      <h2 id="documents-actions-title">{t('documents.actions.title')}</h2>
      {actions.length === 0 ? <p className="muted">{t('documents.actions.none')}</p> : null}
      {mutation.error && mutation.variables?.action !== 'assign' ? (
        <Alert kind="error" error={mutation.error} />
      ) : null}
      {actions.includes('register') ? (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            mutation.mutate({ action: 'register', ...(registerId ? { registerId } : {}) });
          }}
        >
          {incomingRegisters.length > 1 ? (
            <div className="field">
              <label htmlFor="documents-register">{t('documents.actions.register')}</label>
              <select
                id="documents-register"
                value={registerId}
                onChange={(event) => setRegisterId(event.target.value)}
              >
                <option value="">{t('documents.actions.defaultRegister')}</option>
                {incomingRegisters.map((register) => (
                  <option key={register.id} value={register.id}>
                    {register.name} ({register.code})
                  </option>
                ))}
              </select>
            </div>
          ) : null}
          <button type="submit" className="button" disabled={mutation.isPending}>
            {t('documents.actions.registerIncoming')}
          </button>
        </form>
      ) : null}
      <div className="button-row">
        {actions.includes('start') ? (
          <button
            type="button"
            className="button"
            disabled={mutation.isPending}
            onClick={() => mutation.mutate({ action: 'start' })}
          >
            {t('documents.actions.start')}
          </button>
        ) : null}
        {actions.includes('reply') ? (
          <Link className="button button-secondary" to={`${NEW_DRAFT}?traLoi=${document.id}`}>
            {t('documents.actions.reply')}
          </Link>
        ) : null}
      </div>
      {actions.includes('assign') && desk ? (
        <AssignForm document={document} desk={desk} mutation={mutation} />
      ) : null}
      {actions.includes('complete') ? (
        <CompleteForm document={document} mutation={mutation} />
      ) : null}
    </section>
  );
}

type Mutation = ReturnType<typeof useIncomingAction>;

function AssignForm({
  document,
  desk,
  mutation,
}: {
  document: IncomingView;
  desk: Desk;
  mutation: Mutation;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const holders = (role: 'lead' | 'support' | 'informed') =>
    document.assignments.filter((item) => item.role === role).map((item) => item.userId);
  const [handlingUnit, setHandlingUnit] = useState(document.handlingUnit ?? '');
  const [leadUserId, setLeadUserId] = useState(holders('lead')[0] ?? '');
  const [support, setSupport] = useState<string[]>(holders('support'));
  const [informed, setInformed] = useState<string[]>(holders('informed'));
  const [deadline, setDeadline] = useState(document.handlingDeadline ?? '');
  const [note, setNote] = useState('');
  const [leadMissing, setLeadMissing] = useState(false);
  const error = mutation.variables?.action === 'assign' ? mutation.error : null;
  const problems = formProblems(error, i18n, { ASSIGNEE_INVALID: 'leadUserId' });
  const reassign = document.status !== 'registered';

  const toggle = (list: string[], userId: string, on: boolean): string[] =>
    on ? [...list, userId] : list.filter((held) => held !== userId);

  const submit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    if (!leadUserId) {
      setLeadMissing(true);
      return;
    }
    setLeadMissing(false);
    mutation.mutate({
      action: 'assign',
      handlingUnit: handlingUnit.trim() || null,
      leadUserId,
      supportUserIds: support.filter((userId) => userId !== leadUserId),
      informedUserIds: informed.filter(
        (userId) => userId !== leadUserId && !support.includes(userId),
      ),
      deadline: deadline || null,
      note: note.trim() || null,
    });
  };

  return (
    <form onSubmit={submit} noValidate aria-labelledby="documents-assign-title">
      <h3 id="documents-assign-title">
        {reassign ? t('documents.assign.reassignTitle') : t('documents.assign.title')}
      </h3>
      {error ? <Alert kind="error" error={error} /> : null}
      <Field
        label={t('documents.assign.unit')}
        hint={t('documents.assign.unitHint')}
        optional
        maxLength={200}
        value={handlingUnit}
        error={problems.handlingUnit}
        onChange={(event) => setHandlingUnit(event.target.value)}
      />
      <SelectField
        label={t('documents.assign.lead')}
        required
        value={leadUserId}
        error={leadMissing ? t('documents.assign.leadMissing') : problems.leadUserId}
        onChange={(event) => setLeadUserId(event.target.value)}
      >
        <option value="">{t('documents.assign.chooseLead')}</option>
        {desk.staff.map((person) => (
          <option key={person.id} value={person.id}>
            {person.fullName}
          </option>
        ))}
      </SelectField>
      <fieldset className="checkbox-group">
        <legend>{t('documents.assign.support')}</legend>
        {desk.staff
          .filter((person) => person.id !== leadUserId)
          .map((person) => (
            <label key={person.id} className="checkbox">
              <input
                type="checkbox"
                checked={support.includes(person.id)}
                onChange={(event) => setSupport(toggle(support, person.id, event.target.checked))}
              />
              {person.fullName}
            </label>
          ))}
      </fieldset>
      <fieldset className="checkbox-group">
        <legend>{t('documents.assign.informed')}</legend>
        {desk.staff
          .filter((person) => person.id !== leadUserId && !support.includes(person.id))
          .map((person) => (
            <label key={person.id} className="checkbox">
              <input
                type="checkbox"
                checked={informed.includes(person.id)}
                onChange={(event) => setInformed(toggle(informed, person.id, event.target.checked))}
              />
              {person.fullName}
            </label>
          ))}
      </fieldset>
      <Field
        label={t('documents.assign.deadline')}
        type="date"
        optional
        value={deadline}
        error={problems.deadline}
        onChange={(event) => setDeadline(event.target.value)}
      />
      <TextAreaField
        label={t('documents.assign.note')}
        optional
        rows={2}
        maxLength={2000}
        value={note}
        error={problems.note}
        onChange={(event) => setNote(event.target.value)}
      />
      <button type="submit" className="button" disabled={mutation.isPending}>
        {reassign ? t('documents.assign.reassign') : t('documents.assign.submit')}
      </button>
    </form>
  );
}

function CompleteForm({ document, mutation }: { document: IncomingView; mutation: Mutation }) {
  const { t } = useI18n();
  const [note, setNote] = useState('');
  const [replyId, setReplyId] = useState(document.replyOutgoingId ?? '');
  // The agency's most recent issued documents: the reply is usually among them.
  const issued = useQuery({
    queryKey: ['documents', 'outgoing-list', 'issued-for-reply'],
    queryFn: () =>
      fetchOutgoingList({ box: 'all', status: 'issued', q: '', type: '', from: '', to: '' }, 1),
    staleTime: 60_000,
  });
  const options = issued.data?.items ?? [];

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        mutation.mutate({
          action: 'complete',
          note: note.trim() || null,
          replyOutgoingId: replyId || null,
        });
      }}
      aria-labelledby="documents-complete-title"
    >
      <h3 id="documents-complete-title">{t('documents.complete.title')}</h3>
      <TextAreaField
        label={t('documents.complete.note')}
        optional
        rows={3}
        maxLength={2000}
        value={note}
        onChange={(event) => setNote(event.target.value)}
      />
      <SelectField
        label={t('documents.complete.reply')}
        optional
        value={replyId}
        aria-busy={issued.isPending}
        onChange={(event) => setReplyId(event.target.value)}
      >
        <option value="">{t('documents.complete.noReply')}</option>
        {document.replyOutgoingId &&
        !options.some((item) => item.id === document.replyOutgoingId) ? (
          <option value={document.replyOutgoingId}>{t('documents.complete.linkedReply')}</option>
        ) : null}
        {options.map((item) => (
          <option key={item.id} value={item.id}>
            {item.notation} — {item.subject}
          </option>
        ))}
      </SelectField>
      <button type="submit" className="button" disabled={mutation.isPending}>
        {t('documents.complete.submit')}
      </button>
    </form>
  );
}
