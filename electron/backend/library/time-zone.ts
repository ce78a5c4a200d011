import tzLookup from '@photostructure/tz-lookup';

/**
 * The IANA time zone at a station, found offline from its coordinates: field stations have no
 * network, and a volunteer should not have to know the zone's name. Over open sea the answer is
 * a nautical zone (Etc/GMT+10), which still gives the right offset.
 */
export function timeZoneAt(latitude: number, longitude: number): string {
  return tzLookup(latitude, longitude);
}
