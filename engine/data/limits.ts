/**
 * Size limits shared by the dataset parsers, and the wording of sizes in their messages. Every
 * parser checks a declared size against one of these before it allocates, so a hostile header
 * ("this entry is 1 TiB") costs nothing but an error message.
 */

/** Output cap for gunzip when the caller names none: more than any dataset this course loads. */
export const DEFAULT_MAX_UNPACKED_BYTES = 256 << 20;

/** Cap on one downloaded dataset file: the largest, cifar-10-binary.tar.gz, is 163 MiB. */
export const DEFAULT_MAX_DOWNLOAD_BYTES = 256 << 20;

/** Default cap on one tar entry kept in memory, when the caller names none. */
export const DEFAULT_MAX_TAR_ENTRY_BYTES = 64 << 20;

/** GNU long-name and pax records hold a path; anything this large is not a real one. */
export const MAX_TAR_RECORD_BYTES = 1 << 20;

const UNITS = ['bytes', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB', 'EiB'] as const;

/** "512 bytes", "29.3 MiB", "1 TiB": sizes as a person reads them (binary units, as file managers). */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes)) return 'an unreadable number of bytes';
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  if (unit === 0) return `${bytes} ${bytes === 1 ? 'byte' : 'bytes'}`;
  const rounded = value >= 100 || Number.isInteger(value) ? Math.round(value) : Math.round(value * 10) / 10;
  return `${rounded} ${UNITS[unit]}`;
}
