/**
 * Saves a file the app made (an export, a backup, a rendered resume) through the browser's own
 * download, from a Blob URL. The URL outlives the download's start (a large Blob needs a moment)
 * and is then released.
 */
export function downloadFile(
  fileName: string,
  data: Blob | BlobPart,
  type = 'application/octet-stream',
): void {
  const blob = data instanceof Blob ? data : new Blob([data], { type });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
