// Seeded randomness for the bootstrap: the same votes and seed give the same intervals on every
// machine. sfc32 (Chris Doty-Humphrey's small fast counting generator) passes PractRand and is a
// handful of integer operations, which matters here: the bootstrap draws 10^8 numbers. The
// sandbox's mulberry32 (lib/providers/sandbox/random.ts) has a 2^32 period, too short for that,
// and the npm generators (seedrandom, pure-rand, @stdlib/random) cost a call per number that V8
// does not inline (measured ~2x slower in the resampling loop).

export class SeededRandom {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number) {
    // splitmix32 spreads any seed (0, 1, 2, …) over the whole state.
    let s = seed >>> 0;
    const mix = (): number => {
      s = (s + 0x9e3779b9) | 0;
      let z = s;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
      return (z ^ (z >>> 16)) >>> 0;
    };
    this.a = mix();
    this.b = mix();
    this.c = mix();
    this.d = 1;
    for (let i = 0; i < 12; i++) this.nextUint32();
  }

  nextUint32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    return this.nextUint32() / 4294967296;
  }

  /**
   * Fills `out` with uniform whole numbers in [0, n): the bootstrap's draws, 10^8 per leaderboard,
   * with the state in locals for the length of the loop rather than read and written per number.
   */
  fillIndices(out: Uint32Array, n: number): void {
    let { a, b, c, d } = this;
    const scale = n / 4294967296;
    for (let k = 0; k < out.length; k++) {
      const t = (((a + b) | 0) + d) | 0;
      d = (d + 1) | 0;
      a = b ^ (b >>> 9);
      b = (c + (c << 3)) | 0;
      c = (c << 21) | (c >>> 11);
      c = (c + t) | 0;
      out[k] = (t >>> 0) * scale;
    }
    this.a = a;
    this.b = b;
    this.c = c;
    this.d = d;
  }

  /** Uniform whole number in [0, n) for n up to 2^21 (the float product is exact below 2^53). */
  index(n: number): number {
    return Math.floor(this.nextUint32() * (n / 4294967296));
  }
}
