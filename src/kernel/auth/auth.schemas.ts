/** Request and response shapes of the identity API (validation, OpenAPI, response filtering). */
import { Type, type Static, type TSchema, type TUnsafe } from 'typebox';

/** A string enum as `{type: 'string', enum}`: documented, and serialised without anyOf. */
export function StringEnum<const T extends readonly string[]>(
  values: T,
  options: Record<string, unknown> = {},
): TUnsafe<T[number]> {
  return Type.Unsafe<T[number]>({ ...options, type: 'string', enum: [...values] });
}

export function Nullable<T extends TSchema>(schema: T) {
  return Type.Union([schema, Type.Null()]);
}

export const ProblemResponse = Type.Object(
  {
    error: Type.Object({
      code: Type.String({ description: 'Stable error code, e.g. INVALID_CREDENTIALS' }),
      message: Type.String(),
      details: Type.Optional(Type.Unknown()),
    }),
    requestId: Type.String(),
  },
  { description: 'Lỗi — error envelope' },
);

export const Uuid = Type.String({ format: 'uuid' });
export const DateTime = Type.String({ format: 'date-time' });
export const LocaleSchema = StringEnum(['vi', 'en'] as const, {
  description: 'Ngôn ngữ giao diện — interface language',
});
export const UserTypeSchema = StringEnum(['citizen', 'staff'] as const);
export const UserStatusSchema = StringEnum(['active', 'disabled'] as const);

/** Passwords are checked in code points (8–128); this bound only caps the hashing work. */
export const PasswordInput = Type.String({ minLength: 1, maxLength: 1024 });
export const FullNameInput = Type.String({ minLength: 1, maxLength: 200, pattern: '\\S' });
export const EmailInput = Type.String({ format: 'email', maxLength: 254 });
export const PhoneInput = Type.String({ minLength: 3, maxLength: 32 });

export const AgencyRef = Type.Object({ id: Uuid, code: Type.String(), name: Type.String() });

const userProperties = {
  id: Uuid,
  type: UserTypeSchema,
  fullName: Type.String(),
  email: Nullable(
    Type.String({ description: 'Đầy đủ cho chính người dùng, che một phần cho người khác' }),
  ),
  phone: Nullable(Type.String({ description: 'E.164, e.g. +84912345678 (masked for others)' })),
  locale: LocaleSchema,
  agency: Nullable(AgencyRef),
  roles: Type.Array(Type.String()),
  permissions: Type.Array(Type.String()),
  mfaEnabled: Type.Boolean(),
};

export const UserView = Type.Object(userProperties, { description: 'Người dùng — user' });
export type UserView = Static<typeof UserView>;

export const AdminUserView = Type.Object(
  {
    ...userProperties,
    status: UserStatusSchema,
    createdAt: DateTime,
    lastLoginAt: Nullable(DateTime),
    lockedUntil: Nullable(DateTime),
  },
  { description: 'Người dùng, góc nhìn quản trị — user as administrators see it' },
);
export type AdminUserView = Static<typeof AdminUserView>;

export const UserReply = Type.Object({ user: UserView });

export const RegisterBody = Type.Object(
  {
    email: Type.Optional(EmailInput),
    phone: Type.Optional(PhoneInput),
    password: PasswordInput,
    fullName: FullNameInput,
    locale: Type.Optional(LocaleSchema),
  },
  { additionalProperties: false },
);

export const LoginBody = Type.Object(
  {
    identifier: Type.String({
      minLength: 1,
      maxLength: 254,
      description: 'Email hoặc số điện thoại — email or phone number',
    }),
    password: PasswordInput,
  },
  { additionalProperties: false },
);

export const LoginReply = Type.Object({
  user: UserView,
  mfaRequired: Type.Boolean({ description: 'A second factor must be presented next' }),
  mfaEnrolmentRequired: Type.Boolean({
    description: 'The account must set up its authenticator first (staff)',
  }),
});

export const CodeBody = Type.Object(
  {
    code: Type.String({
      minLength: 6,
      maxLength: 32,
      description: 'Mã 6 số hoặc mã khôi phục — 6-digit code or a recovery code',
    }),
  },
  { additionalProperties: false },
);

export const EnrolStartReply = Type.Object({
  secret: Type.String({ description: 'Base32 secret, for manual entry' }),
  otpauthUri: Type.String({ description: 'otpauth:// URI, for a QR code' }),
});

export const EnrolConfirmReply = Type.Object({
  recoveryCodes: Type.Array(Type.String(), {
    description: 'Ten single-use codes, shown only this once',
  }),
});

export const MeReply = Type.Object({ user: UserView, mfaPassed: Type.Boolean() });

export const UpdateMeBody = Type.Object(
  { fullName: Type.Optional(FullNameInput), locale: Type.Optional(LocaleSchema) },
  { additionalProperties: false, minProperties: 1 },
);

export const ChangePasswordBody = Type.Object(
  { currentPassword: PasswordInput, newPassword: PasswordInput },
  { additionalProperties: false },
);
