/** Saves bytes as a file through the browser's download, the one way a page can write to disk. */
export function downloadBytes(bytes: Uint8Array, fileName: string, type = 'application/octet-stream'): void {
  const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  // The download holds its own reference; let the URL go a little later (at once can cancel it).
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}
