// The stylesheet of the HTML report, inlined so the file opens anywhere without a network request.
// Colours meet WCAG AA (4.5:1) for their text; severity is also shown by a letter and a line style.

export const REPORT_CSS = `
:root { color-scheme: light; --ink: #1b1b1f; --muted: #4a4a55; --line: #c9c9d2; --paper: #ffffff; --panel: #f5f5f8;
  --error: #a4201a; --error-bg: #ffe0dd; --warning: #7a4a00; --warning-bg: #ffecc2; --info: #1d4f91; --info-bg: #dde9fb; }
* { box-sizing: border-box; }
body { margin: 0; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans", sans-serif; color: var(--ink); background: var(--paper); }
header, main, footer { max-width: 78rem; margin: 0 auto; padding: 0 1.25rem; }
header { padding-top: 1.25rem; }
h1 { font-size: 1.6rem; margin: 0 0 .25rem; }
h2 { font-size: 1.25rem; margin: 2rem 0 .5rem; overflow-wrap: anywhere; }
h3 { font-size: 1.05rem; margin: 1rem 0 .4rem; }
p { margin: .3rem 0; }
a { color: #1a4f8f; }
a:focus-visible, mark:focus-visible { outline: 3px solid #1a4f8f; outline-offset: 2px; }
.lead { color: var(--muted); margin: 0; }
.totals { display: flex; flex-wrap: wrap; gap: .75rem; margin: 1rem 0; padding: 0; list-style: none; }
.totals li { border: 1px solid var(--line); border-radius: .5rem; padding: .5rem 1rem; background: var(--panel); }
.totals strong { display: block; font-size: 1.5rem; }
caption { text-align: left; }
table { border-collapse: collapse; margin: .5rem 0 1rem; min-width: 20rem; }
th, td { border: 1px solid var(--line); padding: .3rem .6rem; text-align: left; vertical-align: top; }
th { background: var(--panel); }
td.n { text-align: right; font-variant-numeric: tabular-nums; }
.tables { display: flex; flex-wrap: wrap; gap: 0 2rem; }
.file { border-top: 2px solid var(--line); margin-top: 2rem; }
.file-counts { font-weight: normal; color: var(--muted); font-size: 1rem; }
.columns { display: grid; grid-template-columns: minmax(0, 3fr) minmax(0, 2fr); gap: 1.25rem; align-items: start; }
@media (max-width: 60rem) { .columns { grid-template-columns: 1fr; } }
.draft { position: sticky; top: .5rem; max-height: calc(100vh - 1rem); overflow: auto; margin: 0; padding: 1rem; background: var(--panel); border: 1px solid var(--line); border-radius: .5rem;
  white-space: pre-wrap; overflow-wrap: anywhere; font: 15px/1.7 ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace; }
mark { color: var(--ink); border-radius: .15rem; padding: 0 .05rem; }
mark.error { background: var(--error-bg); border-bottom: 3px solid var(--error); }
mark.warning { background: var(--warning-bg); border-bottom: 3px dashed var(--warning); }
mark.info { background: var(--info-bg); border-bottom: 2px dotted var(--info); }
.marker { font: bold 11px/1 system-ui, sans-serif; vertical-align: super; padding: .1rem .25rem; border-radius: .25rem; color: #fff; text-decoration: none; margin-left: .1rem; }
.marker.error, .badge.error { background: var(--error); }
.marker.warning, .badge.warning { background: var(--warning); }
.marker.info, .badge.info { background: var(--info); }
.findings { list-style: none; margin: 0; padding: 0; }
.finding { border: 1px solid var(--line); border-left-width: 6px; border-radius: .4rem; padding: .6rem .8rem; margin-bottom: .75rem; }
.finding.error { border-left-color: var(--error); }
.finding.warning { border-left-color: var(--warning); border-left-style: dashed; }
.finding.info { border-left-color: var(--info); border-left-style: dotted; }
.finding:target { box-shadow: 0 0 0 3px #1a4f8f; }
.badge { color: #fff; font-weight: bold; font-size: .8rem; padding: .1rem .45rem; border-radius: .3rem; text-transform: uppercase; letter-spacing: .03em; }
.where { color: var(--muted); font-size: .9rem; }
.rule { font-size: .85rem; color: var(--muted); }
.quote { font-family: ui-monospace, "DejaVu Sans Mono", monospace; background: var(--panel); padding: 0 .2rem; }
.label { font-weight: 600; margin-top: .4rem; }
.finding ul { margin: .2rem 0; padding-left: 1.25rem; }
ins { text-decoration: none; background: #dcf3e0; color: #0f4d1c; font-family: ui-monospace, "DejaVu Sans Mono", monospace; padding: 0 .2rem; }
.clean { color: #1d5e2b; }
footer { color: var(--muted); font-size: .9rem; padding: 2rem 1.25rem; }
@media print { .draft { position: static; max-height: none; } .columns { grid-template-columns: 1fr; } .finding { break-inside: avoid; } }
`;
