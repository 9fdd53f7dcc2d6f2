// The one stylesheet. Colours are CSS variables with a light and a dark set (prefers-color-scheme);
// every text/background pair used here is at least 4.5:1 (WCAG AA), focus is always visible, and
// the layout is mobile first. Kept as a string so that Workers can serve it without a file system.
import { CHART_CSS } from './chart-css.js'

const THEME = `
:root{color-scheme:light dark;
--bg:#fbfbf9;--surface:#fff;--fg:#1a1d21;--muted:#555e69;--line:#e2e4e8;--accent:#0b57c2;
--accent-soft:#e8f0fc;--focus:#b35c00;--ok:#146c2e;--warn:#8a5100;--bad:#b3261e;
--t-actor-bg:#fde8e8;--t-actor-fg:#8a1c1c;--t-org-bg:#e6effc;--t-org-fg:#1d4a8a;
--t-sw-bg:#e2f3e8;--t-sw-fg:#1b5a34;--t-mal-bg:#f1e8fb;--t-mal-fg:#5b2a8a;
--t-vuln-bg:#fcf0d9;--t-vuln-fg:#734600;
--serif:Charter,"Bitstream Charter","Sitka Text",Cambria,Georgia,serif;
--sans:system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;
--mono:ui-monospace,"SFMono-Regular",Menlo,Consolas,monospace}
@media (prefers-color-scheme:dark){:root{
--bg:#101317;--surface:#171b21;--fg:#e6e9ed;--muted:#a0a9b4;--line:#2a3038;--accent:#7cb3ff;
--accent-soft:#1a2740;--focus:#ffb454;--ok:#6fd08c;--warn:#f0b54a;--bad:#ff8a80;
--t-actor-bg:#3b1818;--t-actor-fg:#ffb8b3;--t-org-bg:#16273f;--t-org-fg:#a9c9ff;
--t-sw-bg:#13301f;--t-sw-fg:#a0e2b8;--t-mal-bg:#2b1b3e;--t-mal-fg:#d9bcff;
--t-vuln-bg:#3a2b0e;--t-vuln-fg:#ffd48f}}
`

const BASE = `
*,*::before,*::after{box-sizing:border-box}
html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
body{margin:0;background:var(--bg);color:var(--fg);font:1rem/1.6 var(--sans);
display:flex;flex-direction:column;min-height:100vh}
h1,h2,h3{line-height:1.25;margin:0 0 .5rem;text-wrap:balance}
h1{font-size:clamp(1.6rem,1.2rem + 2vw,2.3rem);letter-spacing:-.01em}
h2{font-size:1.3rem;margin-top:2rem}h3{font-size:1.08rem}
p{margin:0 0 1rem}
a{color:var(--accent);text-underline-offset:.15em;text-decoration-thickness:.06em}
a:hover{text-decoration-thickness:.12em}
:focus-visible{outline:3px solid var(--focus);outline-offset:2px;border-radius:2px}
#main:focus{outline:none}
.vh{position:absolute!important;width:1px;height:1px;padding:0;margin:-1px;overflow:hidden;
clip:rect(0 0 0 0);white-space:nowrap;border:0}
.skip{position:absolute;left:.5rem;top:-3rem;background:var(--surface);color:var(--accent);
padding:.5rem 1rem;border:2px solid var(--focus);z-index:10}
.skip:focus{top:.5rem}
.wrap{width:100%;max-width:68rem;margin:0 auto;padding:0 1rem}
.site-header{border-bottom:1px solid var(--line);background:var(--surface)}
.site-header .wrap{display:flex;flex-wrap:wrap;align-items:center;gap:.25rem 1.25rem;
padding-top:.6rem;padding-bottom:.6rem}
.brand{font-weight:800;font-size:1.3rem;color:var(--fg);text-decoration:none;letter-spacing:-.02em}
.brand span{color:var(--accent)}
.site-nav ul{display:flex;flex-wrap:wrap;gap:.1rem .9rem;list-style:none;margin:0;padding:0}
.site-nav a{color:var(--fg);text-decoration:none;padding:.3rem 0;display:inline-block;
border-bottom:2px solid transparent}
.site-nav a:hover,.site-nav a[aria-current="page"]{border-bottom-color:var(--accent)}
.editor{margin-left:auto;display:flex;gap:.6rem;align-items:center;font-size:.9rem;color:var(--muted)}
.editor form{margin:0}
main{flex:1;width:100%;max-width:68rem;margin:0 auto;padding:1.5rem 1rem 3rem}
.site-footer{border-top:1px solid var(--line);color:var(--muted);font-size:.9rem;
padding:1.25rem 0 2rem}
.site-footer p{margin:0 0 .3rem}
.muted{color:var(--muted)}.small{font-size:.9rem}
.lede{font-size:1.05rem;color:var(--muted);margin-top:-.25rem}
`

