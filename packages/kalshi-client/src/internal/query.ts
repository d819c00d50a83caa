/** A value that can go into a query string. Dates are sent as Unix seconds, arrays comma-joined. */
export type QueryValue = string | number | boolean | Date | readonly string[] | undefined | null;

/** Appends the defined entries of `query` to `url`, in insertion order. */
export function appendQuery(url: URL, query: Record<string, QueryValue> | undefined): void {
  if (query === undefined) return;
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null) continue;
    let text: string;
    if (value instanceof Date) text = String(Math.floor(value.getTime() / 1000));
    else if (Array.isArray(value)) text = value.join(',');
    else text = String(value);
    url.searchParams.append(key, text);
  }
}

/** Encodes one path segment (a ticker or an order id). */
export function segment(value: string): string {
  return encodeURIComponent(value);
}
