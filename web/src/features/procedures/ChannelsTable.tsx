/**
 * How a procedure can be submitted (at the desk, online, by post), how long each takes and
 * what it costs: every line of the fee schedule with its kind (phí or lệ phí), what it is for
 * and its amount, since the lines are often alternatives a total would misstate.
 */
import { useI18n } from '../../shared/i18n/i18n';
import type { ProcedureTthc } from './procedures-api';
import { CHANNEL_KEY, FEE_KIND_KEY } from './labels';
import { feeAmountText, processingTimeText } from './procedure-format';

export function ChannelsTable({ channels }: { channels: ProcedureTthc['CachThucThucHien'] }) {
  const { t, locale } = useI18n();
  return (
    <table className="procedure-table">
      <caption className="visually-hidden">{t('procedures.channels.caption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('procedures.channels.time')}</th>
          <th scope="col">{t('procedures.channels.fees')}</th>
        </tr>
      </thead>
      {/* One group per channel, its name across the row: two columns fit a phone. */}
      {channels.map((channel) => (
        <tbody key={channel.Kenh}>
          <tr>
            <th scope="rowgroup" colSpan={2} className="procedure-channel">
              {t(CHANNEL_KEY[channel.Kenh])}
            </th>
          </tr>
          <tr>
            <td>
              <strong>
                {processingTimeText(
                  { amount: channel.ThoiGianGiaiQuyet, unit: channel.DonViTinh },
                  locale,
                  t,
                )}
              </strong>
              {channel.MoTa ? (
                <span className="procedure-aside" lang="vi">
                  {channel.MoTa}
                </span>
              ) : null}
            </td>
            <td>
              {channel.PhiLePhi.length === 0 ? (
                t('procedures.fee.free')
              ) : (
                <ul className="procedure-fees">
                  {channel.PhiLePhi.map((fee, index) => (
                    <li key={index}>
                      <span className="procedure-fee-head">
                        {t(FEE_KIND_KEY[fee.Loai])}:{' '}
                        <strong className="procedure-amount">
                          {feeAmountText(fee.SoTien, locale, t)}
                        </strong>
                      </span>
                      <span className="procedure-aside" lang="vi">
                        {fee.MoTa}
                      </span>
                    </li>
                  ))}
                </ul>
              )}
            </td>
          </tr>
        </tbody>
      ))}
    </table>
  );
}
