-- wrk script: an unsigned MiniVoice call.completed, a new event_key per request, so each is
-- a new event (no dedup hits). Counts answers by status for the summary. The run's name (the
-- script's argument) is in every key: wrk's random numbers repeat from one run to the next, so
-- without it a measured run would re-send the warm-up's events, and duplicates are cheaper.
local counter = 0
local run = "run"
statuses = {}
local threads = {}

function setup(thread)
  thread:set("id", #threads + 1)
  table.insert(threads, thread)
end

function init(args)
  statuses = {}
  run = args[1] or tostring(os.time())
end

request = function()
  counter = counter + 1
  local body = '{"event":"call.completed","created_at":"2026-12-06T00:00:00Z","call":{"id":"call_qs_' .. run .. '_' .. id .. '_' .. counter
    .. '","status":"completed","direction":"inbound","duration_seconds":42},"data":{"event_key":"qs-' .. run .. '-' .. id .. '-' .. counter
    .. '-' .. math.random(1, 1000000000) .. '"},"variables":{"note":"' .. string.rep("x", 600) .. '"}}'
  return wrk.format("POST", nil, {["Content-Type"] = "application/json"}, body)
end

response = function(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end

done = function(summary, latency, requests)
  local merged = {}
  for _, thread in ipairs(threads) do
    local s = thread:get("statuses")
    for code, n in pairs(s) do merged[code] = (merged[code] or 0) + n end
  end
  for code, n in pairs(merged) do io.write(string.format("status %d %d\n", code, n)) end
  io.write(string.format("latency_p50_ms %.2f\nlatency_p99_ms %.2f\n", latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
