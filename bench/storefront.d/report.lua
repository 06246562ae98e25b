-- Shared by the storefront scenarios (loaded with dofile by each wrk script): numbers the wrk
-- threads, seeds each one's random numbers apart, and prints one machine-readable line per run.
--
--   SFBENCH name=<scenario> requests=N seconds=S rps=R p50_ms=.. p90_ms=.. p99_ms=.. max_ms=..
--           bad_status=N socket_errors=N timeouts=N bytes_per_response=B [extra key=value ...]
--
-- bad_status is wrk's count of responses outside 2xx/3xx; a scenario that expects one particular
-- status counts it itself and reports it as an extra field.

local report = {}

local threads = {}
local next_id = 0

-- Main state: remember each thread so done() can read its counters.
function report.setup(thread)
   next_id = next_id + 1
   thread:set("thread_id", next_id)
   threads[#threads + 1] = thread
end

-- Thread state: a different random sequence in every thread and every run.
function report.seed()
   local id = thread_id or 0
   local clock = math.floor((os.clock() * 1e6) % 1e6)
   math.randomseed(os.time() * 1000 + id * 7919 + clock)
   -- The first numbers after seeding are poorly mixed in some Lua builds: skip a few.
   for _ = 1, 16 do math.random() end
end

-- Sum of a numeric global over every thread.
function report.sum(name)
   local total = 0
   for _, t in ipairs(threads) do
      total = total + (tonumber(t:get(name)) or 0)
   end
   return total
end

-- Concatenation of a string global over every thread (space separated).
function report.join(name)
   local parts = {}
   for _, t in ipairs(threads) do
      local v = t:get(name)
      if v and v ~= "" then parts[#parts + 1] = v end
   end
   return table.concat(parts, " ")
end

local function ms(us)
   return string.format("%.2f", us / 1000)
end

function report.line(name, summary, latency, extra)
   local seconds = summary.duration / 1e6
   local e = summary.errors
   local n = summary.requests
   local fields = {
      "SFBENCH name=" .. name,
      "requests=" .. n,
      string.format("seconds=%.2f", seconds),
      string.format("rps=%.1f", n / seconds),
      "p50_ms=" .. ms(latency:percentile(50)),
      "p90_ms=" .. ms(latency:percentile(90)),
      "p99_ms=" .. ms(latency:percentile(99)),
      "max_ms=" .. ms(latency.max),
      "bad_status=" .. e.status,
      "socket_errors=" .. (e.connect + e.read + e.write),
      "timeouts=" .. e.timeout,
      string.format("bytes_per_response=%.0f", n > 0 and summary.bytes / n or 0),
   }
   for _, kv in ipairs(extra or {}) do
      fields[#fields + 1] = kv
   end
   io.write(table.concat(fields, " "), "\n")
end

return report
