namespace TextLens.Reports.Html;

/// <summary>
/// The report's style sheet: system fonts, one column of at most 1,100 pixels, FT-like section rules and chart
/// typography, light and dark schemes (<c>prefers-color-scheme</c>), print rules. A constant: no data ever goes in
/// it. It holds neither <c>&lt;</c> nor <c>&amp;</c>, so the page stays well-formed XML.
/// </summary>
internal static class ReportStyle
{
    public const string Css = """

:root {
  color-scheme: light dark;
  --bg: #fbfaf8; --paper: #ffffff; --ink: #1b1b1b; --muted: #5d6169; --faint: #8d9198;
  --rule: #dedad2; --strong: #1b1b1b; --stripe: #f3f1ec; --accent: #0f5499; --target: #fff0b3;
  --warn: #a15c07; --bad: #b42318; --bar: #0072B2;
  --sans: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", "Liberation Sans", sans-serif;
  --serif: Georgia, "Times New Roman", "Noto Serif", "DejaVu Serif", serif;
  --mono: ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", "DejaVu Sans Mono", monospace;
}
@media (prefers-color-scheme: dark) {
  :root {
    --bg: #14161a; --paper: #1b1e23; --ink: #e8e6e1; --muted: #a5aab1; --faint: #767b83;
    --rule: #30343a; --strong: #e8e6e1; --stripe: #1a1d21; --accent: #8db9ff; --target: #3b3415;
    --warn: #f2a65a; --bad: #ff8a80; --bar: #56B4E9;
  }
}
* { box-sizing: border-box; }
html { background: var(--bg); }
body {
  margin: 0 auto; max-width: 1100px; padding: 0 30px 64px;
  font: 15px/1.5 var(--sans); color: var(--ink); background: var(--bg);
  font-variant-numeric: tabular-nums; -webkit-text-size-adjust: 100%; text-size-adjust: 100%;
}
header.top { padding: 34px 0 16px; }
.kicker { font: 700 12px/1 var(--sans); letter-spacing: .09em; text-transform: uppercase; color: var(--accent); margin: 0 0 10px; }
h1 { font: 700 36px/1.12 var(--serif); letter-spacing: -.01em; margin: 0 0 10px; }
.standfirst { font-size: 18px; line-height: 1.45; color: var(--muted); margin: 0; max-width: 46em; }
nav.toc { position: sticky; top: 0; z-index: 5; background: var(--bg); border-top: 1px solid var(--rule); border-bottom: 1px solid var(--rule); padding: 8px 0; }
nav.toc ul { list-style: none; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: 2px 20px; }
nav.toc a { color: var(--ink); text-decoration: none; font-size: 13px; font-weight: 600; }
nav.toc a:hover, nav.toc a:focus { color: var(--accent); text-decoration: underline; }
section { margin-top: 34px; padding-top: 12px; border-top: 4px solid var(--strong); scroll-margin-top: 48px; }
[id] { scroll-margin-top: 48px; }
h2 { font: 700 26px/1.2 var(--serif); margin: 0 0 6px; }
h3 { font: 700 18px/1.3 var(--sans); margin: 26px 0 6px; }
h4 { font: 700 16px/1.3 var(--sans); margin: 0; }
p { margin: 6px 0 10px; }
p.note, p.desc { color: var(--muted); font-size: 14px; max-width: 62em; }
p.desc { color: var(--ink); }
p.empty-state { color: var(--muted); font-style: italic; }
a { color: var(--accent); }
a.kw { color: inherit; text-decoration: none; border-bottom: 1px dotted var(--accent); }
a.kw:hover, a.kw:focus { color: var(--accent); border-bottom-style: solid; }
code { font: 12.5px/1.4 var(--mono); }
.sub { display: block; font-size: 11.5px; line-height: 1.3; color: var(--muted); font-weight: 400; }
summary .sub, h4 .sub { display: inline; }
.muted { color: var(--muted); }
.scroll { overflow-x: auto; margin: 6px 0 12px; }
.scroll.tall { max-height: 460px; overflow-y: auto; border-bottom: 1px solid var(--rule); }
.scroll.tall thead th { position: sticky; top: 0; background: var(--bg); z-index: 1; }
ul.counts { list-style: none; padding: 0; margin: 4px 0 8px; display: flex; flex-wrap: wrap; gap: 4px 18px; font-size: 14px; }
table { border-collapse: collapse; font-size: 14px; }
th, td { padding: 5px 10px; text-align: left; vertical-align: top; }
thead th { font-size: 12px; font-weight: 600; color: var(--muted); border-bottom: 2px solid var(--strong); vertical-align: bottom; }
tbody td, tbody th { border-bottom: 1px solid var(--rule); }
tbody th { font-weight: 600; }
td { overflow-wrap: anywhere; }
thead th.num { white-space: normal; min-width: 4.5em; }
table.data td:not(.num) { min-width: 6em; }
tbody tr:nth-child(even) { background: var(--stripe); }
.num { text-align: right; white-space: nowrap; }
td.zero { color: var(--faint); }
td.null { color: var(--faint); }
tr.total-row th, tr.total-row td { font-weight: 700; border-bottom: 1px solid var(--strong); }
table.sortable thead th { cursor: pointer; user-select: none; }
table.sortable thead th::after { content: "\00A0\2195"; color: var(--faint); font-weight: 400; }
table.sortable thead th[aria-sort="ascending"]::after { content: "\00A0\2191"; color: var(--ink); }
table.sortable thead th[aria-sort="descending"]::after { content: "\00A0\2193"; color: var(--ink); }
td.z { font-weight: 600; }
.cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(136px, 1fr)); gap: 10px; margin: 14px 0 18px; }
.card { background: var(--paper); border: 1px solid var(--rule); border-top: 3px solid var(--strong); padding: 9px 12px 10px; }
.card .v { font: 700 22px/1.15 var(--sans); letter-spacing: -.01em; white-space: nowrap; }
.card .l { font-size: 11.5px; color: var(--muted); text-transform: uppercase; letter-spacing: .07em; }
.card.warn { border-top-color: var(--warn); }
.card.warn .v { color: var(--warn); }
.card.warn .l::after { content: " \00B7  see errors"; text-transform: none; letter-spacing: 0; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 3px 20px; margin: 0 0 8px; }
dl.facts dt { color: var(--muted); }
dl.facts dd { margin: 0; overflow-wrap: anywhere; }
td.opts div { white-space: nowrap; }
td.lex div { margin-bottom: 2px; }
td.opts .k { color: var(--muted); }

.hash { background: var(--stripe); border: 1px solid var(--rule); padding: 0 4px; border-radius: 3px; }
.tag { display: inline-block; font-size: 11px; line-height: 1.5; font-weight: 600; letter-spacing: .03em; padding: 0 6px; border-radius: 3px; color: var(--muted); border: 1px solid var(--rule); background: var(--paper); white-space: nowrap; }
.tag-bad { color: var(--bad); border-color: currentColor; }
.tag-warn { color: var(--warn); border-color: currentColor; }
td.msg { min-width: 22em; }
td.path { font: 12px/1.4 var(--mono); overflow-wrap: anywhere; max-width: 22em; }
figure.fig { margin: 12px 0 16px; }
figure.fig h4 { font-size: 17px; }
figure.fig > p.sub { display: block; font-size: 14px; margin: 0 0 6px; }
figcaption { font-size: 12px; color: var(--muted); margin-top: 6px; border-top: 1px solid var(--rule); padding-top: 4px; }
ul.legend { list-style: none; padding: 0; margin: 2px 0 8px; display: flex; flex-wrap: wrap; gap: 3px 18px; font-size: 13px; }
ul.legend li { display: inline-flex; align-items: center; gap: 6px; }
.sw { display: inline-block; width: 12px; height: 12px; border-radius: 2px; flex: none; }
ul.legend.lines .sw { width: 18px; height: 3px; border-radius: 0; }
svg.chart { display: block; width: 100%; height: auto; overflow: visible; }
svg.chart text { font-family: var(--sans); font-size: 13px; }
svg.chart text:not([fill]) { fill: var(--ink); }
svg.chart .em .rowlab { font-weight: 700; }
svg.chart .seglab { font-size: 12px; font-weight: 600; pointer-events: none; }
svg.chart text.total, svg.chart .axis text, svg.chart .grid text, svg.chart text.note { fill: var(--muted); font-size: 12px; }
svg.chart text.note { font-style: italic; }
svg.chart rect.seg { stroke: var(--bg); stroke-width: 1; }
svg.chart rect.seg:hover { opacity: .85; }
svg.chart rect.empty { fill: none; stroke: var(--faint); stroke-dasharray: 3 3; }
svg.chart line.sep { stroke: var(--rule); }
svg.chart .axis line { stroke: var(--faint); }
svg.chart .grid line { stroke: var(--rule); }
svg.chart .grid line.base { stroke: var(--strong); }
svg.chart circle { stroke: var(--bg); stroke-width: 1.2; }
.concept { margin: 8px 0 30px; }
.cardgrid { display: grid; grid-template-columns: repeat(auto-fill, minmax(330px, 1fr)); gap: 8px 32px; }
.panel h3, .panel h4 { margin: 18px 0 0; padding-bottom: 4px; border-bottom: 1px solid var(--strong); font-size: 16px; }
table.top { width: 100%; }
table.top td.ent { width: 100%; }
td.barcell { width: 64px; padding-left: 0; padding-right: 4px; }
.bar { display: block; height: 9px; margin-top: 6px; min-width: 1px; background: var(--bar); }
td .pbar { display: block; height: 3px; margin: 2px 0 0 auto; background: var(--faint); }
details { margin: 6px 0; }
details > summary { cursor: pointer; padding: 6px 10px; background: var(--paper); border: 1px solid var(--rule); border-radius: 4px; }
details[open] > summary { border-radius: 4px 4px 0 0; }
details.kwic .cat { color: var(--muted); }
details.data > summary, details.timings > summary { display: inline-block; font-size: 13px; }
table.kwic { width: 100%; font-size: 13.5px; }
table.kwic td { vertical-align: baseline; white-space: nowrap; }
table.kwic td.doc, table.kwic td.grpcell, table.kwic td.match { width: 1%; }
table.kwic td.doc div { max-width: 17em; overflow: hidden; text-overflow: ellipsis; font: 12px/1.4 var(--mono); }
table.kwic td.doc .per { color: var(--muted); font-family: var(--sans); font-size: 11.5px; }
table.kwic td.grpcell div { max-width: 9em; overflow: hidden; text-overflow: ellipsis; color: var(--muted); }
table.kwic td.left, table.kwic td.right { width: 50%; max-width: 0; padding-left: 3px; padding-right: 3px; }
table.kwic td.left div, table.kwic td.right div { overflow: hidden; }
table.kwic td.left div { display: flex; justify-content: flex-end; }
table.kwic td.left span { flex: none; }
table.kwic td.right div { text-overflow: ellipsis; }
table.kwic td.match { font-weight: 700; padding-left: 3px; padding-right: 3px; }
table.kwic th:nth-child(3) { text-align: right; }
table.kwic tr.grp th { background: var(--bg); color: var(--ink); font-size: 13px; padding-top: 12px; border-bottom: 1px solid var(--strong); }
table.kwic tr.grp .sub { display: inline; }
table.kwic tr.more td { color: var(--muted); font-style: italic; }
tbody:target tr.grp th, details:target > summary { background: var(--target); }
footer { margin-top: 48px; padding-top: 10px; border-top: 1px solid var(--rule); color: var(--muted); font-size: 13px; }
@media (max-width: 720px) {
  body { padding: 0 14px 40px; }
  h1 { font-size: 28px; }
  .standfirst { font-size: 16px; }
}
@media print {
  html, body { background: #fff; color: #000; }
  body { max-width: none; padding: 0; font-size: 11pt; }
  nav.toc { display: none; }
  section { break-before: auto; }
  figure.fig, .panel, tr { break-inside: avoid; }
  a.kw { border-bottom: none; }
  .scroll, .scroll.tall { overflow: visible; max-height: none; }
}

""";
}
