-- wrk -s bench/wrk/tokens.lua URL -- TOKEN...: GETs the URL as given, each request with the next of the tokens in turn
-- (Authorization: Bearer; each thread starts at its own), so that no caller goes over the gateway's per-caller rate
-- limit while every request still passes it; prints the latency percentiles in microseconds at the end as
-- percentiles.lua does, one "percentile P MICROSECONDS" line each.
local next_thread = 0
local tokens = {}
local turn = 0
-- offset is a global of each thread's Lua state, set by setup()

function setup(thread)
  thread:set("offset", next_thread)
  next_thread = next_thread + 1
end

function init(args)
  for _, token in ipairs(args) do
    tokens[#tokens + 1] = "Bearer " .. token
  end
  if #tokens == 0 then
    error("tokens.lua: give the tokens after --")
  end
  turn = offset or 0
end

function request()
  turn = turn % #tokens + 1
  return wrk.format(nil, nil, { ["Authorization"] = tokens[turn] })
end

done = function(summary, latency, requests)
  for _, p in ipairs({ 50, 99 }) do
    io.write(string.format("percentile %d %d\n", p, latency:percentile(p)))
  end
end
