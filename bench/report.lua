-- wrk script of bench/run.py for one row: the method and JSON body (WRK_METHOD, WRK_BODY),
-- "{uuid}" in the body replaced by a fresh UUID on every request (a new practice each time),
-- and a reporter printing one JSON line.
local body = os.getenv("WRK_BODY")
local method = os.getenv("WRK_METHOD")
if method and method ~= "" then
  wrk.method = method
end
if body and body ~= "" then
  wrk.method = (method and method ~= "") and method or "POST"
  wrk.body = body
  wrk.headers["Content-Type"] = "application/json"
end

local counter = 1
function setup(thread)
  thread:set("id", counter)
  counter = counter + 1
end

function init(args)
  math.randomseed(os.time() * 1000 + (id or 0))
end

local function uuid()
  local template = "xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx"
  return (string.gsub(template, "[xy]", function(c)
    local v = (c == "x") and math.random(0, 15) or math.random(8, 11)
    return string.format("%x", v)
  end))
end

if body and string.find(body, "{uuid}", 1, true) then
  request = function()
    return wrk.format(nil, nil, nil, (string.gsub(body, "{uuid}", uuid())))
  end
end

-- Reporter: one JSON line with throughput, latency percentiles and errors (any answer >= 400
-- counts as an error).
done = function(summary, latency, requests)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write
    + summary.errors.status + summary.errors.timeout
  io.write(string.format(
    'JSON {"rps": %.2f, "requests": %d, "p50_ms": %.3f, "p95_ms": %.3f, "p99_ms": %.3f, "errors": %d}\n',
    summary.requests / (summary.duration / 1e6), summary.requests,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    errors))
end
