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
