/**
 * The reporting period of the dossiers' panel: this month, last month, this quarter or this
 * year in one click, or any month, quarter or year that has begun through three lists. The
 * figures follow at once; the choice lives in the address (`?period=`) so a link opens the
 * same figures.
 */
import { useId, useState } from 'react';
import { useI18n } from '../shared/i18n/i18n';
import type { MessageKey } from '../shared/i18n/translate';
import {
  indexesOffered,
  monthName,
  PRESETS,
  presetOf,
  presetPeriod,
  reshapePeriod,
  yearsOffered,
  type PeriodKind,
  type Preset,
  type ReportPeriod,
} from './dossiers-period';

const PRESET_LABEL: Record<Preset, MessageKey> = {
  thisMonth: 'dossiersOps.period.thisMonth',
  lastMonth: 'dossiersOps.period.lastMonth',
  thisQuarter: 'dossiersOps.period.thisQuarter',
  thisYear: 'dossiersOps.period.thisYear',
};

const KIND_LABEL: Record<PeriodKind, MessageKey> = {
  month: 'dossiersOps.period.month',
  quarter: 'dossiersOps.period.quarter',
  year: 'dossiersOps.period.year',
};

const KINDS: readonly PeriodKind[] = ['month', 'quarter', 'year'];

export interface PeriodChooserProps {
  period: ReportPeriod;
  now: Date;
  onChange: (period: ReportPeriod) => void;
}

export function PeriodChooser({ period, now, onChange }: PeriodChooserProps) {
  const { t, locale } = useI18n();
  const id = useId();
  const preset = presetOf(period, now);
  // "Another period" stays chosen while the person picks one, even one a preset also names.
  const [other, setOther] = useState(preset === null);
  const choice = other || preset === null ? 'other' : preset;
  const change = (next: Partial<ReportPeriod>) => onChange(reshapePeriod(period, next, now));

  return (
    <fieldset className="dossiers-period">
      <legend>{t('dossiersOps.period.legend')}</legend>
      <div className="dossiers-period-presets">
        {PRESETS.map((each) => (
          <label key={each} className="dossiers-period-option">
            <input
              type="radio"
              name={`${id}-preset`}
              value={each}
              checked={choice === each}
              onChange={() => {
                setOther(false);
                onChange(presetPeriod(each, now));
              }}
            />
            {t(PRESET_LABEL[each])}
          </label>
        ))}
        <label className="dossiers-period-option">
          <input
            type="radio"
            name={`${id}-preset`}
            value="other"
            checked={choice === 'other'}
            onChange={() => setOther(true)}
          />
          {t('dossiersOps.period.other')}
        </label>
      </div>
      {choice === 'other' ? (
        <div className="dossiers-period-custom">
          <div className="field">
            <label htmlFor={`${id}-kind`}>{t('dossiersOps.period.kind')}</label>
            <select
              id={`${id}-kind`}
              value={period.kind}
              onChange={(event) => change({ kind: event.target.value as PeriodKind })}
            >
              {KINDS.map((kind) => (
                <option key={kind} value={kind}>
                  {t(KIND_LABEL[kind])}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-year`}>{t('dossiersOps.period.year')}</label>
            <select
              id={`${id}-year`}
              value={period.year}
              onChange={(event) => change({ year: Number(event.target.value) })}
            >
              {yearsOffered(now).map((year) => (
                <option key={year} value={year}>
                  {year}
                </option>
              ))}
            </select>
          </div>
          {period.kind === 'year' ? null : (
            <div className="field">
              <label htmlFor={`${id}-index`}>{t(KIND_LABEL[period.kind])}</label>
              <select
                id={`${id}-index`}
                value={period.index}
                onChange={(event) => change({ index: Number(event.target.value) })}
              >
                {indexesOffered(period.kind, period.year, now).map((index) => (
                  <option key={index} value={index}>
                    {period.kind === 'month'
                      ? monthName(index, locale)
                      : t('dossiersOps.period.quarterOption', { quarter: index })}
                  </option>
                ))}
              </select>
            </div>
          )}
        </div>
      ) : null}
    </fieldset>
  );
}
