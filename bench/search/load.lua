-- wrk script for bench/search: cycles through the request paths listed one per line in the file given after `--`,
-- and prints one JSON line with the latency percentiles (ms) when done. Run with -t1: the counter is per thread.
local paths = {}
local n = 0

init = function(args)
  for line in io.lines(args[1]) do paths[#paths + 1] = line end
end

request = function()
  n = n + 1
  return wrk.format("GET", paths[(n - 1) % #paths + 1])
end

done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    '{"requests":%d,"seconds":%.3f,"p50":%.3f,"p95":%.3f,"p99":%.3f,"non2xx":%d,"socketErrors":%d}\n',
    summary.requests, summary.duration / 1e6, latency:percentile(50) / 1000, latency:percentile(95) / 1000,
    latency:percentile(99) / 1000, e.status, e.connect + e.read + e.write + e.timeout))
end
