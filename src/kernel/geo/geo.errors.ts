/** Error codes of the geo part (administrative units and point lookup). */
import { defineErrors } from '../errors/app-error';

export const geoErrors = defineErrors('geo', {
  GEO_OUTSIDE_COVERAGE: {
    status: 404,
    message: 'No commune of the covered area contains this point.',
    messageVi: 'Không có xã, phường, đặc khu nào trong vùng phục vụ chứa điểm này.',
  },
  GEO_PROVINCE_NOT_FOUND: {
    status: 404,
    message: 'No province or centrally governed city has this code.',
    messageVi: 'Không có tỉnh, thành phố nào có mã này.',
  },
  GEO_COMMUNE_NOT_FOUND: {
    status: 404,
    message: 'No commune-level unit has this code.',
    messageVi: 'Không có xã, phường, đặc khu nào có mã này.',
  },
});
