/**
 * Starts a browser download of a same-origin URL (the session cookie goes with it). The server
 * answers with Content-Disposition: attachment, so the console stays where it is.
 */
export function startDownload(url: string): void {
  const link = document.createElement('a');
  link.href = url;
  link.download = '';
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
}
