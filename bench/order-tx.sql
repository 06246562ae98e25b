-- pgbench script: the SQL work of one placed order, as the sandbox does it (SandboxOrders.place):
-- one guarded balance update and one insert of a full sandbox_order row, in one transaction.
-- Run with -D accounts=<n> -D n=0 -D client_base=<first id>: n counts each client's transactions,
-- so every row gets a unique id, order_id and reward_token without a sequence round trip (the
-- application also draws ids from sequences in blocks of 100).
\set a random(1, :accounts)
\set n :n + 1
\set id :client_base + :client_id * 1000000000 + :n
BEGIN;
UPDATE sandbox_account SET balance = balance - 1000
 WHERE platform = 'accolade-demo' AND customer = 'bench-co'
   AND identifier = 'bench-acct-' || lpad(:a::text, 2, '0') AND balance >= 1000;
INSERT INTO sandbox_order (id, order_id, platform, customer, account_identifier, sku, brand, amount,
    recipient_name, recipient_email, reward_subject, reward_message, reward_from, send_reward,
    delivered_at, reward_token, reward_number, reward_pin, reward_redemption_url, last_sent_at, send_count)
VALUES (:id, 'PGB-' || :id::text, 'accolade-demo', 'bench-co', 'bench-acct-' || lpad(:a::text, 2, '0'),
    'APPL-E-1000-STD', 'iTunes', 1000, 'Bench Recipient ' || :client_id::text || '-' || :n::text,
    'bench-recipient@example.com', NULL, 'Thank you for your work', NULL, true,
    date_trunc('second', now()), 'pgb.' || :id::text, '4111222233334444', '1234', NULL,
    date_trunc('second', now()), 1);
COMMIT;
