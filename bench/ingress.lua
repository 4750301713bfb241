-- wrk script for bench/ingress.sh and bench/compare.sh: each request posts the next pre-signed callback from
-- the file named in CALLBACKS (one "signature<TAB>body" per line). The file is split into one share per thread
-- (WRK_THREADS, default 2, as both scripts run wrk), so no two threads post the same callback until one has
-- gone through its share; CALLBACKS_FROM (default 0) skips that many callbacks of each share, so that a
-- measured run does not post again what its warm-up posted.
local callbacks = {}
local next_index = 1
local threads = 0

function setup(thread)
  thread:set("part", threads)
  threads = threads + 1
end

function init(args)
  for line in io.lines(os.getenv("CALLBACKS")) do
    local tab = line:find("\t", 1, true)
    callbacks[#callbacks + 1] = { line:sub(1, tab - 1), line:sub(tab + 1) }
  end
  local parts = tonumber(os.getenv("WRK_THREADS") or "2")
  local from = tonumber(os.getenv("CALLBACKS_FROM") or "0")
  next_index = (math.floor((part or 0) * #callbacks / parts) + from) % #callbacks + 1
end

function request()
  local c = callbacks[next_index]
  next_index = next_index % #callbacks + 1
  return wrk.format("POST", "/webhooks/whatsapp",
    { ["Content-Type"] = "application/json", ["X-Hub-Signature-256"] = c[1] }, c[2])
end

function done(summary, latency, requests)
  local acknowledged = summary.requests - summary.errors.status - summary.errors.connect
                       - summary.errors.read - summary.errors.write - summary.errors.timeout
  local seconds = summary.duration / 1e6
  io.write(string.format("requests:                %d\n", summary.requests))
  io.write(string.format("acknowledged (200):      %d\n", acknowledged))
  io.write(string.format("not acknowledged:        %d\n", summary.requests - acknowledged))
  io.write(string.format("acknowledged per second: %.0f\n", acknowledged / seconds))
  for _, p in ipairs({ 50, 90, 99, 99.9 }) do
    io.write(string.format("latency p%-5s           %.2f ms\n", p, latency:percentile(p) / 1000))
  end
  io.write(string.format("latency max:             %.2f ms\n", latency.max / 1000))
end
