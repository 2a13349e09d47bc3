// Solves A x = b for a symmetric positive-definite A (row-major, k×k) by Cholesky, in place and
// without allocating: the Newton fit calls it a few thousand times per leaderboard. A library
// matrix type (ml-matrix, mathjs) would allocate objects on every call for a 50×50 system that
// these twenty lines solve directly.

/**
 * Overwrites `a`'s lower triangle with L (A = L Lᵀ) and `b` with x. Returns false when A is not
 * positive definite (a pivot ≤ 0), leaving both in an unspecified state.
 */
export function solveSpdInPlace(a: Float64Array, b: Float64Array, k: number): boolean {
  for (let j = 0; j < k; j++) {
    const rowJ = j * k;
    let pivot = a[rowJ + j];
    for (let m = 0; m < j; m++) pivot -= a[rowJ + m] * a[rowJ + m];
    if (!(pivot > 0)) return false;
    const diag = Math.sqrt(pivot);
    a[rowJ + j] = diag;
    for (let i = j + 1; i < k; i++) {
      const rowI = i * k;
      let sum = a[rowI + j];
      for (let m = 0; m < j; m++) sum -= a[rowI + m] * a[rowJ + m];
      a[rowI + j] = sum / diag;
    }
  }
  for (let i = 0; i < k; i++) {
    const rowI = i * k;
    let sum = b[i];
    for (let m = 0; m < i; m++) sum -= a[rowI + m] * b[m];
    b[i] = sum / a[rowI + i];
  }
  for (let i = k - 1; i >= 0; i--) {
    let sum = b[i];
    for (let m = i + 1; m < k; m++) sum -= a[m * k + i] * b[m];
    b[i] = sum / a[i * k + i];
  }
  return true;
}
