-- The storefront's send: POST /send as the signed-in manager's browser submits it, each request with a
-- new one-time send token (a random UUID v4), so that every request places a new order.
-- Environment: SF_NAME, SF_COOKIE (accolade-session=...; accolade-csrf=...), SF_CSRF (the session's CSRF
-- token, as the signed-in pages' forms carry it), SF_SKU (default APPL-E-1000-STD, $10 fixed), SF_AMOUNT (dollars, only
-- for a variable-price SKU), SF_RECIPIENT_EMAIL, SF_RECIPIENT_NAME.
-- Success is a 303 to /rewards/{id}; the result line adds status counts and a few of the locations.

local dir = debug.getinfo(1, "S").source:match("^@(.*/)") or "./"
local report = dofile(dir .. "report.lua")

local name = os.getenv("SF_NAME") or "send"
local sku = os.getenv("SF_SKU") or "APPL-E-1000-STD"
local amount = os.getenv("SF_AMOUNT") or ""

local function urlencode(s)
   return (s:gsub("[^%w%-%._~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

-- Every field but the token is the same in each request; the token goes last.
local fixed = table.concat({
   "csrf-token=" .. urlencode(os.getenv("SF_CSRF") or ""),
   "sku=" .. urlencode(sku),
   "amount=" .. urlencode(amount),
   "recipientEmail=" .. urlencode(os.getenv("SF_RECIPIENT_EMAIL") or "ada.lovelace@accolade.test"),
   "recipientName=" .. urlencode(os.getenv("SF_RECIPIENT_NAME") or "Ada Lovelace"),
   "subject=" .. urlencode("Thank you"),
   "message=" .. urlencode("Thanks for the release work this week."),
   "from=" .. urlencode("Morgan Manager"),
}, "&") .. "&token="

wrk.method = "POST"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
wrk.headers["Accept"] = "text/html"
wrk.headers["Cookie"] = os.getenv("SF_COOKIE") or ""

setup = report.setup

-- Lower-case UUID v4, 8-4-4-4-12.
local function uuid4()
   local b = {}
   for i = 1, 16 do b[i] = math.random(0, 255) end
   b[7] = 0x40 + b[7] % 16
   b[9] = 0x80 + b[9] % 64
   return string.format("%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x",
      b[1], b[2], b[3], b[4], b[5], b[6], b[7], b[8], b[9], b[10], b[11], b[12], b[13], b[14], b[15], b[16])
end

-- Per-thread counters (globals, so that done() can read them through thread:get).
s303 = 0
s_other = 0
samples = ""
local sampled = 0
local SAMPLES_PER_THREAD = 5

function init(args)
   report.seed()
end

function request()
   return wrk.format(nil, nil, nil, fixed .. uuid4())
end

function response(status, headers, body)
   if status == 303 then
      s303 = s303 + 1
      local location = headers["Location"] or headers["location"]
      -- Keep a few spread over the run: the 1st, 50th, 100th ... of this thread.
      if location and sampled < SAMPLES_PER_THREAD and (s303 == 1 or s303 % 50 == 0) then
         sampled = sampled + 1
         samples = samples .. (samples == "" and "" or " ") .. location
      end
   else
      s_other = s_other + 1
   end
end

function done(summary, latency, requests)
   local locations = report.join("samples"):gsub(" ", ",")
   report.line(name, summary, latency, {
      "status_303=" .. report.sum("s303"),
      "status_other=" .. report.sum("s_other"),
      "locations=" .. (locations == "" and "-" or locations),
   })
end
