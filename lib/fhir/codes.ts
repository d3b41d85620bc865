import type { CodeableConcept, Coding } from "@medplum/fhirtypes";

/*
 * The terminology Homeplan's resources carry, in one place. SNOMED CT and LOINC codes
 * follow the HL7 Physical Activity IG (STU1) where it has one for our data; what no
 * standard code fits (the patient's own "too easy / too hard") is text-coded.
 */

const SNOMED = "http://snomed.info/sct";
const LOINC = "http://loinc.org";

export const EXERCISE_THERAPY: Coding = { system: SNOMED, code: "229065009", display: "Exercise therapy" };
export const PHYSICAL_THERAPY_PROCEDURE: Coding = { system: SNOMED, code: "91251008", display: "Physical therapy procedure" };
export const PAIN_SEVERITY: Coding = {
  system: LOINC,
  code: "72514-3",
  display: "Pain severity - 0-10 verbal numeric rating [Score] - Reported",
};
export const EXERCISE_ACTIVITY: Coding = { system: LOINC, code: "73985-4", display: "Exercise activity" };

export const PHYSICAL_ACTIVITY_CATEGORY: CodeableConcept = {
  coding: [
    {
      system: "http://hl7.org/fhir/us/physical-activity/CodeSystem/pa-temporary-codes",
      code: "PhysicalActivity",
      display: "Physical Activity",
    },
  ],
};
export const ASSESS_PLAN_CATEGORY: CodeableConcept = {
  coding: [
    {
      system: "http://hl7.org/fhir/us/core/CodeSystem/careplan-category",
      code: "assess-plan",
      display: "Assessment and Plan of Treatment",
    },
  ],
};

const OBSERVATION_CATEGORY = "http://terminology.hl7.org/CodeSystem/observation-category";
export const SURVEY_CATEGORY: CodeableConcept = { coding: [{ system: OBSERVATION_CATEGORY, code: "survey", display: "Survey" }] };
export const ACTIVITY_CATEGORY: CodeableConcept = { coding: [{ system: OBSERVATION_CATEGORY, code: "activity", display: "Activity" }] };

export const DIFFICULTY_CODE: CodeableConcept = { text: "Perceived difficulty of the exercise session" };

/** Observation codes the API can search by (`code=` with or without the system). */
export const SEARCHABLE_OBSERVATION_CODES = [PAIN_SEVERITY, EXERCISE_ACTIVITY];
