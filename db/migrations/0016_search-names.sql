CREATE TABLE "search_words" (
	"word" text PRIMARY KEY NOT NULL
);
--> statement-breakpoint
DROP INDEX "exercises_search_idx";--> statement-breakpoint
DROP INDEX "exercises_name_trgm_idx";--> statement-breakpoint
DROP INDEX "exercises_search_text_trgm_idx";--> statement-breakpoint
ALTER TABLE "exercises" ADD COLUMN "search_name" "tsvector" GENERATED ALWAYS AS (to_tsvector('english', name)) STORED NOT NULL;--> statement-breakpoint
ALTER TABLE "exercises" ADD COLUMN "search_main" "tsvector" GENERATED ALWAYS AS (to_tsvector('english', name) || to_tsvector('english', search_text)) STORED NOT NULL;--> statement-breakpoint
CREATE INDEX "search_words_trgm_idx" ON "search_words" USING gin ("word" gin_trgm_ops) WITH (fastupdate=false);--> statement-breakpoint
CREATE INDEX "exercises_search_name_idx" ON "exercises" USING gin ("search_name") WITH (fastupdate=false);--> statement-breakpoint
CREATE INDEX "exercises_search_main_idx" ON "exercises" USING gin ("search_main") WITH (fastupdate=false);--> statement-breakpoint
CREATE INDEX "exercises_search_idx" ON "exercises" USING gin ("search") WITH (fastupdate=false);--> statement-breakpoint
CREATE INDEX "exercises_name_trgm_idx" ON "exercises" USING gin (lower("name") gin_trgm_ops) WITH (fastupdate=false);--> statement-breakpoint
CREATE INDEX "exercises_search_text_trgm_idx" ON "exercises" USING gin ("search_text" gin_trgm_ops) WITH (fastupdate=false);--> statement-breakpoint
-- The shared catalogue's words for typo lookup (search_words in db/schema.ts). A word once
-- seen stays: a stale one only costs a search that finds nothing and falls back.
CREATE FUNCTION "search_words_add"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "search_words" ("word")
    SELECT DISTINCT w FROM regexp_split_to_table(lower(NEW."name" || ' ' || NEW."search_text"), '[^[:alnum:]]+') AS w
    WHERE length(w) >= 3
    ON CONFLICT DO NOTHING;
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER "exercises_search_words" AFTER INSERT OR UPDATE OF "name", "search_text" ON "exercises"
  FOR EACH ROW WHEN (NEW."clinic_id" IS NULL) EXECUTE FUNCTION "search_words_add"();--> statement-breakpoint
INSERT INTO "search_words" ("word")
  SELECT DISTINCT w FROM "exercises", regexp_split_to_table(lower("name" || ' ' || "search_text"), '[^[:alnum:]]+') AS w
  WHERE "clinic_id" IS NULL AND length(w) >= 3
  ON CONFLICT DO NOTHING;
