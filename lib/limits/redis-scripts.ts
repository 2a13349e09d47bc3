// The Lua that changes shared limit state in Redis, each script one atomic step. The window
// arithmetic mirrors MemoryRateLimitStore (60 buckets per window plus the current one), so a
// limit means the same on one instance and on several. Money is compared exactly: Lua's
// numbers are doubles, so picodollar amounts (int64 in Redis) are compared as two base-1e9
// limbs, and only ever changed with HINCRBY, which is exact.

const COMMON = `
local SLOTS = 61
local function split(s)
  s = tostring(s)
  if string.sub(s, 1, 1) == '-' then return 0, 0 end
  local n = #s
  if n <= 9 then return 0, tonumber(s) end
  return tonumber(string.sub(s, 1, n - 9)), tonumber(string.sub(s, n - 8))
end
local function exceeds(parts, limit)
  local hi, lo = 0, 0
  for _, p in ipairs(parts) do local h, l = split(p); hi = hi + h; lo = lo + l end
  hi = hi + math.floor(lo / 1000000000); lo = lo % 1000000000
  local lh, ll = split(limit)
  if hi ~= lh then return hi > lh end
  return lo > ll
end
local function window_state(key, windowMs, now)
  local bucketMs = math.max(1, math.ceil(windowMs / (SLOTS - 1)))
  local current = math.floor(now / bucketMs)
  local fields = redis.call('HGETALL', key)
  local counts, used, stale = {}, 0, {}
  for i = 1, #fields, 2 do
    local b, c = tonumber(fields[i]), tonumber(fields[i + 1])
    if b <= current - SLOTS then stale[#stale + 1] = fields[i]
    elseif b <= current then used = used + c; counts[b] = c end
  end
  if #stale > 0 then redis.call('HDEL', key, unpack(stale)) end
  return bucketMs, current, used, counts
end
local function window_check(key, windowMs, limit, amount, now)
  local bucketMs, current, used, counts = window_state(key, windowMs, now)
  if limit < 0 or used + amount <= limit then
    local remaining = -1
    if limit >= 0 then remaining = limit - used - amount end
    return true, remaining, 0
  end
  local needed, freed = used + amount - limit, 0
  for b = current - SLOTS + 1, current do
    freed = freed + (counts[b] or 0)
    if freed >= needed then return false, math.max(0, limit - used), math.max(1, (b + SLOTS) * bucketMs - now) end
  end
  return false, math.max(0, limit - used), windowMs
end
local function window_add(key, windowMs, amount, now)
  local bucketMs = math.max(1, math.ceil(windowMs / (SLOTS - 1)))
  if amount > 0 then redis.call('HINCRBY', key, tostring(math.floor(now / bucketMs)), amount) end
  redis.call('PEXPIRE', key, windowMs + 2 * bucketMs)
end
local function purge(hash, zset, now)
  local expired = redis.call('ZRANGEBYSCORE', zset, '-inf', now)
  for _, rid in ipairs(expired) do
    local amount = redis.call('HGET', hash, 'r:' .. rid)
    if amount then
      redis.call('HDEL', hash, 'r:' .. rid)
      if amount ~= '0' then redis.call('HINCRBY', hash, 'reserved', '-' .. amount) end
    end
  end
  if #expired > 0 then redis.call('ZREMRANGEBYSCORE', zset, '-inf', now) end
end
`;

/** KEYS[1] window; ARGV now, windowMs, limit (-1: none), amount -> {allowed, remaining, retryAfterMs}. */
export const CONSUME_WINDOW = `${COMMON}
local now, windowMs, limit, amount = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3]), tonumber(ARGV[4])
local allowed, remaining, retry = window_check(KEYS[1], windowMs, limit, amount, now)
if allowed then window_add(KEYS[1], windowMs, amount, now) end
return {allowed and 1 or 0, remaining, retry}
`;

