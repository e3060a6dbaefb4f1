-- The persisted RIB (warm restarts): path attributes in BGP wire form (an UPDATE holding them), decoded at start;
-- communities live inside them. A session's table is rewritten whole under a new generation after a transfer, and
-- the older generation's rows deleted. Reads come from memory, so no prefix index is kept (it only slowed writes).
alter table received_route add column attributes bytea;
alter table received_route add column generation bigint not null default 0;
alter table received_route drop column communities;
drop index received_route_prefix_gist;
