-- The counter from which every process claims its ID node number.
CREATE TABLE id_nodes (
    id INTEGER PRIMARY KEY,
    n  BIGINT NOT NULL
);
INSERT INTO id_nodes (id, n) VALUES (1, 0);

-- Settings that administrators change at run time.
CREATE TABLE settings (
    key        TEXT PRIMARY KEY,
    value      TEXT NOT NULL,
    updated_at BIGINT NOT NULL
);
