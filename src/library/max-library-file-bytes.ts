/** The largest library file read: 50 MB holds some 50,000 papers with abstracts, far more than anyone's own reading. */
export const MAX_LIBRARY_FILE_BYTES = 50 * 1024 * 1024;

/** The problem with a file over the limit, for its error. */
export function describeLibraryFileSize(bytes: number): string {
  return `is ${formatMegabytes(bytes)}, more than the ${formatMegabytes(MAX_LIBRARY_FILE_BYTES)} a library file may be (export only the collections you read, without attached files)`;
}

// --- internal ---

function formatMegabytes(bytes: number): string {
  return `${Math.round(bytes / (1024 * 1024))} MB`;
}
