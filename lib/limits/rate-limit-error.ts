// A 429 that also says when to come back, so /api/v1 can send a Retry-After header.
import { AppError } from "../errors";

export class RateLimitError extends AppError {
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(429, message, "rate_limited");
    this.name = "RateLimitError";
  }
}
