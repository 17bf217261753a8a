// The stylesheet and script inlined into every HTML report (no fonts or files fetched). Colours
// keep WCAG AA contrast: text on every highlight background is above 4.5:1.
#include "report/html.h"

namespace callscope::report::html {

const char kCss[] = R"css(:root{--ink:#1f2933;--muted:#52606d;--line:#d9dee4;--bg:#f4f6f8;--card:#fff;--accent:#1e3a8a;
--exec:#1d4ed8;--analyst:#047857;--other:#6b7280;--g-bg:#dbeafe;--g-line:#1d4ed8;--m-bg:#fef3c7;--m-line:#b45309;
--h-bg:#ede9fe;--h-line:#6d28d9;--n-bg:#fee2e2;--n-line:#b91c1c}
*{box-sizing:border-box}
html{font:16px/1.55 system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif;color:var(--ink);background:var(--bg)}
body{margin:0}
a{color:var(--accent)}
a:focus-visible,input:focus-visible,summary:focus-visible,mark:focus-visible{outline:3px solid #f59e0b;outline-offset:2px;border-radius:2px}
.skip{position:absolute;left:-999px;top:0;background:#fff;padding:.5em 1em;z-index:9}
.skip:focus{left:1em}
header.call{background:linear-gradient(135deg,#172554,#1e3a8a 60%,#1d4ed8);color:#fff;padding:1.6rem max(1.25rem,calc(50% - 29.75rem)) 1.3rem}
header.call .brand{margin:0;font-size:.8rem;letter-spacing:.08em;text-transform:uppercase;color:#c7d2fe}
h1{margin:.2rem 0 0;font-size:2rem;line-height:1.2}
.ticker{font-size:.9rem;vertical-align:middle;border:1px solid #a5b4fc;border-radius:4px;padding:.05em .4em;letter-spacing:.05em}
header.call .title{margin:.2rem 0 .6rem;color:#e0e7ff}
.facts{display:flex;flex-wrap:wrap;gap:.2rem 1.5rem;margin:0;font-size:.85rem}
.facts div{display:flex;gap:.4em}.facts dt{color:#c7d2fe}.facts dd{margin:0}
.tiles{list-style:none;display:flex;flex-wrap:wrap;gap:.6rem;margin:1rem 0 0;padding:0}
.tiles li{background:rgba(255,255,255,.12);border-radius:8px;padding:.35rem .8rem;font-size:.85rem;color:#e0e7ff;border-bottom:3px solid transparent}
.tiles b{display:block;font-size:1.35rem;color:#fff}
.tiles .k-guidance{border-color:#93c5fd}.tiles .k-metric{border-color:#fcd34d}.tiles .k-hedge{border-color:#c4b5fd}.tiles .k-nonanswer{border-color:#fca5a5}
.warning{background:#fef3c7;color:#78350f;border-radius:6px;padding:.3rem .7rem;font-size:.85rem}
nav{position:sticky;top:0;z-index:5;background:#fff;border-bottom:1px solid var(--line)}
nav ul{list-style:none;display:flex;gap:1.4rem;margin:0 auto;max-width:62rem;padding:.55rem 1.25rem}
nav a{text-decoration:none;font-weight:600}nav a:hover{text-decoration:underline}
main{max-width:62rem;margin:0 auto;padding:0 1.25rem 2rem}
main>section{background:var(--card);border:1px solid var(--line);border-radius:10px;padding:1rem 1.3rem;margin:1.2rem 0;scroll-margin-top:3.2rem}
.exchange,.turn{scroll-margin-top:7rem}mark.hl{scroll-margin-top:9rem}
h2{margin:.1rem 0 .8rem;font-size:1.3rem}
h2 .count{font-size:.8rem;font-weight:600;color:var(--muted);background:var(--bg);border-radius:999px;padding:.1em .6em;vertical-align:middle}
.empty{color:var(--muted);font-style:italic}
.muted,.none{color:var(--muted)}
table{border-collapse:collapse;width:100%;font-size:.9rem}
caption{text-align:left;color:var(--muted);font-size:.85rem;padding-bottom:.3rem}
th,td{text-align:left;padding:.4rem .5rem;border-bottom:1px solid var(--line);vertical-align:top}
thead th{font-size:.75rem;text-transform:uppercase;letter-spacing:.04em;color:var(--muted);border-bottom:2px solid var(--line)}
tbody tr:hover{background:#f8fafc}
.num{text-align:right;font-variant-numeric:tabular-nums}
.firm{display:block;font-weight:400;color:var(--muted);font-size:.85rem}
.gist{font-style:italic}
.flag{color:var(--n-line);font-weight:600}
.guidance td,.guidance th{white-space:nowrap}.guidance td:nth-child(4){white-space:normal;width:40%}
.scroll{overflow-x:auto}.calls{font-size:.85rem}.calls td{white-space:nowrap}
.cond{display:block;color:var(--muted);font-size:.8rem}
.rev{font-weight:700;white-space:nowrap}.rev-raised{color:#047857}.rev-lowered{color:#b91c1c}.rev-reaffirmed{color:#1e3a8a}.rev-withdrawn{color:#b91c1c}.rev-declined{color:#6b7280}.rev-narrowed{color:#6d28d9}
details.data{margin-top:.6rem}
summary{cursor:pointer;color:var(--accent);font-weight:600}
.chart{max-width:100%;height:auto;display:block}
.chart text{font:12px system-ui,"DejaVu Sans",sans-serif;fill:var(--ink)}
.ch-head text{font-weight:700;fill:var(--muted)}
.ch-name{text-anchor:end}
.r-executive .ch-words{fill:var(--exec)}.r-analyst .ch-words{fill:var(--analyst)}.r-other .ch-words{fill:var(--other)}
.ch-hedge{fill:var(--h-line)}.ch-na{fill:var(--n-line)}.ch-val{fill:var(--muted)}.ch-val.zero{fill:var(--muted)}
.ch-avg line{stroke:var(--ink);stroke-dasharray:4 3}.ch-avg text{font-size:11px;fill:var(--muted)}
.chart-key{display:flex;gap:1rem;font-size:.8rem;color:var(--muted);margin:.2rem 0 0}
.ck-exec{--c:var(--exec)}.ck-analyst{--c:var(--analyst)}.ck-hedge{--c:var(--h-line)}.ck-na{--c:var(--n-line)}
.chart-key span::before{content:"";display:inline-block;width:.8em;height:.8em;border-radius:2px;margin-right:.3em;vertical-align:-.05em;background:var(--c)}
.legend{position:sticky;top:2.6rem;z-index:4;background:#fff;border:1px solid var(--line);border-radius:8px;padding:.4rem .8rem;margin:0 0 1rem;display:flex;flex-wrap:wrap;gap:.3rem 1.2rem;align-items:center}
.legend legend{float:left;font-weight:700;font-size:.85rem;margin-right:.4rem;padding:0}
.toggle{font-size:.85rem;cursor:pointer;display:flex;align-items:center;gap:.3rem}
.toggle input{width:1.05rem;height:1.05rem;accent-color:var(--accent);margin:0}
.toggle .n{color:var(--muted);font-variant-numeric:tabular-nums}
.toggle .what{position:absolute;left:-9999px}
mark.hl,span.hl{color:inherit;background:none;border-radius:2px;padding:0 .05em}
.hl-guidance{background:var(--g-bg)!important;box-shadow:inset 0 -2px 0 var(--g-line)}
.hl-metric{background:var(--m-bg)!important;box-shadow:inset 0 -2px 0 var(--m-line);font-weight:600}
.hl-hedge{background:var(--h-bg)!important;text-decoration:underline wavy var(--h-line);text-underline-offset:3px}
.hl-nonanswer{background:var(--n-bg)!important;outline:1.5px dashed var(--n-line);outline-offset:1px}
.tx.off-guidance mark.hl-guidance,.tx.off-metric mark.hl-metric,.tx.off-hedge mark.hl-hedge,.tx.off-nonanswer mark.hl-nonanswer{background:none!important;box-shadow:none;text-decoration:none;outline:0;font-weight:inherit}
mark.hl:target{outline:3px solid #f59e0b;outline-offset:2px}
h3{font-size:1.1rem;margin:1.2rem 0 .6rem;padding-bottom:.2rem;border-bottom:2px solid var(--line)}
.exchange{border-left:3px solid var(--line);padding-left:.9rem;margin:1rem 0 1.4rem}
.exchange h4{margin:.2rem 0 .5rem;font-size:.95rem}
.xn{display:inline-block;background:var(--accent);color:#fff;border-radius:4px;font-size:.75rem;padding:.05em .45em;margin-right:.3em;vertical-align:.1em}
.about{color:var(--muted);font-weight:400;font-size:.85rem}
.turn{margin:0 0 .9rem;padding:.2rem 0 0 2.6rem;position:relative}
.turn header{display:flex;align-items:baseline;gap:.5rem;flex-wrap:wrap}
.turn .av{position:absolute;left:0;top:.15rem;width:2rem;height:2rem;border-radius:50%;display:flex;align-items:center;justify-content:center;font-size:.75rem;font-weight:700;color:#fff;background:var(--other)}
.r-executive .av{background:var(--exec)}.r-analyst .av{background:var(--analyst)}.r-operator .av{background:#52606d}
.who{font-weight:700}
.turn p{margin:.2rem 0 .5rem;max-width:75ch}
.turn.handoff,.turn.r-operator{color:var(--muted);font-size:.9rem}
footer{max-width:62rem;margin:0 auto;padding:0 1.25rem 2rem;color:var(--muted);font-size:.8rem}
@media (max-width:40rem){nav ul{gap:.8rem;flex-wrap:wrap}.legend{position:static}}
@media print{html{background:#fff;font-size:11pt}nav,.skip,.legend .toggle input{display:none}
header.call{background:none;color:#000;padding:0 0 .5rem;border-bottom:2px solid #000}
header.call .brand,header.call .title,.facts dt,.tiles li,.tiles b{color:#000}.tiles li{border:1px solid #999}
main{max-width:none;padding:0}main>section{border:0;padding:0;margin:1rem 0}
.legend{position:static;border:1px solid #999}
details.data>summary{display:none}
.turn,tr,.exchange h4{break-inside:avoid}h2,h3,h4{break-after:avoid}
*{-webkit-print-color-adjust:exact;print-color-adjust:exact}
a{color:inherit;text-decoration:none}}
)css";

// Toggles switch a class on the transcript; details open for printing. Nothing else runs.
const char kJs[] = R"js((function () {
  "use strict";
  var tx = document.getElementById("tx");
  document.querySelectorAll(".legend input[data-kind]").forEach(function (box) {
    box.addEventListener("change", function () {
      tx.classList.toggle("off-" + box.dataset.kind, !box.checked);
    });
  });
  window.addEventListener("beforeprint", function () {
    document.querySelectorAll("details").forEach(function (d) { d.open = true; });
  });
})();
)js";

}  // namespace callscope::report::html
