-- A signed-in or anonymous GET of one storefront page, e.g. /catalog or the trivial /login.
-- Environment: SF_NAME (the scenario's name in the result line), SF_COOKIE (the Cookie header:
-- accolade-session=...; accolade-csrf=... for /catalog, only accolade-csrf=... for /login, so that
-- the sign-in page neither redirects nor issues a new CSRF cookie on every request).

local dir = debug.getinfo(1, "S").source:match("^@(.*/)") or "./"
local report = dofile(dir .. "report.lua")

local name = os.getenv("SF_NAME") or "page"
local cookie = os.getenv("SF_COOKIE") or ""

wrk.method = "GET"
wrk.headers["Accept"] = "text/html"
if cookie ~= "" then
   wrk.headers["Cookie"] = cookie
end

setup = report.setup

function done(summary, latency, requests)
   report.line(name, summary, latency)
end
