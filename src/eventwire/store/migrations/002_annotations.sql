-- annotations and events
CREATE TABLE mentions (
    article_id VARCHAR NOT NULL, start_char INTEGER NOT NULL, end_char INTEGER NOT NULL,
    text VARCHAR, label VARCHAR, source VARCHAR
);
CREATE TABLE actor_mentions (
    article_id VARCHAR NOT NULL, start_char INTEGER NOT NULL, end_char INTEGER NOT NULL,
    text VARCHAR, name VARCHAR, code VARCHAR, sector VARCHAR, role VARCHAR, evidence VARCHAR,
    published VARCHAR
);
CREATE TABLE places (
    article_id VARCHAR NOT NULL, start_char INTEGER NOT NULL, end_char INTEGER NOT NULL,
    text VARCHAR, name VARCHAR, country VARCHAR, lat DOUBLE, lon DOUBLE, geonameid BIGINT
);
CREATE TABLE dates (
    article_id VARCHAR NOT NULL, start_char INTEGER NOT NULL, end_char INTEGER NOT NULL,
    text VARCHAR, value VARCHAR, precision VARCHAR, method VARCHAR
);
CREATE TABLE events (
    id VARCHAR PRIMARY KEY,
    article_id VARCHAR NOT NULL,
    event VARCHAR NOT NULL,
    mode VARCHAR,
    context JSON,
    cameo VARCHAR,
    quad_class INTEGER,
    goldstein DOUBLE,
    actor JSON,
    recipient JSON,
    actor_codes VARCHAR[],
    recipient_codes VARCHAR[],
    date VARCHAR,
    date_precision VARCHAR,
    location JSON,
    country VARCHAR,
    aux VARCHAR,
    sentence VARCHAR,
    sentence_span INTEGER[],
    trigger VARCHAR,
    trigger_span INTEGER[],
    confidence DOUBLE,
    coder VARCHAR
);
CREATE INDEX events_article ON events (article_id);
CREATE INDEX mentions_article ON mentions (article_id);
CREATE INDEX actor_mentions_article ON actor_mentions (article_id);
