/**
 * Tờ khai: the applicant's form values under the labels of the procedure's form (GET
 * /api/procedures/:code gives the form), section by section; a commune by its name when the
 * province's list is at hand. Should the form not load, the values still show, by field code.
 */
import { Fragment } from 'react';
import { useI18n } from '../../shared/i18n/i18n';
import { usePublicConfig } from '../../shared/api/public-config';
import { Loading } from '../../shared/ui/Loading';
import { useCommunes } from '../feedback-public/public-api';
import type { ProcedureView } from '../procedures/procedures-api';
import { formValueSections, hasCommuneField, type ValueRow } from './form-values';

function Rows({ rows }: { rows: readonly ValueRow[] }) {
  return (
    <dl className="dossiers-facts">
      {rows.map((row) => (
        <Fragment key={row.id}>
          <dt>{row.label}</dt>
          <dd>{row.text}</dd>
        </Fragment>
      ))}
    </dl>
  );
}

export function FormValuesPanel({
  values,
  procedure,
}: {
  values: Readonly<Record<string, unknown>>;
  procedure: { data?: ProcedureView | undefined; isLoading: boolean; error: unknown };
}) {
  const { t, locale } = useI18n();
  const form = procedure.data?.form;
  const config = usePublicConfig();
  const communes = useCommunes(hasCommuneField(form) ? config.data?.provinceCode : undefined);
  const names = new Map((communes.data ?? []).map((commune) => [commune.code, commune.fullName]));
  const { sections, others } = formValueSections(form, values, {
    locale,
    yes: t('dossiersConsole.yes'),
    no: t('dossiersConsole.no'),
    money: (amount) => t('dossiersConsole.money', { amount }),
    communeName: (code) => names.get(code),
  });
  const empty = sections.length === 0 && others.length === 0;

  return (
    <section className="panel" aria-labelledby="dossier-values-title">
      <h2 id="dossier-values-title">{t('dossiersConsole.values.title')}</h2>
      {procedure.isLoading && !procedure.error ? <Loading /> : null}
      {procedure.error ? (
        <p className="muted">{t('dossiersConsole.values.formUnavailable')}</p>
      ) : null}
      {empty && !procedure.isLoading ? (
        <p className="muted">{t('dossiersConsole.values.empty')}</p>
      ) : null}
      {sections.map((section) => (
        <div key={section.id} className="dossiers-values-section">
          <h3>{section.title}</h3>
          <Rows rows={section.rows} />
        </div>
      ))}
      {others.length > 0 && !procedure.isLoading ? (
        <div className="dossiers-values-section">
          {sections.length > 0 ? <h3>{t('dossiersConsole.values.other')}</h3> : null}
          <Rows rows={others} />
        </div>
      ) : null}
    </section>
  );
}
