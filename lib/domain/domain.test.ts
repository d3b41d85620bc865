import { getTableConfig, PgDialect } from "drizzle-orm/pg-core";
import { describe, expect, it } from "vitest";
import {
  categoryEnum,
  difficultyEnum,
  outcomeSchedules,
  paperSizeEnum,
  positionEnum,
  programmeItems,
  programmeKindEnum,
  roleEnum,
  scoringRuleEnum,
  sessionLogs,
  sidesEnum,
} from "@/db/schema";
import { PAPER_SIZES, PROGRAMME_KINDS, ROLES } from "./clinic";
import { OUTCOME_LIMITS, SCORING_RULES } from "./outcomes";
import { catalogueDosageSchema as contentDosage } from "@/lib/catalogue/content-schema";
import { dosageSchema as formDosage } from "@/lib/validations/dosage";
import { DOSE_LIMITS, DOSE_NUMBER_FIELDS } from "./dose";
import { BODY_REGIONS, CATEGORIES, DIFFICULTIES, EQUIPMENT, PAIN_SCALE, POSITIONS, SIDES } from "./exercise";
import { BODY_REGION_LABELS, CATEGORY_LABELS, DIFFICULTY_LABELS, EQUIPMENT_LABELS, POSITION_LABELS, SIDES_LABELS } from "./labels";

const valid = { sets: 3, reps: 10, holdSeconds: 5, restSeconds: 30, sides: "none", timesPerDay: 1, daysPerWeek: 7 };

/** The check constraint on programme_items for one dose field, as the SQL drizzle-kit writes. */
function checkSql(column: string): string {
  const dialect = new PgDialect();
  const texts = getTableConfig(programmeItems).checks.map((c) => dialect.sqlToQuery(c.value).sql);
  const mine = texts.filter((t) => t.includes(`"${column}"`));
  expect(mine, column).toHaveLength(1);
  return mine[0]!;
}

const COLUMNS: Record<keyof typeof DOSE_LIMITS, string> = {
  sets: "sets",
  reps: "reps",
  holdSeconds: "hold_seconds",
  restSeconds: "rest_seconds",
  timesPerDay: "times_per_day",
  daysPerWeek: "days_per_week",
};

describe("dose limits", () => {
  it.each(DOSE_NUMBER_FIELDS)("%s: the database check and both zod schemas take the same range", (field) => {
    const { min, max } = DOSE_LIMITS[field];
    expect(checkSql(COLUMNS[field])).toMatch(new RegExp(`between ${min} and ${max}$`));
    for (const schema of [formDosage, contentDosage]) {
      for (const ok of [min, max]) expect(schema.safeParse({ ...valid, [field]: ok }).success, `${field}=${ok}`).toBe(true);
      for (const bad of [min - 1, max + 1]) expect(schema.safeParse({ ...valid, [field]: bad }).success, `${field}=${bad}`).toBe(false);
    }
  });

  it("every dose field has a check constraint", () => {
    expect(Object.keys(COLUMNS).sort()).toEqual([...DOSE_NUMBER_FIELDS].sort());
  });
});

describe("domain lists", () => {
  it("the database enums hold the same values as the domain lists", () => {
    expect(categoryEnum.enumValues).toEqual([...CATEGORIES]);
    expect(positionEnum.enumValues).toEqual([...POSITIONS]);
    expect(sidesEnum.enumValues).toEqual([...SIDES]);
    expect(difficultyEnum.enumValues).toEqual([...DIFFICULTIES]);
    expect(scoringRuleEnum.enumValues).toEqual([...SCORING_RULES]);
    expect(roleEnum.enumValues).toEqual([...ROLES]);
    expect(paperSizeEnum.enumValues).toEqual([...PAPER_SIZES]);
    expect(programmeKindEnum.enumValues).toEqual([...PROGRAMME_KINDS]);
  });

  it("the session log's pain check takes the same scale as the player's form", () => {
    const dialect = new PgDialect();
    const texts = getTableConfig(sessionLogs).checks.map((c) => dialect.sqlToQuery(c.value).sql);
    expect(texts.some((t) => t.endsWith(`"pain" between ${PAIN_SCALE.min} and ${PAIN_SCALE.max}`))).toBe(true);
  });

  it("the outcome schedule's check takes the same weeks as the form", () => {
    const dialect = new PgDialect();
    const texts = getTableConfig(outcomeSchedules).checks.map((c) => dialect.sqlToQuery(c.value).sql);
    const { min, max } = OUTCOME_LIMITS.everyWeeks;
    expect(texts.some((t) => t.endsWith(`between ${min} and ${max}`))).toBe(true);
  });

  it.each([
    ["positions", POSITIONS, POSITION_LABELS],
    ["categories", CATEGORIES, CATEGORY_LABELS],
    ["equipment", EQUIPMENT, EQUIPMENT_LABELS],
    ["sides", SIDES, SIDES_LABELS],
    ["body regions", BODY_REGIONS, BODY_REGION_LABELS],
    ["difficulties", DIFFICULTIES, DIFFICULTY_LABELS],
  ] as const)("every one of the %s has a label, and no label is for a value that does not exist", (_, values, labels) => {
    expect(Object.keys(labels).sort()).toEqual([...values].sort());
    for (const v of values) expect((labels as Record<string, string>)[v]?.trim()).toBeTruthy();
  });
});
