/** A file the page made, handed to the browser's downloads (a blob URL: nothing leaves the machine). */
export function downloadBytes(bytes: Uint8Array, name: string, type: string): void {
  const url = URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** 报告.docx → 报告.fazhi.json (the extension replaced). */
export function downloadName(file: string, suffix: string): string {
  const base = file.replace(/\.[^.]+$/, '');
  return `${base || '报告'}${suffix}`;
}
