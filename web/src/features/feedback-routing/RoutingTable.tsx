/**
 * The communes of one category: a filter that ignores diacritics ("ha long" finds "Hạ
 * Long"), a kind filter, the agency select of each commune, and a bulk choice for the
 * selected or all shown communes. Choices only mark edits; the page saves them together.
 */
import { useMemo, useState, type FormEvent } from 'react';
import { useI18n } from '../../shared/i18n/i18n';
import { foldVietnamese } from '../../shared/map/boundaries';
import {
  cellKey,
  type MatrixAgency,
  type MatrixCategory,
  type MatrixCell,
  type MatrixCommune,
  type RoutingMatrix,
} from './routing-api';

type Kind = MatrixCommune['kind'];
const KINDS: readonly Kind[] = ['ward', 'commune', 'special_zone'];

interface Props {
  data: RoutingMatrix;
  category: MatrixCategory;
  cells: ReadonlyMap<string, MatrixCell>;
  edits: ReadonlyMap<string, string>;
  savedChoice: (communeCode: string) => string;
  onChoose: (changes: ReadonlyArray<[string, string]>) => void;
}

export function RoutingTable({ data, category, cells, edits, savedChoice, onChoose }: Props) {
  const { t, locale } = useI18n();
  const [filter, setFilter] = useState('');
  const [kind, setKind] = useState<Kind | ''>('');
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [bulkChoice, setBulkChoice] = useState('');
  const [bulkScope, setBulkScope] = useState<'selected' | 'shown'>('shown');
  const [marked, setMarked] = useState<number | null>(null);

  const agencyById = useMemo(() => new Map(data.agencies.map((a) => [a.id, a])), [data]);
  const provincial = useMemo(
    () => data.agencies.filter((a) => a.communeCodes.length === 0),
    [data],
  );
  const agencyName = (id: string | null): string => {
    if (!id) return t('feedbackRouting.noAgency');
    const agency = agencyById.get(id);
    if (!agency) return t('feedbackRouting.unavailableAgency');
    return locale === 'en' ? (agency.nameEn ?? agency.name) : agency.name;
  };
  const communeName = (commune: MatrixCommune) =>
    locale === 'en'
      ? `${commune.nameEn} (${t(`feedbackRouting.kind.${commune.kind}`)})`
      : commune.fullName;

  const folded = foldVietnamese(filter);
  const shown = data.communes.filter(
    (commune) =>
      (kind === '' || commune.kind === kind) &&
      (folded === '' ||
        foldVietnamese(`${commune.fullName} ${commune.nameEn}`).includes(folded) ||
        commune.code.includes(folded)),
  );
  const allShownSelected = shown.length > 0 && shown.every((c) => selected.has(c.code));

  const toggle = (codes: string[], on: boolean): void => {
    setSelected((current) => {
      const next = new Set(current);
      for (const code of codes) {
        if (on) next.add(code);
        else next.delete(code);
      }
      return next;
    });
  };

  const applyBulk = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    const targets =
      bulkScope === 'selected'
        ? data.communes.filter((c) => selected.has(c.code)).map((c) => c.code)
        : shown.map((c) => c.code);
    onChoose(targets.map((code) => [code, bulkChoice]));
    setMarked(targets.length);
  };

  return (
    <>
      <div className="routing-filters" role="search">
        <div className="field">
          <label htmlFor="routing-filter">{t('feedbackRouting.filter')}</label>
          <input
            id="routing-filter"
            type="search"
            value={filter}
            aria-describedby="routing-shown"
            onChange={(event) => setFilter(event.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="routing-kind">{t('feedbackRouting.kindFilter')}</label>
          <select
            id="routing-kind"
            value={kind}
            onChange={(event) => setKind(KINDS.find((k) => k === event.target.value) ?? '')}
          >
            <option value="">{t('feedbackRouting.kind.all')}</option>
            {KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`feedbackRouting.kind.${k}`)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <p id="routing-shown" className="note" role="status">
        {t('feedbackRouting.shown', { shown: shown.length, total: data.communes.length })}
      </p>

      <form className="routing-bulk" onSubmit={applyBulk}>
        <fieldset>
          <legend>{t('feedbackRouting.bulkTitle')}</legend>
          <div className="field">
            <label htmlFor="routing-bulk-agency">{t('feedbackRouting.bulkAgency')}</label>
            <select
              id="routing-bulk-agency"
              value={bulkChoice}
              onChange={(event) => setBulkChoice(event.target.value)}
            >
              <option value="">{t('feedbackRouting.bulkDefault')}</option>
              {provincial.map((agency) => (
                <option key={agency.id} value={agency.id}>
                  {agencyName(agency.id)}
                </option>
              ))}
            </select>
          </div>
          <div
            className="routing-scope"
            role="radiogroup"
            aria-label={t('feedbackRouting.bulkScope')}
          >
            <label className="checkbox">
              <input
                type="radio"
                name="routing-bulk-scope"
                checked={bulkScope === 'shown'}
                onChange={() => setBulkScope('shown')}
              />
              {t('feedbackRouting.bulkShown', { count: shown.length })}
            </label>
            <label className="checkbox">
              <input
                type="radio"
                name="routing-bulk-scope"
                checked={bulkScope === 'selected'}
                onChange={() => setBulkScope('selected')}
              />
              {t('feedbackRouting.bulkSelected', { count: selected.size })}
            </label>
          </div>
          <button
            type="submit"
            className="button button-secondary"
            disabled={bulkScope === 'selected' ? selected.size === 0 : shown.length === 0}
          >
            {t('feedbackRouting.bulkApply')}
          </button>
          {marked !== null ? (
            <p role="status" className="note">
              {t('feedbackRouting.bulkMarked', { count: marked })}
            </p>
          ) : null}
        </fieldset>
      </form>

      {shown.length === 0 ? (
        <p role="status">{t('feedbackRouting.noMatch')}</p>
      ) : (
        <div className="routing-table-wrap">
          <table className="data-table compact routing-table">
            <caption className="visually-hidden">
              {t('feedbackRouting.caption', {
                category: locale === 'en' ? category.nameEn : category.name,
              })}
            </caption>
            <thead>
              <tr>
                <th scope="col">
                  <input
                    type="checkbox"
                    aria-label={t('feedbackRouting.selectShown')}
                    checked={allShownSelected}
                    onChange={(event) =>
                      toggle(
                        shown.map((c) => c.code),
                        event.target.checked,
                      )
                    }
                  />
                </th>
                <th scope="col">{t('feedbackRouting.commune')}</th>
                <th scope="col">{t('feedbackRouting.current')}</th>
                <th scope="col">{t('feedbackRouting.agency')}</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((commune) => {
                const cell = cells.get(cellKey(category.code, commune.code));
                const edited = edits.has(commune.code);
                const choice = edits.get(commune.code) ?? savedChoice(commune.code);
                const name = communeName(commune);
                return (
                  <tr key={commune.code} className={edited ? 'routing-edited' : undefined}>
                    <td>
                      <input
                        type="checkbox"
                        aria-label={t('feedbackRouting.selectCommune', { commune: name })}
                        checked={selected.has(commune.code)}
                        onChange={(event) => toggle([commune.code], event.target.checked)}
                      />
                    </td>
                    <th scope="row">{name}</th>
                    <td>
                      {agencyName(cell?.agencyId ?? null)}{' '}
                      <span className={`routing-badge routing-badge-${cell?.source ?? 'default'}`}>
                        {cell?.source === 'matrix'
                          ? t('feedbackRouting.sourceMatrix')
                          : t('feedbackRouting.sourceDefault')}
                      </span>
                      {edited ? (
                        <span className="routing-badge routing-badge-edited">
                          {t('feedbackRouting.unsaved')}
                        </span>
                      ) : null}
                    </td>
                    <td>
                      <AgencySelect
                        commune={commune}
                        label={t('feedbackRouting.agencyFor', { commune: name })}
                        value={choice}
                        defaultLabel={t('feedbackRouting.defaultOption', {
                          agency: agencyName(cell?.defaultAgencyId ?? null),
                        })}
                        agencies={data.agencies}
                        savedAgencyId={savedChoice(commune.code)}
                        agencyName={agencyName}
                        onChange={(value) => onChoose([[commune.code, value]])}
                      />
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

/** The agencies that may answer in this commune: its own committee, then provincial bodies. */
function AgencySelect({
  commune,
  label,
  value,
  defaultLabel,
  agencies,
  savedAgencyId,
  agencyName,
  onChange,
}: {
  commune: MatrixCommune;
  label: string;
  value: string;
  defaultLabel: string;
  agencies: MatrixAgency[];
  savedAgencyId: string;
  agencyName: (id: string | null) => string;
  onChange: (value: string) => void;
}) {
  const { t } = useI18n();
  const local = agencies.filter((a) => a.communeCodes.includes(commune.code));
  const provincial = agencies.filter((a) => a.communeCodes.length === 0);
  // A cell may name an agency no longer offered (deactivated since): keep it visible.
  const stale =
    savedAgencyId !== '' && !agencies.some((a) => a.id === savedAgencyId) ? savedAgencyId : null;
  return (
    <select aria-label={label} value={value} onChange={(event) => onChange(event.target.value)}>
      <option value="">{defaultLabel}</option>
      {stale ? <option value={stale}>{agencyName(stale)}</option> : null}
      {local.length > 0 ? (
        <optgroup label={t('feedbackRouting.localAgencies')}>
          {local.map((agency) => (
            <option key={agency.id} value={agency.id}>
              {agencyName(agency.id)}
            </option>
          ))}
        </optgroup>
      ) : null}
      <optgroup label={t('feedbackRouting.provincialAgencies')}>
        {provincial.map((agency) => (
          <option key={agency.id} value={agency.id}>
            {agencyName(agency.id)}
          </option>
        ))}
      </optgroup>
    </select>
  );
}
