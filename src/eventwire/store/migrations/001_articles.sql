-- articles, rejects and runs: the archive
CREATE TABLE runs (
    id VARCHAR PRIMARY KEY,
    started TIMESTAMP NOT NULL,
    finished TIMESTAMP,
    version VARCHAR NOT NULL,
    settings JSON,
    inputs JSON,
    stats JSON,
    status VARCHAR NOT NULL
);
CREATE SEQUENCE article_seq START 1;
CREATE TABLE articles (
    id VARCHAR PRIMARY KEY,
    seq BIGINT NOT NULL DEFAULT nextval('article_seq'),
    uri VARCHAR NOT NULL,
    url VARCHAR,
    url_norm VARCHAR,
    title VARCHAR,
    text VARCHAR NOT NULL,
    language VARCHAR,
    published VARCHAR,
    published_precision VARCHAR,
    published_method VARCHAR,
    site VARCHAR,
    duplicate_of VARCHAR,
    n_chars INTEGER NOT NULL,
    dateline VARCHAR,
    signature UINTEGER[],
    run_id VARCHAR
);
CREATE INDEX articles_url_norm ON articles (url_norm);
CREATE TABLE rejects (
    uri VARCHAR NOT NULL,
    reason VARCHAR NOT NULL,
    detail VARCHAR,
    stage VARCHAR,
    run_id VARCHAR,
    PRIMARY KEY (uri, reason)
);
