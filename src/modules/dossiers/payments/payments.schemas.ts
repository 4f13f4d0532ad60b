/** Request and response shapes of dossiers' fees and payments. */
import { Type, type Static, type TSchema } from 'typebox';
import { StringEnum } from '../../../kernel/geo/geo.schemas';

const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
const Instant = Type.Unsafe<Date>({ type: 'string', format: 'date-time' });
const Money = Type.Integer({ minimum: 0, description: 'đồng (VND)' });
const FeeKind = StringEnum(['PHI', 'LE_PHI'] as const, {
  description: 'PHI = phí, LE_PHI = lệ phí',
});

export const AssessFeesBody = Type.Object(
  {
    lines: Type.Array(
      Type.Object(
        {
          index: Type.Integer({
            minimum: 0,
            maximum: 99,
            description:
              'Position of the entry in the procedure’s fee schedule (PhiLePhi) for the dossier’s channel',
          }),
          quantity: Type.Optional(
            Type.Integer({ minimum: 1, maximum: 1000, default: 1, description: 'e.g. copies' }),
          ),
        },
        { additionalProperties: false },
      ),
      { maxItems: 50, description: 'Empty: the dossier owes nothing' },
    ),
  },
  { additionalProperties: false },
);
export type AssessFeesBody = Static<typeof AssessFeesBody>;

export const DeskPaymentBody = Type.Object(
  {
    method: StringEnum(['cash', 'card'] as const, {
      description: 'cash = tiền mặt, card = thẻ (POS) at the desk',
    }),
  },
  { additionalProperties: false },
);
export type DeskPaymentBody = Static<typeof DeskPaymentBody>;

const FeeLine = Type.Object({
  id: Type.String(),
  scheduleIndex: Type.Integer({ description: 'The entry of the schedule it was taken from' }),
  kind: FeeKind,
  description: Type.String(),
  unitAmount: Money,
  quantity: Type.Integer({ minimum: 1 }),
  amount: Money,
  status: StringEnum(['due', 'paid', 'waived'] as const, {
    description: 'waived: an entry of amount 0 (exempt by law)',
  }),
  assessedAt: Instant,
  paidAt: Nullable(Instant),
  receiptNumber: Nullable(Type.String()),
});

const ScheduleEntry = Type.Object({
  index: Type.Integer(),
  kind: FeeKind,
  description: Type.String(),
  amount: Money,
});

const PaymentView = Type.Object({
  id: Type.String(),
  provider: StringEnum(['vnpay', 'sandbox', 'desk'] as const),
  method: StringEnum(['online', 'cash', 'card'] as const),
  amount: Money,
  status: StringEnum(['pending', 'paid', 'failed', 'cancelled'] as const),
  createdAt: Instant,
  expiresAt: Nullable(Instant),
  paidAt: Nullable(Instant),
  receiptNumber: Nullable(Type.String({ description: 'Số biên lai' })),
});

export const DossierFees = Type.Object({
  dossierCode: Type.String(),
  channel: StringEnum(['TRUC_TIEP', 'TRUC_TUYEN', 'BUU_CHINH'] as const),
  schedule: Type.Array(ScheduleEntry, {
    description: 'The procedure’s fees and charges for the dossier’s channel',
  }),
  lines: Type.Array(FeeLine),
  total: Money,
  paid: Money,
  outstanding: Money,
  payments: Type.Array(PaymentView),
});

export const StartedPayment = Type.Object({
  paymentId: Type.String(),
  amount: Money,
  expiresAt: Instant,
  redirectUrl: Type.String({ description: 'Send the browser here to pay' }),
});

export const DeskPayment = Type.Object({
  paymentId: Type.String(),
  amount: Money,
  receiptNumber: Type.String(),
  paidAt: Instant,
});

const VnpText = Type.Optional(Type.String({ maxLength: 1000 }));

/**
 * The `vnp_*` parameters of a provider's call. Those VNPay documents are listed; others it
 * may add are accepted too, since the signature covers every `vnp_*` parameter.
 */
export const ProviderParams = Type.Object(
  {
    vnp_Amount: VnpText,
    vnp_BankCode: VnpText,
    vnp_BankTranNo: VnpText,
    vnp_CardType: VnpText,
    vnp_OrderInfo: VnpText,
    vnp_PayDate: VnpText,
    vnp_ResponseCode: VnpText,
    vnp_TmnCode: VnpText,
    vnp_TransactionNo: VnpText,
    vnp_TransactionStatus: VnpText,
    vnp_TxnRef: VnpText,
    vnp_SecureHash: VnpText,
  },
  { additionalProperties: true, maxProperties: 64 },
);

export const IpnAnswer = Type.Object({
  RspCode: Type.String({
    description:
      '00 confirmed, 01 order not found, 02 already confirmed, 04 invalid amount, 97 invalid signature, 99 other',
  }),
  Message: Type.String(),
});

/** A form the sandbox's checkout page posts: the signed request and the button pressed. */
export const SandboxDecisionBody = Type.Record(
  Type.String({ maxLength: 64 }),
  Type.String({ maxLength: 2000 }),
  { maxProperties: 64 },
);
