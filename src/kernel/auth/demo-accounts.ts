/**
 * The demo accounts loaded with the Quảng Ninh demo data, printed at start-up so people can
 * try every role. Staff accounts share one FIXED authenticator secret, known to the demo
 * guide and to the browser tests, so codes can be computed (e.g. by any authenticator app
 * fed this secret). Never enable the demo data on a real installation.
 */
/**
 * `leader` and `clerk` are the documents module's roles (Decree 30: lãnh đạo, văn thư);
 * `desk_officer` is the dossiers module's one-stop desk (cán bộ một cửa).
 */
export type DemoRole =
  | 'province_admin'
  | 'agency_admin'
  | 'officer'
  | 'leader'
  | 'clerk'
  | 'desk_officer'
  | 'operator'
  | 'citizen';

export interface DemoAccount {
  role: DemoRole;
  email: string;
  password: string;
  fullName: string;
  /** Where the staff member works, found by kind and name in the demo agency tree. */
  agency: {
    kind: 'province_committee' | 'department' | 'commune_committee' | 'public_service_center';
    nameLike?: string;
  } | null;
  /** Base32 TOTP secret for staff; null for the citizen. */
  totpSecret: string | null;
}

/** Base32 of the ASCII text `tinhso-demo-totp-key` (160 bits). */
export const DEMO_TOTP_SECRET = 'ORUW42DTN4WWIZLNN4WXI33UOAWWWZLZ';

export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  {
    role: 'province_admin',
    email: 'quantri.tinh@quangninh.example',
    password: 'Vinh-Ha-Long-2026',
    fullName: 'Nguyễn Văn Quản',
    agency: { kind: 'province_committee' },
    totpSecret: DEMO_TOTP_SECRET,
  },
  {
    role: 'agency_admin',
    email: 'quantri.soxaydung@quangninh.example',
    password: 'Cau-Bai-Chay-2026',
    fullName: 'Trần Thị Xây',
    agency: { kind: 'department', nameLike: 'xây dựng' },
    totpSecret: DEMO_TOTP_SECRET,
  },
  {
    role: 'officer',
    email: 'canbo.halong@quangninh.example',
    password: 'Nui-Bai-Tho-2026',
    fullName: 'Lê Văn Cần',
    agency: { kind: 'commune_committee', nameLike: 'hạ long' },
    totpSecret: DEMO_TOTP_SECRET,
  },
  {
    role: 'leader',
    email: 'chutich.halong@quangninh.example',
    password: 'Hon-Gai-Chu-Tich-2026',
    fullName: 'Nguyễn Văn Hùng',
    agency: { kind: 'commune_committee', nameLike: 'hạ long' },
    totpSecret: DEMO_TOTP_SECRET,
  },
  {
    role: 'clerk',
    email: 'vanthu.halong@quangninh.example',
    password: 'Van-Thu-Ha-Long-2026',
    fullName: 'Đỗ Thị Thư',
    agency: { kind: 'commune_committee', nameLike: 'hạ long' },
    totpSecret: DEMO_TOTP_SECRET,
  },
  {
    role: 'desk_officer',
    email: 'motcua.halong@quangninh.example',
    password: 'Mot-Cua-Ha-Long-2026',
    fullName: 'Phạm Thị Nhận',
    agency: { kind: 'commune_committee', nameLike: 'hạ long' },
    totpSecret: DEMO_TOTP_SECRET,
  },
  {
    role: 'desk_officer',
    email: 'motcua.tinh@quangninh.example',
    password: 'Trung-Tam-Phuc-Vu-2026',
    fullName: 'Đinh Văn Tiếp',
    agency: { kind: 'public_service_center' },
    totpSecret: DEMO_TOTP_SECRET,
  },
  {
    role: 'leader',
    email: 'chutich.tinh@quangninh.example',
    password: 'Ha-Long-Bay-Lanh-Dao-2026',
    fullName: 'Trần Quốc Lãnh',
    agency: { kind: 'province_committee' },
    totpSecret: DEMO_TOTP_SECRET,
  },
  {
    role: 'clerk',
    email: 'vanthu.tinh@quangninh.example',
    password: 'Van-Thu-Tinh-Uy-2026',
    fullName: 'Ngô Thị Lưu',
    agency: { kind: 'province_committee' },
    totpSecret: DEMO_TOTP_SECRET,
  },
  {
    role: 'officer',
    email: 'chuyenvien.tinh@quangninh.example',
    password: 'Chuyen-Vien-Tinh-2026',
    fullName: 'Bùi Văn Chuyên',
    agency: { kind: 'province_committee' },
    totpSecret: DEMO_TOTP_SECRET,
  },
  {
    role: 'operator',
    email: 'vanhanh.ioc@quangninh.example',
    password: 'Dao-Tuan-Chau-2026',
    fullName: 'Phạm Thị Hành',
    agency: { kind: 'province_committee' },
    totpSecret: DEMO_TOTP_SECRET,
  },
  {
    role: 'citizen',
    email: 'congdan@quangninh.example',
    password: 'Yen-Tu-Mua-Xuan-2026',
    fullName: 'Hoàng Thị Dân',
    agency: null,
    totpSecret: null,
  },
];
