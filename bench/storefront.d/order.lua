-- The direct comparison: POST /raas/v1/orders to the embedded sandbox, the same order the storefront's
-- send places ($10 APPL-E-1000-STD from the engineering department's account), with HTTP Basic.
-- Environment: SF_NAME, SF_AUTH (base64 of platform:key), SF_CUSTOMER, SF_ACCOUNT, SF_SKU.
-- Success is a 201; the result line adds the count of 201s and of anything else.

local dir = debug.getinfo(1, "S").source:match("^@(.*/)") or "./"
local report = dofile(dir .. "report.lua")

local name = os.getenv("SF_NAME") or "order"

wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Accept"] = "application/json"
wrk.headers["Authorization"] = "Basic " .. (os.getenv("SF_AUTH") or "")
wrk.body = string.format(
   '{"customer":"%s","account_identifier":"%s","recipient":{"name":"Ada Lovelace","email":"ada.lovelace@accolade.test"},"sku":"%s"}',
   os.getenv("SF_CUSTOMER") or "Accolade", os.getenv("SF_ACCOUNT") or "accolade-engineering",
   os.getenv("SF_SKU") or "APPL-E-1000-STD")

setup = report.setup

s201 = 0
s_other = 0

function response(status, headers, body)
   if status == 201 then
      s201 = s201 + 1
   else
      s_other = s_other + 1
   end
end

function done(summary, latency, requests)
   report.line(name, summary, latency, {
      "status_201=" .. report.sum("s201"),
      "status_other=" .. report.sum("s_other"),
   })
end
