/** Request and response shapes of account and API key administration. */
import { Type } from 'typebox';
import {
  AdminUserView,
  AgencyRef,
  DateTime,
  EmailInput,
  FullNameInput,
  Nullable,
  PasswordInput,
  PhoneInput,
  StringEnum,
  UserStatusSchema,
  UserTypeSchema,
  Uuid,
} from './auth.schemas';

const RoleName = Type.String({ minLength: 1, maxLength: 64, pattern: '^[a-z][a-z0-9_]*$' });
const Permission = Type.String({ minLength: 1, maxLength: 64, pattern: '^[a-z][a-z0-9_.]*$' });

export const Page = Type.Integer({ minimum: 1, maximum: 100_000, default: 1 });
export const PageSize = Type.Integer({ minimum: 1, maximum: 100, default: 20 });

export const IdParams = Type.Object({ id: Uuid }, { additionalProperties: false });

export const UserListQuery = Type.Object(
  {
    q: Type.Optional(Type.String({ maxLength: 100, description: 'Tên, email hoặc số điện thoại' })),
    agencyId: Type.Optional(Uuid),
    type: Type.Optional(UserTypeSchema),
    status: Type.Optional(UserStatusSchema),
    page: Page,
    pageSize: PageSize,
    sort: StringEnum(
      ['createdAt', '-createdAt', 'fullName', '-fullName', 'lastLoginAt', '-lastLoginAt'] as const,
      { default: '-createdAt' },
    ),
  },
  { additionalProperties: false },
);

export const UserList = Type.Object({
  items: Type.Array(AdminUserView),
  total: Type.Integer(),
  page: Type.Integer(),
  pageSize: Type.Integer(),
});

export const AdminUserReply = Type.Object({ user: AdminUserView });

export const CreateUserBody = Type.Object(
  {
    email: EmailInput,
    phone: Type.Optional(PhoneInput),
    fullName: FullNameInput,
    agencyId: Uuid,
    roles: Type.Array(RoleName, { maxItems: 10 }),
    password: Type.Optional(PasswordInput),
  },
  { additionalProperties: false },
);

export const CreateUserReply = Type.Object({
  user: AdminUserView,
  temporaryPassword: Type.Optional(
    Type.String({ description: 'Mật khẩu tạm, chỉ hiển thị một lần — shown only this once' }),
  ),
});

export const UpdateUserBody = Type.Object(
  {
    status: Type.Optional(UserStatusSchema),
    fullName: Type.Optional(FullNameInput),
    roles: Type.Optional(Type.Array(RoleName, { maxItems: 10 })),
  },
  { additionalProperties: false, minProperties: 1 },
);

export const ApiKeyView = Type.Object({
  id: Uuid,
  prefix: Type.String({ description: 'Shown to people, e.g. tsk_AbCd1234' }),
  name: Type.String(),
  agency: AgencyRef,
  scopes: Type.Array(Type.String()),
  createdBy: Nullable(Type.Object({ id: Uuid, fullName: Type.String() })),
  createdAt: DateTime,
  lastUsedAt: Nullable(DateTime),
  expiresAt: Nullable(DateTime),
  revokedAt: Nullable(DateTime),
});

export const ApiKeyListQuery = Type.Object(
  { page: Page, pageSize: PageSize },
  { additionalProperties: false },
);

export const ApiKeyList = Type.Object({
  items: Type.Array(ApiKeyView),
  total: Type.Integer(),
  page: Type.Integer(),
  pageSize: Type.Integer(),
});

export const CreateApiKeyBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 200, pattern: '\\S' }),
    agencyId: Uuid,
    scopes: Type.Array(Permission, { maxItems: 50 }),
    expiresAt: Type.Optional(DateTime),
  },
  { additionalProperties: false },
);

export const CreateApiKeyReply = Type.Object({
  apiKey: ApiKeyView,
  secret: Type.String({
    description: 'The whole key for the X-Api-Key header, shown only this once',
  }),
});

export const ApiKeyReply = Type.Object({ apiKey: ApiKeyView });
