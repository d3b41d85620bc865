-- Trigram similarity for typo-tolerant catalogue and patient search.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
