/**
 * The location of a POST requests: "One of lat & long or address_string or address_id", with
 * lat and long sent together. Missing → OPEN311_LOCATION_MISSING; half a pair, text that is
 * not a decimal number, or a value off the globe → OPEN311_LOCATION_INVALID (both 400).
 * Whether an address alone is enough, and whether the point is inside the province, is for
 * the service to decide (OPEN311_COORDINATES_REQUIRED, OPEN311_LOCATION_OUTSIDE).
 */
import { open311Errors } from './open311-errors';

export interface Open311LocationFields {
  lat?: string | null;
  long?: string | null;
  address_string?: string | null;
  address_id?: string | null;
}

export interface Open311Location {
  /** WGS84 decimal degrees, when lat and long were sent. */
  coordinates?: { lat: number; long: number };
  addressString?: string;
  addressId?: string;
}

const DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/;

export function readOpen311Location(fields: Open311LocationFields): Open311Location {
  const lat = present(fields.lat);
  const long = present(fields.long);
  const addressString = present(fields.address_string);
  const addressId = present(fields.address_id);
  const location: Open311Location = {};
  if (addressString) location.addressString = addressString;
  if (addressId) location.addressId = addressId;

  if (lat !== undefined || long !== undefined) {
    if (lat === undefined || long === undefined) {
      throw open311Errors.OPEN311_LOCATION_INVALID({ missing: lat === undefined ? 'lat' : 'long' });
    }
    const latitude = degrees(lat, 90);
    const longitude = degrees(long, 180);
    if (latitude === null || longitude === null) {
      throw open311Errors.OPEN311_LOCATION_INVALID({ lat, long });
    }
    location.coordinates = { lat: latitude, long: longitude };
    return location;
  }
  if (!addressString && !addressId) throw open311Errors.OPEN311_LOCATION_MISSING();
  return location;
}

function present(value: string | null | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

function degrees(text: string, limit: number): number | null {
  if (!DECIMAL.test(text)) return null;
  const value = Number(text);
  if (!Number.isFinite(value) || Math.abs(value) > limit) return null;
  return value;
}
