/**
 * The Open311 service discovery document (wiki.open311.org/Service_Discovery): one
 * GeoReport v2 endpoint, in XML and JSON. All its fields are required by that page.
 */
import { formatOpen311Datetime } from './open311-datetime';
import type { Discovery } from './open311.types';

/** The token that names the specification an endpoint implements. */
export const GEOREPORT_V2_SPECIFICATION = 'http://wiki.open311.org/GeoReport_v2';

export const OPEN311_FORMATS = ['text/xml', 'application/json'] as const;

export interface DiscoveryInput {
  /** Base URL of the GeoReport v2 endpoint, e.g. https://tinhso.example.vn/open311/v2. */
  endpointUrl: string;
  /** When the service list or a service definition last changed. */
  changeset: Date;
  /** How to reach the people who run the API. */
  contact: string;
  /** How to get an api_key. */
  keyService: string;
  type?: 'production' | 'test';
  timeZone?: string;
}

export function buildDiscovery(input: DiscoveryInput): Discovery {
  const changeset = formatOpen311Datetime(input.changeset, input.timeZone);
  return {
    changeset,
    contact: input.contact,
    key_service: input.keyService,
    endpoints: [
      {
        specification: GEOREPORT_V2_SPECIFICATION,
        url: input.endpointUrl,
        changeset,
        type: input.type ?? 'production',
        formats: [...OPEN311_FORMATS],
      },
    ],
  };
}
