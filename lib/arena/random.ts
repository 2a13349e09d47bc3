// Seeded randomness for the bootstrap: the same votes and seed give the same intervals on every
// machine. sfc32 (Chris Doty-Humphrey's small fast counting generator): 128 bits of state, passes
// PractRand, a handful of integer operations per number. Not the sandbox's mulberry32
// (lib/providers/sandbox/random.ts): that one has 32 bits of state (it never outputs about a third
// of all 32-bit values) and exists to vary simulated wording, so it may change with the sandbox;
// published intervals should not. npm's seeded generators (seedrandom, pure-rand) would do, at a
// dependency for twenty lines.

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

  /** Fills `out` with uniforms in [0, 1): a tight loop keeps the state in registers. */
  fill(out: Float64Array): void {
    let { a, b, c, d } = this;
    for (let k = 0; k < out.length; k++) {
      const t = (((a + b) | 0) + d) | 0;
      d = (d + 1) | 0;
      a = b ^ (b >>> 9);
      b = (c + (c << 3)) | 0;
      c = (c << 21) | (c >>> 11);
      c = (c + t) | 0;
      out[k] = (t >>> 0) / 4294967296;
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