const CONTROLS = `
button,.button,input,select,textarea{font:inherit;color:inherit}
button,.button{background:var(--accent);color:var(--surface);border:1px solid var(--accent);
border-radius:6px;padding:.45rem .95rem;cursor:pointer;font-weight:600;text-decoration:none;
display:inline-block}
button.link{background:none;border:none;color:var(--accent);padding:0;font-weight:400;
text-decoration:underline}
input:not([type=checkbox]):not([type=radio]),select,textarea{background:var(--surface);
border:1px solid var(--muted);border-radius:6px;padding:.45rem .6rem;min-width:0;width:100%}
textarea{min-height:8rem;line-height:1.5}
input[type=checkbox],input[type=radio]{width:1.1rem;height:1.1rem;accent-color:var(--accent)}
label{display:block;font-weight:600;font-size:.9rem;margin-bottom:.2rem}
.search-form{display:grid;gap:.8rem;grid-template-columns:minmax(0,1fr);background:var(--surface);
border:1px solid var(--line);border-radius:10px;padding:1rem;margin-bottom:1.25rem}
.search-form .actions{display:flex;align-items:end}
input:not([type=checkbox]):not([type=radio]),select{height:2.6rem}
@media (min-width:40rem){.search-form{grid-template-columns:repeat(2,minmax(0,1fr))}
.search-form .q{grid-column:1/-1}}
@media (min-width:60rem){.search-form{grid-template-columns:repeat(5,minmax(0,1fr)) auto}
.search-form .q{grid-column:1/6}.search-form .actions{grid-column:6;grid-row:1}}
.notice{border-left:4px solid var(--warn);background:var(--surface);padding:.6rem .9rem;margin:0 0 1rem}
.notice.error{border-left-color:var(--bad)}
`

const CARDS = `
.cards{list-style:none;margin:0;padding:0;display:grid;gap:1rem}
.incident-card{background:var(--surface);border:1px solid var(--line);border-radius:10px;
padding:1rem 1.1rem}
.incident-card h2,.incident-card h3{font-size:1.15rem;margin:0 0 .35rem;text-wrap:pretty}
.incident-card h2 a,.incident-card h3 a{color:var(--fg);text-decoration:none}
.incident-card h2 a:hover,.incident-card h3 a:hover{color:var(--accent);text-decoration:underline}
.incident-card p.summary{font-family:var(--serif);font-size:1.02rem;margin:0 0 .6rem}
.meta{display:flex;flex-wrap:wrap;align-items:center;gap:.15rem 0;color:var(--muted);font-size:.875rem;
margin:0 0 .5rem}
.meta > *:not(:last-child)::after{content:"·";margin:0 .5rem;color:var(--muted)}
.meta > .badge,.meta > .chip{margin-right:.6rem}
.meta > .badge::after,.meta > .chip::after{content:none}
.badge{display:inline-block;font-size:.75rem;font-weight:700;text-transform:uppercase;
letter-spacing:.04em;border:1px solid currentColor;border-radius:4px;padding:0 .35rem;color:var(--accent)}
.chips{display:flex;flex-wrap:wrap;gap:.35rem;list-style:none;margin:.25rem 0 0;padding:0}
.chip{display:inline-flex;align-items:center;gap:.3rem;border-radius:999px;padding:.1rem .6rem;
font-size:.85rem;font-weight:600;text-decoration:none;background:var(--accent-soft);color:var(--accent)}
.chip::before{content:"";width:.5rem;height:.5rem;border-radius:2px;background:currentColor;opacity:.8}
.chip:hover{text-decoration:underline}
.t-threat_actor{background:var(--t-actor-bg);color:var(--t-actor-fg)}
.t-threat_actor::before{border-radius:50%}
.t-organization{background:var(--t-org-bg);color:var(--t-org-fg)}
.t-software{background:var(--t-sw-bg);color:var(--t-sw-fg)}
.t-software::before{transform:rotate(45deg)}
.t-malware{background:var(--t-mal-bg);color:var(--t-mal-fg)}
.t-malware::before{border-radius:0;clip-path:polygon(50% 0,100% 100%,0 100%)}
.t-vulnerability{background:var(--t-vuln-bg);color:var(--t-vuln-fg)}
.t-vulnerability::before{width:.25rem}
.home{display:grid;gap:1rem 2.5rem;grid-template-columns:minmax(0,1fr)}
@media (min-width:60rem){.home{grid-template-columns:minmax(0,1fr) 20rem}
.home .covered{grid-column:2;grid-row:1/span 2}.home .covered h2{margin-top:.4rem}}
.covered .incident-card{padding:.75rem .9rem}.covered .incident-card p.summary{display:none}
.covered .incident-card h3{font-size:1rem}.covered .meta{font-size:.8rem}
.covered .chip{font-size:.78rem}
.tabs{display:flex;gap:.75rem;font-size:.9rem;margin:0 0 .75rem}
.tabs [aria-current]{font-weight:700;color:var(--fg)}
.pager{display:flex;justify-content:space-between;margin-top:1.5rem}
`

