-- wrk script of bench/run.py's write-mix row: anonymous visitors reading the library while
-- practitioners write. Per 1000 requests: MIX_FAVORITES favorite toggles (PUT or DELETE
-- /api/v1/sequences/<slug>/favorite with a practitioner's token), MIX_PROFILES profile saves
-- (PATCH /api/v1/auth/me, a new display name: what a registration also does to the library
-- version), the rest anonymous GETs of the pages and API reads listed in MIX_DIR/reads.txt.
-- bench/wsgi.py marks every GET answer "X-Bench-Cache: hit" or "computed"; done() prints
-- the counts as one JSON line beside the usual figures.
local dir = os.getenv("MIX_DIR")
local favorites = tonumber(os.getenv("MIX_FAVORITES") or "15")
local profiles = tonumber(os.getenv("MIX_PROFILES") or "5")

local function lines(path)
  local out = {}
  for line in io.lines(path) do
    if line ~= "" then table.insert(out, line) end
  end
  return out
end

local tokens = lines(dir .. "/tokens.txt")
local slugs = lines(dir .. "/slugs.txt")
local reads = lines(dir .. "/reads.txt")
local threads = {}
local counter = 1

function setup(thread)
  thread:set("id", counter)
  counter = counter + 1
  table.insert(threads, thread)
end

function init(args)
  math.randomseed(os.time() * 1000 + id)
  hits, computed, writes, failed = 0, 0, 0, 0
end

function request()
  local roll = math.random(1000)
  if roll <= favorites + profiles then
    local auth = {
      ["Authorization"] = "Bearer " .. tokens[math.random(#tokens)],
      ["Content-Type"] = "application/json",
    }
    if roll <= favorites then
      local method = (math.random(2) == 1) and "PUT" or "DELETE"
      return wrk.format(method, "/api/v1/sequences/" .. slugs[math.random(#slugs)] .. "/favorite", auth)
    end
    local body = string.format('{"display_name": "Bench %d"}', math.random(1000000))
    return wrk.format("PATCH", "/api/v1/auth/me", auth, body)
  end
  return wrk.format("GET", reads[math.random(#reads)], {})
end

function response(status, headers, body)
  local cache = headers["X-Bench-Cache"] or headers["x-bench-cache"]
  if status >= 400 then
    failed = failed + 1
  elseif cache == "hit" then
    hits = hits + 1
  elseif cache == "computed" then
    computed = computed + 1
  else
    writes = writes + 1
  end
end

done = function(summary, latency, requests)
  local h, c, w, f = 0, 0, 0, 0
  for _, thread in ipairs(threads) do
    h = h + thread:get("hits")
    c = c + thread:get("computed")
    w = w + thread:get("writes")
    f = f + thread:get("failed")
  end
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write
    + summary.errors.timeout + f
  io.write(string.format(
    'JSON {"rps": %.2f, "requests": %d, "p50_ms": %.3f, "p95_ms": %.3f, "p99_ms": %.3f, '
      .. '"errors": %d, "hits": %d, "computed": %d, "writes": %d}\n',
    summary.requests / (summary.duration / 1e6), summary.requests,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    errors, h, c, w))
end
