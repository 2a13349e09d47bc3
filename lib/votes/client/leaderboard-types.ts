// The leaderboard route's JSON, as the page reads it (dates as strings).
import type { LeaderboardPage } from "../leaderboard-service";

type Jsonified<T> = T extends Date ? string : T extends bigint ? string : T extends (infer U)[] ? Jsonified<U>[] : T extends object ? { [K in keyof T]: Jsonified<T[K]> } : T;

export type LeaderboardPageDto = Jsonified<LeaderboardPage>;
