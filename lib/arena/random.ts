// Seeded randomness for the bootstrap: the same votes and seed give the same intervals on every
// machine. sfc32 (Chris Doty-Humphrey's small fast counting generator): 128 bits of state, passes
// PractRand, a handful of integer operations per number. Not the sandbox's mulberry32
// (lib/providers/sandbox/random.ts): that one has 32 bits of state (it never outputs about a third
// of all 32-bit values) and exists to vary simulated wording, so it may change with the sandbox;
// published intervals should not. npm's seeded generators (seedrandom, pure-rand) would do, at a
// dependency for twenty lines.

const TWO_TO_MINUS_32 = 1 / 4294967296;

export class SeededRandom {
  /**
   * a, b, c, d as int32s in a typed array: as object fields, values beyond V8's 31-bit small
   * integers would be boxed as doubles, and every step would convert them (measured ~4× slower).
   */
  private readonly state = new Int32Array(4);

  constructor(seed: number) {
    // splitmix32 spreads any seed (0, 1, 2, …) over the whole state.
    let s = seed | 0;
    const mix = (): number => {
      s = (s + 0x9e3779b9) | 0;
      let z = s;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
      return z ^ (z >>> 16);
    };
    this.state.set([mix(), mix(), mix(), 1]);
    for (let i = 0; i < 12; i++) this.nextUint32();
  }

  nextUint32(): number {
    const state = this.state;
    const a = state[0];
    const b = state[1];
    const c = state[2];
    const d = state[3];
    const t = (((a + b) | 0) + d) | 0;
    state[3] = (d + 1) | 0;
    state[0] = b ^ (b >>> 9);
    state[1] = (c + (c << 3)) | 0;
    state[2] = (((c << 21) | (c >>> 11)) + t) | 0;
    return t >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    return this.nextUint32() * TWO_TO_MINUS_32;
  }

  /** Fills `out` with uniforms in [0, 1), the state held in locals for the whole loop. */
  fill(out: Float64Array): void {
    const state = this.state;
    let a = state[0];
    let b = state[1];
    let c = state[2];
    let d = state[3];
    for (let k = 0; k < out.length; k++) {
      const t = (((a + b) | 0) + d) | 0;
      d = (d + 1) | 0;
      a = b ^ (b >>> 9);
      b = (c + (c << 3)) | 0;
      c = (((c << 21) | (c >>> 11)) + t) | 0;
      out[k] = (t >>> 0) * TWO_TO_MINUS_32;
    }
    state[0] = a;
    state[1] = b;
    state[2] = c;
    state[3] = d;
  }

  /** Uniform whole number in [0, n) for n up to 2^21 (the float product is exact below 2^53). */
  index(n: number): number {
    return Math.floor(this.nextUint32() * TWO_TO_MINUS_32 * n);
  }
}
