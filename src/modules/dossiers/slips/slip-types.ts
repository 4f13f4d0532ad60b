/**
 * What every slip is told, as plain objects: the agency whose heading it bears, the applicant
 * it is addressed to, and the time zone its dates are read in. Each renderer adds its own.
 */
import type { Channel } from '../catalog';

/** The agency issuing the paper, as its heading names it (Decree 30/2020 Appendix I). */
export interface SlipAgency {
  /** The governing body, set above the agency in regular capitals: `UBND TỈNH QUẢNG NINH`. */
  parentName?: string;
  /** `Ủy ban nhân dân phường Hạ Long`, `Trung tâm Phục vụ hành chính công tỉnh`. */
  name: string;
  /** The desk within it, when the paper comes from the desk: `Bộ phận Một cửa`. */
  unitName?: string;
  /** The place of the dateline: `Hạ Long`. */
  placeName: string;
}

export interface SlipApplicant {
  /** A person's full name or an organisation's name. */
  name: string;
  address?: string | null;
  phone?: string | null;
  email?: string | null;
}

export interface SlipTimeZone {
  /** IANA time zone the slip's dates and times are shown in; Asia/Ho_Chi_Minh by default. */
  timezone?: string;
}

/**
 * How the dossier came in (the national database's channels): at the desk, online or by
 * post. Only an applicant who stands at the desk signs the desk's papers.
 */
export type SlipChannel = Channel;

/** The name of whoever deals with the applicant for the agency: its desk, or the agency. */
export function deskName(agency: SlipAgency): string {
  return (agency.unitName ?? agency.name).normalize('NFC').replace(/\s+/g, ' ').trim();
}
