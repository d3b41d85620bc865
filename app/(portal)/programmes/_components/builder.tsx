"use client";

import { closestCenter, DndContext, KeyboardSensor, PointerSensor, useSensor, useSensors, type DragEndEvent } from "@dnd-kit/core";
import { arrayMove, SortableContext, sortableKeyboardCoordinates, verticalListSortingStrategy } from "@dnd-kit/sortable";
import { useActionState, useEffect, useMemo, useRef, useState, useTransition } from "react";
import { saveAsTemplateAction, saveProgrammeAction } from "@/app/(portal)/programmes/actions";
import type { ExerciseCard } from "@/db/queries/exercises";
import type { BuilderContent, BuilderItem, SaveState } from "@/lib/programme/builder-types";
import { describeChanges, diffVersions, type DiffVersion } from "@/lib/programme/diff";
import { BuilderItemRow } from "@/components/programme/builder-item-row";
import { BuilderPreview } from "@/components/programme/builder-preview";
import { BuilderSearch } from "@/components/programme/builder-search";
import { GENTLE_LIMIT } from "@/lib/programme/limits";
import type { ProgrammeKind } from "@/lib/domain/clinic";

type Props = {
  kind: ProgrammeKind;
  programmeId?: string;
  patientId?: string;
  patientName?: string;
  baseVersion: number;
  initial: BuilderContent;
  /** The patient has a live link: offer to email them what changed, on by default. */
  linkLive?: boolean;
};

// Row keys for the screen only; crypto.randomUUID is missing on plain-http self-hosts.
let nextKey = 0;

function toDiff(c: BuilderContent): DiffVersion {
  return {
    title: c.title.trim(),
    patientNote: c.patientNote.trim(),
    startDate: c.startDate || null,
    reviewDate: c.reviewDate || null,
    items: c.items.map((i) => ({ exerciseId: i.exerciseId, name: i.name, ...i.dosage })),
  };
}

function payload(c: BuilderContent) {
  return JSON.stringify({
    title: c.title,
    patientNote: c.patientNote,
    changeNote: c.changeNote,
    startDate: c.startDate,
    reviewDate: c.reviewDate,
    items: c.items.map((i) => ({ exerciseId: i.exerciseId, ...i.dosage })),
  });
}

/**
 * The clinician's main screen. Everything typed lives in this component's state and
 * is sent as one JSON field, so a failed save or a conflict never clears the screen.
 */
