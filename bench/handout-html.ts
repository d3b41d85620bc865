import { readFileSync } from "node:fs";
import path from "node:path";
import { daysPerWeekWords, dosageWords, timesPerDayWords } from "@/lib/dosage/format";
import { addDays, dayLabel, isWeekend, longDate, parseCalendarDay, weekdayDate } from "@/lib/pdf/dates";
import { QR_QUIET_ZONE, createQrMatrix, qrPath } from "@/lib/pdf/qr";
import type { HandoutInput } from "@/lib/pdf/render";

/*
 * The same handout as plain HTML and CSS, for the Chromium print-to-PDF comparison in
 * bench/pdf.ts: same content, same font (embedded as data URLs), same page size, same
 * vector QR code and an equivalent tick chart.
 */

const FONT_DIR = path.join(process.cwd(), "node_modules", "@expo-google-fonts", "atkinson-hyperlegible");
const fontUrl = (file: string) => `data:font/ttf;base64,${readFileSync(path.join(FONT_DIR, file)).toString("base64")}`;
let fontCss: string | undefined;

function fonts(): string {
  fontCss ??= `
@font-face { font-family: AH; font-weight: 400; src: url(${fontUrl("400Regular/AtkinsonHyperlegible_400Regular.ttf")}); }
@font-face { font-family: AH; font-weight: 700; src: url(${fontUrl("700Bold/AtkinsonHyperlegible_700Bold.ttf")}); }`;
  return fontCss;
}

const esc = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

export function handoutHtml(input: HandoutInput): string {
  const { programme: p, safety, link, weeks } = input;
  const qr = createQrMatrix(link.url);
  const modules = qr.size + 2 * QR_QUIET_ZONE;
  const start = parseCalendarDay(p.startDate) ?? parseCalendarDay(input.generatedOn)!;
  const items = p.items
    .map((item, i) => {
      const when = [timesPerDayWords(item.dosage.timesPerDay), daysPerWeekWords(item.dosage.daysPerWeek)];
      const what = dosageWords(item.dosage).filter((part) => !when.includes(part));
      return `<section class="ex">
  <div class="left"><div class="fig">${esc(item.bodyPosition)}</div>
    <div class="lab">HOW MUCH</div><div><b>${esc(what[0]!)}</b>${what
      .slice(1)
      .map((w) => `<br>${esc(w)}`)
      .join("")}</div>
    <div class="lab">HOW OFTEN</div><div>${when.map(esc).join("<br>")}</div></div>
  <div class="right"><h3><span class="badge">${i + 1}</span>${esc(item.name)}</h3><p class="purpose">${esc(item.purpose)}</p>
    <ol>${item.steps.map((step) => `<li>${esc(step)}</li>`).join("")}</ol>
    ${item.dosage.note ? `<p class="note"><b>Note from ${esc(p.clinician.name)}:</b> ${esc(item.dosage.note)}</p>` : ""}
    ${item.cautions.length ? `<p class="caution"><b>Take care:</b> ${esc(item.cautions.join(" "))}</p>` : ""}</div>
</section>`;
    })
    .join("\n");
  const blocks = Array.from({ length: weeks / 2 }, (_, b) => {
    const days = Array.from({ length: 14 }, (_, d) => addDays(start, b * 14 + d));
    const head = days.map((day) => `<th>${dayLabel(day).join("<br>")}</th>`).join("");
    const rows = p.items
      .map((item, i) => {
        const boxes = Math.min(Math.max(item.dosage.timesPerDay, 1), 4);
        const cells = days.map((day) => `<td class="${isWeekend(day) ? "we" : ""}">${"<i></i>".repeat(boxes)}</td>`).join("");
        return `<tr><th class="name"><b>${i + 1}</b> ${esc(item.name)}</th>${cells}</tr>`;
      })
      .join("");
    return `<h4>Weeks ${2 * b + 1} and ${2 * b + 2}: ${weekdayDate(days[0]!)} to ${weekdayDate(days[13]!)}</h4><table class="chart"><tr><th class="name">Exercise</th>${head}</tr>${rows}</table>`;
  }).join("");
  const size = p.clinic.paperSize === "LETTER" ? "letter" : "A4";
  return `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><title>${esc(p.title)}</title><style>${fonts()}
@page { size: ${size}; margin: 40pt 44pt 58pt; }
body { font: 12pt/1.35 AH, sans-serif; color: #000; margin: 0; }
.hdr { display: flex; justify-content: space-between; border-bottom: 2.5pt solid #000; padding-bottom: 8pt; }
.clinic { font-size: 16pt; font-weight: 700; } .phone { font-size: 13pt; font-weight: 700; }
h1 { font-size: 26pt; margin: 0; } h2 { font-size: 18pt; margin: 20pt 0 6pt; }
.note { border: 1.5pt solid #000; border-radius: 6pt; padding: 9pt 12pt; }
.ex { display: flex; gap: 18pt; border-top: 1.5pt solid #000; padding-top: 14pt; margin-top: 18pt; break-inside: avoid; }
.left { width: 156pt; flex: none; } .fig { height: 117pt; border: 1pt solid #8a8a8a; background: #f5f5f5; }
.lab { font-size: 10pt; font-weight: 700; margin-top: 9pt; }
h3 { font-size: 18pt; margin: 0; } .badge { display: inline-block; width: 24pt; height: 24pt; border-radius: 12pt; background: #000; color: #fff; text-align: center; margin-right: 8pt; }
ol { padding-left: 18pt; line-height: 1.5; } .caution { border: 1pt dashed #000; padding: 4pt 8pt; }
.qr { display: flex; align-items: center; gap: 16pt; border: 2pt solid #000; border-radius: 8pt; padding: 12pt; break-inside: avoid; }
.chart { border-collapse: collapse; width: 100%; break-inside: avoid; } .chart th { font-size: 10pt; font-weight: 400; }
.chart td { border-bottom: 0.75pt solid #8a8a8a; text-align: center; height: 30pt; } .chart td.we { background: #ededed; }
.chart i { display: block; width: 12pt; height: 12pt; border: 1pt solid #000; margin: 3pt auto; }
.name { width: 142pt; text-align: left; font-size: 11pt; }
</style></head><body>
<div class="hdr"><div><div class="clinic">${esc(p.clinic.name)}</div><div>${esc(p.clinic.address)}</div></div><div class="phone">Phone ${esc(p.clinic.phone)}</div></div>
<p>Home exercises for</p><h1>${esc(p.patient.name)}</h1><p><b>${esc(p.title)}</b></p>
<p>From ${esc(p.clinician.name)} · given ${longDate(parseCalendarDay(input.generatedOn)!)}</p>
<div class="note"><b>A note from ${esc(p.clinician.name)}</b><br>${esc(p.patientNote)}</div>
<h2>Your exercises</h2>
${items}
<h2>Staying safe</h2>
${safety.map((a) => `<p><b>${esc(a.title)}</b><br>${esc(a.text)}</p>`).join("")}
<div class="qr"><svg width="118pt" height="118pt" viewBox="0 0 ${modules} ${modules}"><path d="${qrPath(qr)}"/></svg>
<div><h2>Scan to follow along on your phone</h2><p>${esc(link.shortUrl)}</p></div></div>
<h2 style="break-before: page">Tick chart for ${esc(p.patient.name)}</h2>
${blocks}
</body></html>`;
}
