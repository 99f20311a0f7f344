#pragma once
// The HTML report's stylesheet, kept apart from the markup that uses it.
#include <string_view>

namespace handoff {

inline constexpr std::string_view kHtmlReportStyle = R"css(
:root { --ink: #1d2330; --muted: #5b6474; --line: #d9dde5; --paper: #ffffff; --soft: #f4f6f9; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif;
       color: var(--ink); background: var(--soft); }
header.top, main, footer { max-width: 980px; margin: 0 auto; padding: 0 24px; }
header.top { padding-top: 28px; }
.kicker { margin: 0; color: var(--muted); text-transform: uppercase; letter-spacing: .08em; font-size: 12px; }
h1 { margin: 4px 0 8px; font-size: 28px; }
h2 { margin: 32px 0 12px; font-size: 21px; }
h3 { margin: 20px 0 8px; font-size: 17px; }
h4 { margin: 0 0 6px; font-size: 16px; }
h5 { margin: 12px 0 4px; font-size: 13px; text-transform: uppercase; letter-spacing: .05em; color: var(--muted); }
code, pre { font-family: ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: 13px; }
code { overflow-wrap: anywhere; }
pre { margin: 0; padding: 10px 12px; background: var(--soft); border: 1px solid var(--line); border-radius: 6px;
      white-space: pre-wrap; overflow-wrap: anywhere; }
dl.meta { display: grid; grid-template-columns: max-content 1fr; gap: 2px 16px; margin: 8px 0 0; }
dl.meta dt { color: var(--muted); }
dl.meta dd { margin: 0; }
.panel { background: var(--paper); border: 1px solid var(--line); border-radius: 10px; padding: 16px 20px; margin: 16px 0; }
.verdict { border-left: 8px solid #5fbb31; }
.verdict.bad { border-left-color: #e40000; }
.verdict.review { border-left-color: #e9c600; }
.verdict h2 { margin: 0 0 4px; font-size: 24px; }
.verdict p { margin: 0; font-size: 16px; }
.verdict .cards { margin: 14px 0 0; }
.cards { display: flex; flex-wrap: wrap; gap: 10px; margin: 0 0 16px; }
.card { flex: 1 1 120px; background: var(--paper); border: 1px solid var(--line); border-top: 6px solid var(--sev);
        border-radius: 8px; padding: 8px 12px; }
.card .n { display: block; font-size: 26px; font-weight: 700; }
.charts { display: flex; flex-wrap: wrap; gap: 24px; }
.charts figure { margin: 0; flex: 1 1 400px; }
.charts figcaption { font-weight: 600; margin-bottom: 4px; }
table { border-collapse: collapse; width: 100%; background: var(--paper); }
th, td { text-align: left; vertical-align: top; padding: 6px 10px; border-bottom: 1px solid var(--line); }
th { background: var(--soft); font-size: 13px; }
td.num, th.num { text-align: right; }
ul.families { list-style: none; padding: 0; margin: 0; }
ul.families li { padding: 6px 0; border-bottom: 1px solid var(--line); }
.ok { color: #2f7d12; font-weight: 600; }
.subtitle { margin: 0 0 8px; font-size: 17px; color: var(--muted); }
ol.todo { margin: 0; padding-left: 1.4em; }
ol.todo li { margin: 6px 0; }
.group { background: var(--paper); border: 1px solid var(--line); border-left: 6px solid var(--sev);
         border-radius: 8px; padding: 12px 16px; margin: 14px 0; }
.group h3 { margin: 0 0 8px; }
.group h3 .count { color: var(--muted); font-weight: 400; font-size: 14px; }
.group p { margin: 4px 0; }
.group .fix { background: #eef7ea; border-radius: 6px; padding: 6px 10px; }
ol.places { list-style: none; margin: 10px 0 6px; padding: 0; }
ol.places li { border-top: 1px solid var(--line); padding: 8px 0 6px; }
ol.places li pre { margin: 6px 0; }
.place { font-weight: 600; }
.place .badge { min-width: 56px; font-size: 11px; }
.evidence code { background: var(--soft); padding: 0 4px; border-radius: 4px; }
.ref { color: var(--muted); font-size: 12px; }
.badge { display: inline-block; min-width: 64px; text-align: center; padding: 1px 8px; margin-right: 8px;
         border-radius: 10px; background: var(--sev); color: #fff; font-size: 12px; font-weight: 700;
         text-transform: uppercase; vertical-align: 2px; }
.badge.medium { color: #1d2330; }
.empty { color: var(--muted); }
table.keys { table-layout: fixed; }
table.keys col.secret { width: 26%; }
table.keys col.create { width: 26%; }
table.keys col.put { width: 26%; }
table.keys col.used { width: 22%; }
table.keys code, table.keys a { overflow-wrap: anywhere; }
table.keys td:first-child code { font-size: 12px; }
table.keys a.console { font-size: 12px; }
.status { display: inline-block; margin-top: 4px; padding: 1px 8px; border-radius: 10px; font-size: 12px; font-weight: 700; }
.status.leaked { background: #fde2e2; color: #a00000; }
.status.supply { background: #fff4cc; color: #6b5300; }
.leaked-at { color: #a00000; }
ul.put { margin: 0; padding-left: 1.1em; }
table.keys tr.note td { background: #f1f5fd; font-size: 13px; }
ul.put li + li { margin-top: 4px; }
table.keys .ref code { font-size: 11px; }
.box { font-size: 18px; line-height: 1; }
footer { padding: 24px; margin-top: 24px; color: var(--muted); font-size: 13px; }
@page { size: A4; margin: 14mm 12mm; }
@media print {
  body { background: #fff; font-size: 10.5pt; }
  header.top, main, footer { max-width: none; padding: 0; }
  .break { break-before: page; }
  .panel, .card, ol.places li, tr, figure, section.suppressed { break-inside: avoid; }
  h2, h3, .group .head { break-after: avoid; }
  .group .head { break-inside: avoid; }
  a { color: inherit; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
)css";

} // namespace handoff
