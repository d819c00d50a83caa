import type { FakeFault, FakeFaultSpec } from '../types';

/** An injected fault with its counters. */
export class ActiveFault implements FakeFault {
  private seen = 0;
  private hits = 0;
  private readonly nth: number;
  private readonly times: number;
  cleared = false;

  constructor(
    readonly spec: FakeFaultSpec,
    private readonly onClear: (fault: ActiveFault) => void,
  ) {
    this.nth = Math.max(1, spec.nth ?? 1);
    this.times = spec.times ?? 1;
  }

  get remaining(): number {
    return this.cleared ? 0 : this.times - this.hits;
  }

  get triggered(): number {
    return this.hits;
  }

  clear(): void {
    if (this.cleared) return;
    this.cleared = true;
    this.onClear(this);
  }

  private matches(method: string, path: string): boolean {
    if (this.spec.method && this.spec.method.toUpperCase() !== method) return false;
    const p = this.spec.path;
    if (p === undefined) return true;
    return typeof p === 'string' ? p === path : p.test(path);
  }

  /** Counts a request; returns whether this fault applies to it. */
  claim(method: string, path: string): boolean {
    if (this.cleared || !this.matches(method, path)) return false;
    this.seen++;
    if (this.seen < this.nth || this.hits >= this.times) return false;
    this.hits++;
    if (this.hits >= this.times) this.clear();
    return true;
  }
}

export const HTML_BODY =
  '<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n</body>\r\n</html>\r\n';
