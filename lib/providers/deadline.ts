// "Nothing arrived for too long" for an upstream call. Called per chunk, `touch` is one
// assignment instead of a clearTimeout and setTimeout, which at thousands of tokens a second
// add up on the event loop; the one timer re-arms itself for whatever time is left. Time is
// read from performance.now(): Next.js wraps Date.now in the app's process, and this runs per chunk.
export class Deadline {
  private timer: NodeJS.Timeout | undefined;
  private last = 0;
  private limit = 0;
  expired = false;

  constructor(private readonly onExpire: () => void) {}

  /** Starts the countdown afresh with this limit. */
  arm(ms: number): void {
    this.limit = ms;
    this.last = performance.now();
    clearTimeout(this.timer);
    this.timer = setTimeout(this.check, ms);
  }

  /** Something arrived: the countdown starts again, with `ms` as the limit from now on. */
  touch(ms: number): void {
    if (ms !== this.limit) this.arm(ms);
    else this.last = performance.now();
  }

  dispose(): void {
    clearTimeout(this.timer);
  }

  private readonly check = () => {
    const quiet = performance.now() - this.last;
    if (quiet < this.limit) {
      this.timer = setTimeout(this.check, this.limit - quiet);
      return;
    }
    this.expired = true;
    this.onExpire();
  };
}
