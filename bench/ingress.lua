-- wrk script for bench/ingress.sh and bench/compare.sh: each request posts the next pre-signed callback from
-- the file named in CALLBACKS (one "signature<TAB>body" per line). The file is split into one share per thread
-- (WRK_THREADS, default 2, as both scripts run wrk), so no two threads post the same callback until one has
-- gone through its share; CALLBACKS_FROM (default 0) skips that many callbacks of each share, so that a
-- measured run does not post again what its warm-up posted.
-- The file is read line by line as requests go out, not loaded in init: wrk runs each thread's init before it
-- starts that thread but starts its clock after the last one, so a slow init (about a second a thread for
-- 250,000 callbacks) had the first thread posting, and counted, outside the measured duration.
local file
local threads = 0

function setup(thread)
  thread:set("part", threads)
  threads = threads + 1
end

local function next_line()
  local line = file:read("*l")
  if not line then
    file:seek("set", 0)
    line = file:read("*l")
  end
  return line
end

function init(args)
  file = assert(io.open(os.getenv("CALLBACKS"), "rb"))
  local size = file:seek("end")
  local parts = tonumber(os.getenv("WRK_THREADS") or "2")
  local from = tonumber(os.getenv("CALLBACKS_FROM") or "0")
  file:seek("set", math.floor((part or 0) * size / parts))
  if (part or 0) > 0 then
    file:read("*l") -- the rest of the line the share's offset fell in
  end
  for _ = 1, from do
    next_line()
  end
end

function request()
  local line = next_line()
  local tab = line:find("\t", 1, true)
  return wrk.format("POST", "/webhooks/whatsapp",
    { ["Content-Type"] = "application/json", ["X-Hub-Signature-256"] = line:sub(1, tab - 1) }, line:sub(tab + 1))
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
