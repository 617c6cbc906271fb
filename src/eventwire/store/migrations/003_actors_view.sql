-- actors: every resolved actor with its mentions, first date seen and evidence (what `eventwire actors` shows)
CREATE VIEW actors AS
SELECT name, code, sector, role, count(*) AS mentions, min(published) AS first_seen,
       string_agg(DISTINCT evidence, '; ') AS evidence
FROM actor_mentions
GROUP BY name, code, sector, role;
