-- actors: evidence listed in a fixed order, so that equal stores read equal (string_agg has no order of its own)
CREATE OR REPLACE VIEW actors AS
SELECT name, code, sector, role, count(*) AS mentions, min(published) AS first_seen,
       string_agg(DISTINCT evidence, '; ' ORDER BY evidence) AS evidence
FROM actor_mentions
GROUP BY name, code, sector, role;
