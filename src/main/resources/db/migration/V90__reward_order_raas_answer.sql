-- What RaaS answered when an order's outcome was left to the reconciler, so that a page can tell
-- "RaaS answered with an error" apart from "no answer":
--   unknown_fault:   the client's fault kind (SERVER_ERROR, TIMEOUT, CONNECTION_LOST, ...); null when
--                    the order was settled on the spot.
--   raas_http_status: the HTTP status of an answer, when one arrived.
--   raas_error_code: the RaaS error code of an error answer (e.g. RAAS:OC:1003), to relay to Tango Card.
alter table reward_order add column unknown_fault varchar(32);
alter table reward_order add column raas_http_status integer;
alter table reward_order add column raas_error_code varchar(64);
