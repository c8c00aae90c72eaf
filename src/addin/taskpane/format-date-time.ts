/** An ISO time as people read it in the pane, local time: `09/05/2024 14:05`; the text itself when it is not a time. */
export function formatDateTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const p = (n: number): string => String(n).padStart(2, '0');
  return `${p(d.getDate())}/${p(d.getMonth() + 1)}/${String(d.getFullYear())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}
