-- wrk script: each request registers a new school under the benchmark ESA. Codes are unique across threads and
-- runs: thread t of c sends base + t, base + t + c, base + t + 2c, ... (base = the highest code so far + 1).
local base, clients, esa
local counter = 0
local next_index = 0
-- thread_index is a global of each thread's Lua state, set by setup()

function setup(thread)
  thread:set("thread_index", next_index)
  next_index = next_index + 1
end

function init(args)
  base = tonumber(args[1])
  clients = tonumber(args[2])
  esa = args[3]
  if args[4] ~= nil and args[4] ~= "" then
    wrk.headers["Authorization"] = "Bearer " .. args[4]
  end
  wrk.method = "POST"
  wrk.path = "/api/v1/schools"
  wrk.headers["Content-Type"] = "application/json"
end

function request()
  local code = string.format("%08d", base + thread_index + counter * clients)
  counter = counter + 1
  local body = string.format('{"code":"%s","nameTh":"โรงเรียนทดสอบสมรรถนะ %s","esa":"%s","province":"นราธิวาส",'
      .. '"district":"เมืองนราธิวาส","tambon":"บางนาค","tambonCode":"960101"}', code, code, esa)
  return wrk.format(nil, nil, nil, body)
end

function done(summary, latency, requests)
  local non2xx = summary.errors.status
  io.write(string.format("BENCH requests=%d non2xx=%d socket_errors=%d duration_us=%d p50_ms=%.2f p99_ms=%.2f\n",
      summary.requests, non2xx, summary.errors.connect + summary.errors.read + summary.errors.write
      + summary.errors.timeout, summary.duration, latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
