/**
 * Saves text as a file through a Blob link: the browser's download in the web harness, and
 * Electron's own download (save dialog) in the desktop app. Nothing leaves the machine.
 */
export function downloadText(fileName: string, text: string, type = 'text/csv;charset=utf-8'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.appendChild(link);
  link.click();
  link.remove();
  // Revoked later: some browsers read the Blob after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** `1 234`, with the French thin space between thousands. */
export function formatCount(n: number): string {
  return new Intl.NumberFormat('fr-FR').format(n);
}

/**
 * Saves bytes the backend sent as base64 (a zip, a spreadsheet) the same way as `downloadText`:
 * a Blob link, which Electron turns into its save dialog and the browser into a download.
 */
export function downloadBase64(fileName: string, base64: string, type = 'application/octet-stream'): void {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  const url = URL.createObjectURL(new Blob([bytes], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
