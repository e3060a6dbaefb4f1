-- The persisted RIB (warm restarts): path attributes in BGP wire form (an UPDATE holding them), decoded at start;
-- communities live inside them. Reads come from memory, so no prefix index is kept (it would only slow the writes).
alter table received_route add column attributes bytea;
alter table received_route drop column communities;
drop index received_route_prefix_gist;
