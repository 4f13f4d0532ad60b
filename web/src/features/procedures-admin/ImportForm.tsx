/**
 * Takes a JSON file of procedure records into the catalog (POST /api/procedures/import), all
 * or none. The file is read here first, so a file that is not JSON is said in plain words
 * before anything is sent; whatever the server says, the chosen file stays chosen, so the
 * administrator can fix it and send it again.
 */
import { useState, type FormEvent } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../shared/api/client';
import { useI18n } from '../../shared/i18n/i18n';
import type { MessageKey } from '../../shared/i18n/translate';
import { IMPORT_LIMIT_BYTES, recordsFromJson, type ImportFileProblem } from './import-file';
import { ImportOutcome, type ImportResult } from './ImportOutcome';
import { ImportRefusal } from './ImportRefusal';

type LocalProblem = ImportFileProblem | 'missing' | 'too_large' | 'unreadable';

const PROBLEM_KEY: Record<LocalProblem, MessageKey> = {
  missing: 'proceduresAdmin.file.missing',
  too_large: 'proceduresAdmin.file.tooLarge',
  unreadable: 'proceduresAdmin.file.unreadable',
  empty: 'proceduresAdmin.file.empty',
  not_json: 'proceduresAdmin.file.notJson',
  not_records: 'proceduresAdmin.file.notRecords',
};

type Outcome =
  | { kind: 'done'; fileName: string; result: ImportResult }
  | { kind: 'refused'; error: unknown; records: Record<string, unknown>[] };

export function ImportForm() {
  const { t } = useI18n();
  const client = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [problem, setProblem] = useState<LocalProblem | null>(null);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  // A new key empties the file input after a successful import.
  const [inputKey, setInputKey] = useState(0);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setOutcome(null);
    if (!file) return setProblem('missing');
    if (file.size > IMPORT_LIMIT_BYTES) return setProblem('too_large');
    let text: string;
    try {
      text = await file.text();
    } catch {
      return setProblem('unreadable');
    }
    const read = recordsFromJson(text);
    if (!read.ok) return setProblem(read.problem);
    setProblem(null);
    setBusy(true);
    try {
      const result = await unwrap(
        api.POST('/api/procedures/import', { body: read.records as never }),
      );
      setOutcome({ kind: 'done', fileName: file.name, result });
      setFile(null);
      setInputKey((key) => key + 1);
      // The portal's lists and pages show the new catalog at once.
      await client.invalidateQueries({ queryKey: ['procedures'] });
    } catch (error) {
      setOutcome({ kind: 'refused', error, records: read.records });
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <section className="panel" aria-labelledby="pa-import-title">
        <h2 id="pa-import-title">{t('proceduresAdmin.import.title')}</h2>
        <p>{t('proceduresAdmin.import.lead')}</p>
        <form className="form" noValidate onSubmit={(event) => void submit(event)}>
          <div className={`field${problem ? ' field-invalid' : ''}`}>
            <label htmlFor="pa-file">{t('proceduresAdmin.file.label')}</label>
            <p id="pa-file-hint" className="field-hint">
              {t('proceduresAdmin.file.hint')}
            </p>
            <input
              key={inputKey}
              id="pa-file"
              type="file"
              accept="application/json,.json"
              aria-describedby={`pa-file-hint${problem ? ' pa-file-error' : ''}`}
              aria-invalid={problem ? true : undefined}
              onChange={(event) => {
                setFile(event.target.files?.[0] ?? null);
                setProblem(null);
              }}
            />
            {problem ? (
              <p id="pa-file-error" className="field-error">
                {t(PROBLEM_KEY[problem])}
              </p>
            ) : null}
          </div>
          <button type="submit" className="button" disabled={busy}>
            {busy ? t('proceduresAdmin.import.busy') : t('proceduresAdmin.import.submit')}
          </button>
        </form>
        {outcome?.kind === 'refused' ? (
          <ImportRefusal error={outcome.error} records={outcome.records} />
        ) : null}
      </section>
      {outcome?.kind === 'done' ? (
        <ImportOutcome fileName={outcome.fileName} result={outcome.result} />
      ) : null}
    </>
  );
}