export function ProgrammeBuilder({
  kind,
  programmeId,
  patientId,
  patientName,
  baseVersion: initialBase,
  initial,
  linkLive = false,
}: Props) {
  const [content, setContent] = useState<BuilderContent>(initial);
  const [notify, setNotify] = useState(linkLive);
  const [baseVersion, setBaseVersion] = useState(initialBase);
  const [open, setOpen] = useState<string | null>(null);
  const [removed, setRemoved] = useState<{ item: BuilderItem; index: number } | null>(null);
  const [tab, setTab] = useState<"edit" | "preview">("edit");
  const [state, save] = useActionState(saveProgrammeAction, {} as SaveState);
  const [templateState, saveTemplate] = useActionState(saveAsTemplateAction, {} as SaveState);
  const [pending, startTransition] = useTransition();
  const undoTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const sensors = useSensors(useSensor(PointerSensor), useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }));
  // An error disappears as soon as its field is edited; a new save result brings fresh ones.
  const [cleared, setCleared] = useState<{ for: SaveState; keys: string[] }>({ for: state, keys: [] });
  const clearedKeys = cleared.for === state ? cleared.keys : [];
  const errors = Object.fromEntries(Object.entries(state.errors ?? {}).filter(([k]) => !clearedKeys.includes(k)));
  const clearError = (key: string) => {
    if (state.errors?.[key] && !clearedKeys.includes(key)) setCleared({ for: state, keys: [...clearedKeys, key] });
  };
  const changes = useMemo(
    () => (initialBase > 0 ? describeChanges(diffVersions(toDiff(initial), toDiff(content))) : []),
    [content, initial, initialBase],
  );
  const dirty = payload(content) !== payload(initial);

  // Leaving with unsaved edits asks first; nothing typed is lost by a stray click.
  useEffect(() => {
    if (!dirty) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [dirty]);

  const update = (patch: Partial<BuilderContent>) => {
    for (const key of Object.keys(patch)) clearError(key);
    setContent((c) => ({ ...c, ...patch }));
  };
  const setItems = (fn: (items: BuilderItem[]) => BuilderItem[]) => setContent((c) => ({ ...c, items: fn(c.items) }));

  function add(exercise: ExerciseCard) {
    const d = exercise.defaultDosage;
    setItems((items) => [
      ...items,
      {
        key: `new-${++nextKey}`,
        exerciseId: exercise.id,
        name: exercise.name,
        purpose: exercise.purpose,
        position: exercise.position,
        dosage: { ...d, load: d.load ?? "", note: "" },
      },
    ]);
  }

  function remove(index: number) {
    const item = content.items[index];
    if (!item) return;
    setItems((items) => items.filter((_, i) => i !== index));
    setRemoved({ item, index });
    clearTimeout(undoTimer.current);
    undoTimer.current = setTimeout(() => setRemoved(null), 10_000);
  }

  function undo() {
    if (!removed) return;
    setItems((items) => [...items.slice(0, removed.index), removed.item, ...items.slice(removed.index)]);
    setRemoved(null);
  }

  function onDragEnd(event: DragEndEvent) {
    const { active, over } = event;
    if (!over || active.id === over.id) return;
    setItems((items) =>
      arrayMove(
        items,
        items.findIndex((i) => i.key === active.id),
        items.findIndex((i) => i.key === over.id),
      ),
    );
  }

  function formData(extra: Record<string, string> = {}) {
    const data = new FormData();
    data.set("kind", kind);
    data.set("baseVersion", String(baseVersion));
    if (programmeId) data.set("programmeId", programmeId);
    if (patientId) data.set("patientId", patientId);
    data.set("content", payload(content));
    if (notify && linkLive && kind === "programme") data.set("notify", "1");
    for (const [k, v] of Object.entries(extra)) data.set(k, v);
    return data;
  }

  const submit = () => startTransition(() => save(formData()));

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div role="tablist" aria-label="Builder view" className="inline-flex rounded-lg border border-line bg-surface p-1">
          {(["edit", "preview"] as const).map((t) => (
            <button
              key={t}
              type="button"
              role="tab"
              aria-selected={tab === t}
              className={`min-h-10 rounded-md px-4 font-bold ${tab === t ? "bg-brand-600 text-white" : "text-muted hover:text-ink"}`}
              onClick={() => setTab(t)}
            >
              {t === "edit" ? "Edit" : "Preview as patient"}
            </button>
          ))}
        </div>
        <div className="flex flex-wrap gap-2">
          {kind === "programme" ? (
            <button
              type="button"
              className="btn-secondary"
              disabled={pending}
              onClick={() => startTransition(() => saveTemplate(formData()))}
            >
              Save as template
            </button>
          ) : null}
          <button type="button" className="btn-primary" disabled={pending} onClick={submit}>
            {pending
              ? "Saving…"
              : programmeId
                ? `Save version ${baseVersion + 1}`
                : kind === "template"
                  ? "Save template"
                  : "Save programme"}
          </button>
        </div>
      </div>

      <div aria-live="polite" className="space-y-2 empty:hidden">
        {state.message && !state.conflict ? (
          <p className="rounded-lg bg-danger-soft px-4 py-2 font-bold text-danger" data-testid="form-message">
            {state.message}
          </p>
        ) : null}
        {templateState.message ? (
          <p className={`rounded-lg px-4 py-2 font-bold ${templateState.ok ? "bg-ok-soft text-ok" : "bg-danger-soft text-danger"}`}>
            {templateState.message}
          </p>
        ) : null}
        {state.conflict && state.conflict.currentVersion > baseVersion ? (
          <div className="rounded-xl border border-warn/40 bg-warn-soft p-4" role="alert" data-testid="conflict">
            <p className="font-bold text-warn">{state.message}</p>
            {state.conflict.theirChanges.length ? (
              <>
                <p className="mt-2 text-sm">Their changes in version {state.conflict.currentVersion}:</p>
                <ul className="mt-1 list-disc pl-6 text-sm">
                  {state.conflict.theirChanges.map((line) => (
                    <li key={line}>{line}</li>
                  ))}
                </ul>
              </>
            ) : null}
            <p className="mt-2 text-sm">Merge what you need from their version into yours, then save yours as the newest version.</p>
            <button type="button" className="btn-primary mt-3" onClick={() => setBaseVersion(state.conflict!.currentVersion)}>
              Keep my edits and save on top of version {state.conflict.currentVersion}
            </button>
          </div>
        ) : null}
      </div>

      {tab === "preview" ? (
        <BuilderPreview content={content} patientName={patientName} />
      ) : (
        <div className="grid gap-6 lg:grid-cols-[3fr_2fr]">
          <div className="min-w-0 space-y-4">
            <section className="card space-y-4 p-5" aria-label="Programme details">
              <TextInput label="Title" id="title" value={content.title} error={errors.title} onChange={(title) => update({ title })} />
              {kind === "programme" ? (
                <>
                  <div>
                    <label htmlFor="patientNote" className="label">
                      Note to the patient
                    </label>
                    <textarea
                      id="patientNote"
                      rows={3}
                      className="input"
                      value={content.patientNote}
                      maxLength={2000}
                      onChange={(e) => update({ patientNote: e.target.value })}
                    />
                  </div>
                  <div className="grid gap-4 sm:grid-cols-2">
                    <TextInput
                      label="Start date"
                      id="startDate"
                      type="date"
                      value={content.startDate}
                      error={errors.startDate}
                      onChange={(startDate) => update({ startDate })}
                    />
                    <TextInput
                      label="Review date"
                      id="reviewDate"
                      type="date"
                      value={content.reviewDate}
                      error={errors.reviewDate}
                      onChange={(reviewDate) => update({ reviewDate })}
                    />
                  </div>
                </>
              ) : null}
            </section>

            <section aria-labelledby="exercises-heading">
              <h2 id="exercises-heading" className="mb-2 text-lg font-bold">
                Exercises <span className="font-normal text-muted">({content.items.length})</span>
              </h2>
              {errors.items ? <p className="mb-2 font-bold text-danger">{errors.items}</p> : null}
              {content.items.length > GENTLE_LIMIT ? (
                <p className="mb-3 rounded-lg bg-warn-soft px-4 py-2 text-sm text-warn" role="status" data-testid="length-warning">
                  {content.items.length} exercises is a lot to do at home. Patients keep going more often with six or fewer.
                </p>
              ) : null}
              {removed ? (
                <p className="mb-3 flex items-center justify-between gap-3 rounded-lg bg-ink px-4 py-2 text-white" role="status">
                  Removed {removed.item.name}.
                  <button type="button" className="font-bold underline" onClick={undo}>
                    Undo
                  </button>
                </p>
              ) : null}
              {content.items.length === 0 ? (
                <p className="card p-6 text-center text-muted">Search on the right and press Enter to add exercises.</p>
              ) : (
                <DndContext sensors={sensors} collisionDetection={closestCenter} onDragEnd={onDragEnd}>
                  <SortableContext items={content.items.map((i) => i.key)} strategy={verticalListSortingStrategy}>
                    <ol className="space-y-2" aria-label="Exercises in this programme">
                      {content.items.map((item, index) => (
                        <BuilderItemRow
                          key={item.key}
                          item={item}
                          index={index}
                          count={content.items.length}
                          open={open === item.key || Object.keys(state.errors ?? {}).some((k) => k.startsWith(`items.${index}.`))}
                          errors={errors}
                          onToggle={() => setOpen((o) => (o === item.key ? null : item.key))}
                          onChange={(key, value) => {
                            clearError(`items.${index}.${key}`);
                            setItems((items) =>
                              items.map((i) => (i.key === item.key ? { ...i, dosage: { ...i.dosage, [key]: value } } : i)),
                            );
                          }}
                          onMove={(delta) =>
                            setItems((items) => arrayMove(items, index, Math.max(0, Math.min(items.length - 1, index + delta))))
                          }
                          onRemove={() => remove(index)}
                        />
                      ))}
                    </ol>
                  </SortableContext>
                </DndContext>
              )}
            </section>

            {programmeId ? (
              <section className="card space-y-3 p-5" aria-labelledby="changes-heading">
                <h2 id="changes-heading" className="text-lg font-bold">
                  Changes since version {initialBase}
                </h2>
                {changes.length ? (
                  <ul className="list-disc pl-6 text-sm" data-testid="pending-changes">
                    {changes.map((line) => (
                      <li key={line}>{line}</li>
                    ))}
                  </ul>
                ) : (
                  <p className="text-sm text-muted">No changes yet.</p>
                )}
                {kind === "programme" ? (
                  <div>
                    <label htmlFor="changeNote" className="label">
                      A word for the patient about what changed (optional)
                    </label>
                    <input
                      id="changeNote"
                      className="input"
                      value={content.changeNote}
                      maxLength={500}
                      onChange={(e) => update({ changeNote: e.target.value })}
                      placeholder="e.g. Added bridges now that bending is easier."
                    />
                  </div>
                ) : null}
                {kind === "programme" && linkLive ? (
                  <label className="flex items-start gap-3 text-sm">
                    <input
                      type="checkbox"
                      name="notify"
                      checked={notify}
                      onChange={(e) => setNotify(e.target.checked)}
                      className="mt-0.5 size-4 accent-brand-600"
                      data-testid="notify-patient"
                    />
                    <span>
                      <span className="font-bold">Email {patientName ?? "the patient"} what changed</span>
                      <span className="block text-muted">The list above and your note, with their usual link.</span>
                    </span>
                  </label>
                ) : null}
              </section>
            ) : null}
          </div>
          <div className="min-w-0 lg:sticky lg:top-4 lg:self-start">
            <BuilderSearch onAdd={add} />
          </div>
        </div>
      )}
    </div>
  );
}

function TextInput({
  label,
  id,
  value,
  error,
  onChange,
  type = "text",
}: {
  label: string;
  id: string;
  value: string;
  error?: string;
  type?: string;
  onChange: (v: string) => void;
}) {
  return (
    <div>
      <label htmlFor={id} className="label">
        {label}
      </label>
      <input
        id={id}
        type={type}
        className="input"
        value={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(e) => onChange(e.target.value)}
      />
      {error ? (
        <p id={`${id}-error`} className="mt-1 text-sm font-bold text-danger">
          {error}
        </p>
      ) : null}
    </div>
  );
}