/** KEYS[1] window; ARGV windowMs, amount, at: gives back units counted in the bucket of `at`. */
export const REFUND_WINDOW = `${COMMON}
local bucketMs = math.max(1, math.ceil(tonumber(ARGV[1]) / (SLOTS - 1)))
local field = tostring(math.floor(tonumber(ARGV[3]) / bucketMs))
local count = tonumber(redis.call('HGET', KEYS[1], field) or '0')
if count <= 0 then return 0 end
redis.call('HSET', KEYS[1], field, math.max(0, count - tonumber(ARGV[2])))
return 1
`;

/**
 * The whole admission, all or nothing. KEYS: per hold its hash and its expiry set, then the
 * windows. ARGV: now, reservation id, lease ms, hold count, per hold (limit, amount, ttl ms
 * or 0), per window (windowMs, limit, amount). Answers {"ok"}, {"seed", i} (the hold's spend
 * is not loaded), {"hold", i, spent, reserved} or {"window", j, retryAfterMs}.
 */
export const ADMIT = `${COMMON}
local now, rid, lease, holds = tonumber(ARGV[1]), ARGV[2], tonumber(ARGV[3]), tonumber(ARGV[4])
local windows = #KEYS - 2 * holds
for i = 1, holds do
  local hash, zset = KEYS[2 * i - 1], KEYS[2 * i]
  purge(hash, zset, now)
  local spent = redis.call('HGET', hash, 'spent')
  if not spent then return {'seed', i} end
  local reserved = redis.call('HGET', hash, 'reserved') or '0'
  local limit, amount = ARGV[2 + 3 * i], ARGV[3 + 3 * i]
  if exceeds({spent, reserved, amount}, limit) then return {'hold', i, spent, reserved} end
end
local base = 4 + 3 * holds
for j = 1, windows do
  local a = base + 3 * (j - 1)
  local allowed, remaining, retry = window_check(KEYS[2 * holds + j], tonumber(ARGV[a + 1]), tonumber(ARGV[a + 2]), tonumber(ARGV[a + 3]), now)
  if not allowed then return {'window', j, retry} end
end
for i = 1, holds do
  local hash, zset = KEYS[2 * i - 1], KEYS[2 * i]
  local amount, ttl = ARGV[3 + 3 * i], tonumber(ARGV[4 + 3 * i])
  redis.call('HSET', hash, 'r:' .. rid, amount)
  redis.call('HINCRBY', hash, 'reserved', amount)
  redis.call('ZADD', zset, now + lease, rid)
  if ttl > 0 then redis.call('PEXPIRE', hash, ttl); redis.call('PEXPIRE', zset, ttl) end
end
for j = 1, windows do
  local a = base + 3 * (j - 1)
  window_add(KEYS[2 * holds + j], tonumber(ARGV[a + 1]), tonumber(ARGV[a + 3]), now)
end
return {'ok'}
`;

/** KEYS: holds' hash and expiry set pairs; ARGV: reservation id, actual cost ('0' on release). */
export const SETTLE = `
for i = 1, #KEYS / 2 do
  local hash, zset = KEYS[2 * i - 1], KEYS[2 * i]
  local amount = redis.call('HGET', hash, 'r:' .. ARGV[1])
  if amount then
    redis.call('HDEL', hash, 'r:' .. ARGV[1])
    if amount ~= '0' then redis.call('HINCRBY', hash, 'reserved', '-' .. amount) end
  end
  redis.call('ZREM', zset, ARGV[1])
  if ARGV[2] ~= '0' and redis.call('HEXISTS', hash, 'spent') == 1 then redis.call('HINCRBY', hash, 'spent', ARGV[2]) end
end
return 1
`;

/** KEYS[1] hash, KEYS[2] expiry set; ARGV now: {spent or false, reserved} after dropping lapsed reservations. */
export const READ_HOLD = `${COMMON}
purge(KEYS[1], KEYS[2], tonumber(ARGV[1]))
return {redis.call('HGET', KEYS[1], 'spent') or false, redis.call('HGET', KEYS[1], 'reserved') or '0'}
`;
