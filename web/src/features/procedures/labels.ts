/** The catalog's coded values in the reader's language: levels, channels, applicants, roles. */
import type { MessageKey } from '../../shared/i18n/translate';
import type { ApplicantType, CatalogSort, OnlineLevel, ProcedureLevel } from './catalog-filters';

export type Channel = 'TRUC_TIEP' | 'TRUC_TUYEN' | 'BUU_CHINH';
export type FeeKind = 'PHI' | 'LE_PHI';
export type StepRole = 'desk' | 'specialist' | 'leader';

export const LEVEL_KEY: Record<ProcedureLevel, MessageKey> = {
  TINH: 'procedures.level.TINH',
  XA: 'procedures.level.XA',
};

export const ONLINE_LEVEL_KEY: Record<OnlineLevel, MessageKey> = {
  TOAN_TRINH: 'procedures.online.TOAN_TRINH',
  MOT_PHAN: 'procedures.online.MOT_PHAN',
};

export const APPLICANT_KEY: Record<ApplicantType, MessageKey> = {
  CONG_DAN: 'procedures.applicant.CONG_DAN',
  DOANH_NGHIEP: 'procedures.applicant.DOANH_NGHIEP',
  TO_CHUC: 'procedures.applicant.TO_CHUC',
};

export const SORT_KEY: Record<CatalogSort, MessageKey> = {
  name: 'procedures.sort.name',
  code: 'procedures.sort.code',
  field: 'procedures.sort.field',
};

export const CHANNEL_KEY: Record<Channel, MessageKey> = {
  TRUC_TIEP: 'procedures.channel.TRUC_TIEP',
  TRUC_TUYEN: 'procedures.channel.TRUC_TUYEN',
  BUU_CHINH: 'procedures.channel.BUU_CHINH',
};

export const FEE_KIND_KEY: Record<FeeKind, MessageKey> = {
  PHI: 'procedures.feeKind.PHI',
  LE_PHI: 'procedures.feeKind.LE_PHI',
};

export const ROLE_KEY: Record<StepRole, MessageKey> = {
  desk: 'procedures.role.desk',
  specialist: 'procedures.role.specialist',
  leader: 'procedures.role.leader',
};
