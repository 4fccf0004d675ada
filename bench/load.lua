-- wrk driver of bench/load.py: practitioners recording practice, toggling favorites and
-- reading, with tokens and sequence slugs from the files bench/load.py writes.
--
-- Mix per request: 40% POST /api/v1/sessions (a new client id each: a new practice),
-- 30% PUT or DELETE /api/v1/sequences/<slug>/favorite, 15% GET /api/v1/stats,
-- 15% anonymous GET /api/v1/sequences (cached, invalidated by the favorite toggles).
-- Each thread counts answers by kind; done() prints one JSON line for bench/load.py.

local dir = os.getenv("LOAD_DIR")
local started_at = os.getenv("LOAD_STARTED_AT")
local ended_at = os.getenv("LOAD_ENDED_AT")

local function lines(path)
  local out = {}
  for line in io.lines(path) do
    if line ~= "" then table.insert(out, line) end
  end
  return out
end

local tokens = lines(dir .. "/tokens.txt")
local slugs = lines(dir .. "/slugs.txt")
local threads = {}
local counter = 1

function setup(thread)
  thread:set("id", counter)
  counter = counter + 1
  table.insert(threads, thread)
end

function init(args)
  math.randomseed(os.time() * 1000 + id)
  created, ok, client_errors, server_errors = 0, 0, 0, 0
  recorded_ids = {}
end

local function uuid()
  local template = "xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx"
  return (string.gsub(template, "[xy]", function(c)
    local v = (c == "x") and math.random(0, 15) or math.random(8, 11)
    return string.format("%x", v)
  end))
end

function request()
  local token = tokens[math.random(#tokens)]
  local auth = { ["Authorization"] = "Bearer " .. token, ["Content-Type"] = "application/json" }
  local roll = math.random(100)
  if roll <= 40 then
    local body = string.format(
      '{"client_id": "%s", "title": "Load practice", "style": "hatha", '
        .. '"started_at": "%s", "ended_at": "%s", "duration_seconds": 600, "completed": true}',
      uuid(), started_at, ended_at)
    return wrk.format("POST", "/api/v1/sessions", auth, body)
  elseif roll <= 70 then
    local method = (math.random(2) == 1) and "PUT" or "DELETE"
    local slug = slugs[math.random(#slugs)]
    return wrk.format(method, "/api/v1/sequences/" .. slug .. "/favorite", auth)
  elseif roll <= 85 then
    return wrk.format("GET", "/api/v1/stats", auth)
  end
  return wrk.format("GET", "/api/v1/sequences?page_size=20", {})
end

function response(status, headers, body)
  if status == 201 then
    created = created + 1
    -- The recorded practice's client id, to find it in the database afterwards.
    local recorded = string.match(body, '"client_id":"([%x%-]+)"')
    if recorded then
      table.insert(recorded_ids, recorded)
    end
  elseif status >= 500 then
    server_errors = server_errors + 1
  elseif status >= 400 then
    client_errors = client_errors + 1
  else
    ok = ok + 1
  end
end

done = function(summary, latency, requests)
  local totals = { created = 0, ok = 0, client_errors = 0, server_errors = 0 }
  local ids = io.open(dir .. "/recorded-" .. os.getenv("LOAD_LEVEL") .. ".txt", "w")
  for _, thread in ipairs(threads) do
    for name, _ in pairs(totals) do
      totals[name] = totals[name] + thread:get(name)
    end
    for _, recorded in ipairs(thread:get("recorded_ids")) do
      ids:write(recorded, "\n")
    end
  end
  ids:close()
  local socket_errors = summary.errors.connect + summary.errors.read + summary.errors.write
    + summary.errors.timeout
  io.write(string.format(
    'JSON {"rps": %.2f, "requests": %d, "p50_ms": %.3f, "p95_ms": %.3f, "p99_ms": %.3f, '
      .. '"max_ms": %.3f, "socket_errors": %d, "created": %d, "ok": %d, '
      .. '"client_errors": %d, "server_errors": %d}\n',
    summary.requests / (summary.duration / 1e6), summary.requests,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000, socket_errors, totals.created, totals.ok, totals.client_errors,
    totals.server_errors))
end
