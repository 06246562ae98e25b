-- wrk script: POST /raas/v1/orders spread round-robin over the bench accounts.
-- Arguments (after --): customer, account identifier prefix, account count, SKU.
-- Accounts are named <prefix>01, <prefix>02, ... Every response is counted by status, and done()
-- prints machine-readable "RESULT key=value" lines that bench/run reads.

local threads = {}

function setup(thread)
    thread:set("tid", #threads)
    table.insert(threads, thread)
end

function init(args)
    customer = args[1] or "bench-co"
    prefix = args[2] or "bench-acct-"
    accounts = tonumber(args[3] or "10")
    sku = args[4] or "APPL-E-1000-STD"
    counts = {}
    sent = 0
    -- The constant parts of each account's body, built once; the recipient name varies per request.
    heads = {}
    for a = 1, accounts do
        heads[a] = string.format('{"customer":"%s","account_identifier":"%s%02d","sku":"%s",'
            .. '"reward_message":"Thank you for your work","send_reward":true,'
            .. '"recipient":{"email":"bench-recipient@example.com","name":"Bench Recipient ',
            customer, prefix, a, sku)
    end
end

function request()
    sent = sent + 1
    -- Each thread cycles through every account, starting at its own offset.
    local a = (sent + tid) % accounts + 1
    return wrk.format("POST", "/raas/v1/orders", nil, heads[a] .. tid .. "-" .. sent .. '"}}')
end

function response(status, headers, body)
    counts[status] = (counts[status] or 0) + 1
end

function done(summary, latency, requests)
    local total = {}
    local sent = 0
    for _, thread in ipairs(threads) do
        sent = sent + (thread:get("sent") or 0)
        local c = thread:get("counts")
        if c then
            for status, n in pairs(c) do
                total[status] = (total[status] or 0) + n
            end
        end
    end
    local e = summary.errors
    io.write(string.format("RESULT duration_us=%d\n", summary.duration))
    io.write(string.format("RESULT requests=%d\n", summary.requests))
    -- Requests sent but never answered: in flight when wrk stopped (the server may still commit them).
    io.write(string.format("RESULT unanswered=%d\n", sent - summary.requests))
    io.write(string.format("RESULT errors_connect=%d\nRESULT errors_read=%d\nRESULT errors_write=%d\n"
        .. "RESULT errors_timeout=%d\nRESULT errors_status=%d\n",
        e.connect, e.read, e.write, e.timeout, e.status))
    for _, p in ipairs({50, 90, 99, 99.9}) do
        local key = (tostring(p):gsub("%.", "_"))
        io.write(string.format("RESULT p%s_us=%d\n", key, math.floor(latency:percentile(p))))
    end
    io.write(string.format("RESULT mean_us=%d\nRESULT max_us=%d\n", math.floor(latency.mean), math.floor(latency.max)))
    for status, n in pairs(total) do
        io.write(string.format("RESULT status_%d=%d\n", status, n))
    end
end
