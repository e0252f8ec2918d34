/** The report's stylesheet, inlined: system fonts only, so nothing is fetched and nothing embedded. */
export const REPORT_CSS = `
:root { color-scheme: light dark; --fg: #1d2329; --muted: #5c6670; --bg: #fff; --line: #d8dde2;
  --kept: #2f9e6e; --unchanged: #9aa5b1; --duplicate: #c8a24a; --below: #d0603f; --above: #8a63c7;
  --ok: #3b82c4; --failed: #d0403f; --interrupted: #c8a24a; --band: rgba(47,158,110,.14);
  --ins: rgba(47,158,110,.22); --del: rgba(208,64,63,.18); }
@media (prefers-color-scheme: dark) { :root { --fg: #e3e7eb; --muted: #9aa5b1; --bg: #16191c;
  --line: #343a40; --band: rgba(47,158,110,.22); } }
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--fg);
  background: var(--bg); margin: 0 auto; max-width: 1180px; padding: 0 20px 60px; }
h1 { font-size: 22px; margin: 24px 0 4px; } h2 { font-size: 18px; margin: 36px 0 10px;
  border-bottom: 1px solid var(--line); padding-bottom: 4px; } h3 { font-size: 15px; margin: 20px 0 6px; }
nav { display: flex; flex-wrap: wrap; gap: 14px; margin: 8px 0 4px; } a { color: var(--ok); }
p.muted, .muted { color: var(--muted); }
table { border-collapse: collapse; margin: 8px 0 12px; font-variant-numeric: tabular-nums; }
th, td { border-bottom: 1px solid var(--line); padding: 4px 10px 4px 0; text-align: left; vertical-align: top; }
th { font-weight: 600; } td.num, th.num { text-align: right; padding-left: 10px; }
td.num { white-space: nowrap; }
caption { text-align: left; color: var(--muted); padding-bottom: 4px; }
code, pre { font: 12.5px/1.4 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
pre.log { background: rgba(127,127,127,.1); padding: 8px 10px; overflow-x: auto; max-height: 320px; }
svg.chart { max-width: 100%; height: auto; display: block; margin: 6px 0; }
svg .label, svg .value, svg .tick { fill: var(--fg); font-size: 11px; } svg .tick { fill: var(--muted); }
svg .axis { stroke: var(--muted); stroke-width: 1; } svg .requested { stroke: var(--failed); stroke-width: 2; }
svg .dot { fill: var(--ok); fill-opacity: .65; } svg .band { fill: var(--band); }
.o-kept { fill: var(--kept); background: var(--kept); } .o-unchanged { fill: var(--unchanged); background: var(--unchanged); }
.o-duplicate { fill: var(--duplicate); background: var(--duplicate); } .o-below_min { fill: var(--below); background: var(--below); }
.o-above_max { fill: var(--above); background: var(--above); }
.h-in { fill: var(--kept); } .h-out { fill: var(--unchanged); }
.g-ok { fill: var(--ok); } .g-failed { fill: var(--failed); } .g-interrupted { fill: var(--interrupted); }
.legend .key { margin-right: 14px; white-space: nowrap; }
.swatch { display: inline-block; width: 11px; height: 11px; margin-right: 5px; vertical-align: -1px; }
.swatch.g-ok { background: var(--ok); } .swatch.g-failed { background: var(--failed); }
.swatch.g-interrupted { background: var(--interrupted); }
.hists { display: flex; flex-wrap: wrap; gap: 8px 18px; } figure { margin: 0; }
figcaption { font-size: 12px; color: var(--muted); }
ins { background: var(--ins); text-decoration: none; } del { background: var(--del); }
td.text { max-width: 460px; white-space: pre-wrap; overflow-wrap: anywhere; }
.variant { margin-bottom: 6px; } .variant .v { color: var(--muted); font-size: 12px; margin-right: 6px; }
mark { background: var(--ins); color: inherit; }
.state-failed, .final { color: var(--failed); font-weight: 600; }
`;
