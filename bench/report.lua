-- A POST body, when the bench asks for one (WRK_BODY: JSON).
local body = os.getenv("WRK_BODY")
if body and body ~= "" then
  wrk.method = "POST"
  wrk.body = body
  wrk.headers["Content-Type"] = "application/json"
end

-- wrk reporter: one JSON line with throughput, latency percentiles and errors.
done = function(summary, latency, requests)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write
    + summary.errors.status + summary.errors.timeout
  io.write(string.format(
    'JSON {"rps": %.2f, "requests": %d, "p50_ms": %.3f, "p95_ms": %.3f, "p99_ms": %.3f, "errors": %d}\n',
    summary.requests / (summary.duration / 1e6), summary.requests,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    errors))
end
