"""The one stylesheet of the HTML reports: system fonts only, light and dark
(``prefers-color-scheme``), one column on phones, and a clean light print."""

from __future__ import annotations

_LIGHT = """
  --bg: #f5f6f8; --card: #ffffff; --text: #1c2128; --muted: #59636e; --line: #d9dee4;
  --track: #e6e9ed; --quote: #f3f5f7; --accent: #0969da;
  --strong: #1a7f37; --good: #9a6700; --partial: #bc4c00; --weak: #cf222e;
  --matched: #1a7f37; --implied: #0969da; --missing: #cf222e; --mark: #fff3b0;
"""

_DARK = """
  --bg: #0d1117; --card: #161b22; --text: #e6edf3; --muted: #9198a1; --line: #30363d;
  --track: #262c36; --quote: #1c2129; --accent: #4493f8;
  --strong: #3fb950; --good: #d29922; --partial: #f0883e; --weak: #f85149;
  --matched: #3fb950; --implied: #4493f8; --missing: #f85149; --mark: #5a4a00;
"""

CSS = f"""
:root {{ color-scheme: light dark; {_LIGHT} }}
@media (prefers-color-scheme: dark) {{ :root {{ {_DARK} }} }}
*, *::before, *::after {{ box-sizing: border-box; }}
html {{ -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }}
body {{
  margin: 0; background: var(--bg); color: var(--text);
  font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial,
    "Noto Sans", sans-serif;
  overflow-wrap: anywhere;
}}
main {{ max-width: 60rem; margin: 0 auto; padding: 1.5rem 1rem 3rem; }}
h1, h2, h3 {{ line-height: 1.25; margin: 0; }}
h1 {{ font-size: 1.75rem; }}
h2 {{ font-size: 1.2rem; margin: 2rem 0 .75rem; display: flex; gap: .5rem;
      align-items: baseline; }}
h3 {{ font-size: 1rem; }}
p {{ margin: 0; }}
.muted, .where, .eyebrow, .legend, footer {{ color: var(--muted); }}
.eyebrow {{ font-size: .8rem; letter-spacing: .08em; text-transform: uppercase;
            font-weight: 600; }}
.file {{ font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
         font-size: .88em; }}
header .file {{ color: var(--muted); }}
.sr {{ position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0);
       white-space: nowrap; }}
.count {{ font-size: .8rem; font-weight: 600; color: var(--muted); background: var(--track);
          border-radius: 99px; padding: .05rem .55rem; }}
.card {{ background: var(--card); border: 1px solid var(--line); border-radius: .75rem;
         padding: 1rem 1.25rem; }}
header {{ margin-bottom: 1rem; }}
.hero {{ display: flex; flex-wrap: wrap; gap: 1rem 1.5rem; align-items: center; }}
.gauge {{ width: 9rem; height: 9rem; flex: none; }}
.gauge .track {{ stroke: var(--track); }}
.gauge .value {{ font-size: 30px; font-weight: 700; fill: var(--text); }}
.gauge .of {{ font-size: 11px; fill: var(--muted); }}
.hero-text {{ flex: 1 1 16rem; }}
.verdict {{ font-size: 1.35rem; font-weight: 650; margin-bottom: .5rem; }}
.stats {{ display: flex; flex-wrap: wrap; gap: .35rem 1.25rem; list-style: none;
          margin: 0; padding: 0; }}
.stats b {{ font-size: 1.15rem; }}
.stats .matched b {{ color: var(--matched); }} .stats .implied b {{ color: var(--implied); }}
.stats .missing b {{ color: var(--missing); }}
.arc.strong {{ stroke: var(--strong); }} .fill.strong {{ fill: var(--strong); }}
.arc.good {{ stroke: var(--good); }} .fill.good {{ fill: var(--good); }}
.arc.partial {{ stroke: var(--partial); }} .fill.partial {{ fill: var(--partial); }}
.arc.weak {{ stroke: var(--weak); }} .fill.weak {{ fill: var(--weak); }}
.arc {{ fill: none; }}
.no-gaps {{ margin-top: 1rem; font-weight: 600; border-left: 4px solid var(--strong); }}
.warnings {{ margin-top: 1rem; border-left: 4px solid var(--good); }}
.warnings h2 {{ margin: 0 0 .25rem; font-size: 1rem; }}
.warnings ul {{ margin: 0; padding-left: 1.25rem; }}
.bars {{ display: grid; gap: .45rem; }}
.row {{ display: grid; grid-template-columns: minmax(0, 14rem) minmax(4rem, 1fr) 3.5rem;
        grid-template-areas: "label bar pct"; gap: .1rem .75rem; align-items: center; }}
.row .label {{ grid-area: label; }} .row .bar {{ grid-area: bar; }}
.row .pct {{ grid-area: pct; text-align: right; white-space: nowrap; font-weight: 600;
             font-variant-numeric: tabular-nums; }}
.bar {{ display: block; width: 100%; height: .8rem; }}
.bar .track {{ fill: var(--track); }}
.bar .tick {{ stroke: var(--card); stroke-width: 1; opacity: .8; }}
.legend {{ font-size: .85rem; margin-top: .75rem; }}
ol.gaps, ul.skills {{ list-style: none; margin: 0; padding: 0; display: grid; gap: .6rem; }}
ul.skills {{ gap: 0; padding: 0; }}
ul.skills > li + li {{ border-top: 1px solid var(--line); }}
ol.gaps {{ counter-reset: gap; }}
.gap {{ counter-increment: gap; display: grid; grid-template-columns: 1.5rem 1fr; gap: 0 .5rem;
        border-left: 4px solid var(--missing); }}
.gap::before {{ content: counter(gap); font-weight: 700; color: var(--muted);
                font-variant-numeric: tabular-nums; grid-row: span 2; }}
.gap.preferred {{ border-left-color: var(--line); }}
.more-gaps {{ margin-top: .6rem; }}
.more-gaps > summary {{ cursor: pointer; font-weight: 600; color: var(--muted);
                        padding: .35rem 0; }}
.more-gaps ol.gaps {{ counter-reset: none; }}  /* numbering goes on from the gaps above */
.gap-head, .skill-head {{ display: flex; flex-wrap: wrap; align-items: baseline;
                          align-content: flex-start; gap: .25rem .6rem; }}
.gain {{ margin-left: auto; font-weight: 700; font-variant-numeric: tabular-nums;
         white-space: nowrap; }}
.gap p {{ margin-top: .25rem; }}
.tag {{ font-size: .75rem; font-weight: 600; border: 1px solid var(--line);
        border-radius: 99px; padding: 0 .5rem; color: var(--muted); white-space: nowrap; }}
.tag.required {{ color: var(--text); }}
.tag.strong {{ color: var(--strong); }} .tag.good {{ color: var(--good); }}
.tag.partial {{ color: var(--partial); }} .tag.weak {{ color: var(--weak); }}
.skill {{ display: grid; grid-template-columns: minmax(0, 15rem) minmax(0, 1fr);
          gap: .35rem 1.25rem; padding: .75rem 1.25rem; }}
.mark {{ font-weight: 700; margin-right: .35rem; }}
.matched .mark {{ color: var(--matched); }} .implied .mark {{ color: var(--implied); }}
.weight {{ font-size: .85rem; color: var(--muted); white-space: nowrap; }}
.evidence {{ display: grid; gap: .4rem; }}
blockquote {{ margin: 0; padding: .35rem .75rem; background: var(--quote);
              border-left: 3px solid var(--line); border-radius: 0 .4rem .4rem 0; }}
.implied blockquote {{ border-left-color: var(--implied); }}
blockquote mark {{ background: var(--mark); color: inherit; font-weight: 600;
                   padding: 0 .1rem; border-radius: .2rem; }}
.where {{ font-size: .8rem; margin-top: .15rem; }}
.chips {{ display: flex; flex-wrap: wrap; gap: .4rem; list-style: none; margin: 0;
          padding: 0; }}
.chips li {{ background: var(--card); border: 1px solid var(--line); border-radius: 99px;
             padding: .1rem .7rem; font-size: .9rem; }}
table {{ width: 100%; border-collapse: collapse; font-variant-numeric: tabular-nums; }}
th, td {{ text-align: left; padding: .45rem .6rem; border-bottom: 1px solid var(--line);
          vertical-align: top; }}
th {{ font-size: .8rem; color: var(--muted); font-weight: 600; white-space: nowrap; }}
td {{ overflow-wrap: break-word; }}
td.num, th.num {{ text-align: right; }}
.table-card {{ padding: .25rem .5rem; overflow-x: auto; }}
.histogram {{ display: block; flex: 1 1 18rem; width: 100%; max-width: 30rem; height: auto; }}
th.minibar, td.minibar {{ width: 7rem; }}
td.minibar .bar {{ height: .6rem; margin-top: .45rem; }}
.histogram .col {{ fill: var(--accent); }}
.histogram text {{ fill: var(--muted); font-size: 10px; }}
.histogram .axis {{ stroke: var(--line); }}
footer {{ margin-top: 2.5rem; font-size: .8rem; }}
@media (max-width: 40rem) {{
  main {{ padding: 1rem .75rem 2rem; }}
  h1 {{ font-size: 1.4rem; }}
  .gauge {{ width: 7rem; height: 7rem; }}
  .row {{ grid-template-columns: minmax(0, 1fr) 3.5rem;
          grid-template-areas: "label pct" "bar bar"; }}
  .skill {{ grid-template-columns: minmax(0, 1fr); padding: .75rem 1rem; }}
  .card {{ padding: .85rem 1rem; }}
  th.minibar, td.minibar {{ display: none; }}
  th, td {{ padding: .4rem .3rem; }}
}}
@media print {{
  :root {{ {_LIGHT} --bg: #ffffff; }}
  body {{ font-size: 11pt; }}
  main {{ max-width: none; padding: 0; }}
  .card {{ border-color: #c8ced5; }}
  .hero, .warnings, .gap, .skill, tr, .row {{ break-inside: avoid; }}
  .skill {{ padding-top: .5rem; padding-bottom: .5rem; }}
  h2 {{ break-after: avoid; }}
  * {{ -webkit-print-color-adjust: exact; print-color-adjust: exact; }}
}}
@page {{ margin: 14mm; }}
"""
