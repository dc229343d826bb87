-- wrk -s bench/wrk/percentiles.lua: GETs the URL as given and prints the latency percentiles in microseconds at the end
-- (wrk's --latency table rounds a 1.004 s p50 to "1.00s"), one "percentile P MICROSECONDS" line each.
done = function(summary, latency, requests)
  for _, p in ipairs({ 50, 99 }) do
    io.write(string.format("percentile %d %d\n", p, latency:percentile(p)))
  end
end