const ARTICLE = `
.reading{max-width:46rem}
.incident{display:grid;grid-template-columns:minmax(0,1fr);gap:0 3rem}
@media (min-width:64rem){.incident{grid-template-columns:minmax(0,44rem) minmax(0,1fr)}
.incident > *{grid-column:1}.incident > .side{grid-column:2;grid-row:2/span 6}
.incident > .side h2{margin-top:0}}
.reading > header,.incident > header{margin-bottom:.5rem}
sup{line-height:0}
.summary-text{font-family:var(--serif);font-size:1.15rem;line-height:1.7}
.summary-text sup a{font-family:var(--sans);font-size:.75rem;text-decoration:none;padding:0 .1rem}
.timeline{list-style:none;margin:0;padding:0;border-left:2px solid var(--line)}
.timeline li{position:relative;padding:0 0 1rem 1.1rem}
.timeline li::before{content:"";position:absolute;left:-.4rem;top:.45rem;width:.7rem;height:.7rem;
border-radius:50%;background:var(--accent);border:2px solid var(--bg)}
.timeline time{display:block;font-weight:700;font-size:.9rem}
.sources,.links,.edits,.plain{list-style:none;margin:0;padding:0}
.sources li,.links li,.edits li{padding:.6rem 0;border-bottom:1px solid var(--line)}
.sources li:last-child,.links li:last-child,.edits li:last-child{border-bottom:0}
.rel{font-size:.8rem;font-weight:700;text-transform:uppercase;letter-spacing:.04em;color:var(--muted)}
blockquote{margin:.3rem 0 0;padding-left:.8rem;border-left:3px solid var(--line);color:var(--muted);
font-family:var(--serif)}
.entity-group h3{font-size:.95rem;color:var(--muted);margin:1rem 0 .35rem}
.actions-row{display:flex;gap:.75rem;align-items:center;flex-wrap:wrap;margin:.5rem 0 0}
.entity-cols{display:grid;gap:0 2.5rem;grid-template-columns:minmax(0,1fr)}
@media (min-width:60rem){.entity-cols{grid-template-columns:minmax(0,2fr) minmax(0,1fr)}}
.related li{display:flex;justify-content:space-between;align-items:center;gap:.5rem;
padding:.4rem 0;border-bottom:1px solid var(--line)}
dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:.3rem 1rem;margin:0 0 1rem}
dl.facts dt{font-weight:700;color:var(--muted)}dl.facts dd{margin:0}
table{border-collapse:collapse;width:100%;font-size:.92rem}
th,td{text-align:left;padding:.5rem .6rem;border-bottom:1px solid var(--line);vertical-align:top}
thead th{font-size:.8rem;text-transform:uppercase;letter-spacing:.04em;color:var(--muted)}
tbody th{font-weight:600}
a:not([href]){color:var(--muted)}
.table-wrap{overflow-x:auto;border:1px solid var(--line);border-radius:10px;background:var(--surface)}
.url{font-family:var(--mono);font-size:.8rem;word-break:break-all}
.status{font-weight:700;white-space:nowrap}
.status-ok{color:var(--ok)}.status-failing,.status-gone{color:var(--bad)}
.status-backing-off{color:var(--warn)}
.prose{max-width:42rem}.prose li{margin:.3rem 0}
.prose code{font-family:var(--mono);font-size:.9em}
`

const PRINT = `
@media print{.site-header,.site-footer,.skip,.search-form,.pager,.actions-row,.tabs{display:none!important}
body{background:#fff;color:#000}main{padding:0}
.incident-card,.table-wrap{border:0;padding:0}
.sources a[href^="http"]::after{content:" (" attr(href) ")";font-size:.8em;color:#444;word-break:break-all}
a{color:#000}h2{break-after:avoid}li,.incident-card{break-inside:avoid}}
`

export const SITE_CSS = [THEME, BASE, CONTROLS, CARDS, ARTICLE, CHART_CSS, PRINT]
  .join('')
  .replace(/\n/g, '')
