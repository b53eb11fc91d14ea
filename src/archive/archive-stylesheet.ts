/** `assets/archive.css`: one stylesheet for the index, the web editions and the paper pages; light and dark, phone to desktop. */
export const ARCHIVE_STYLESHEET = `:root{color-scheme:light dark;--bg:#f3f4f6;--card:#fff;--text:#1f2937;--strong:#111827;--muted:#6b7280;--line:#e5e7eb;--link:#1d4ed8;--warn-bg:#fffbeb;--warn-line:#f59e0b;--warn-text:#78350f;--soft:#f3f4f6}
@media (prefers-color-scheme: dark){:root{--bg:#0b1120;--card:#111827;--text:#e5e7eb;--strong:#f3f4f6;--muted:#9ca3af;--line:#1f2937;--link:#93c5fd;--warn-bg:#422006;--warn-line:#b45309;--warn-text:#fde68a;--soft:#1f2937}}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;background:var(--bg);color:var(--text);font-family:-apple-system,BlinkMacSystemFont,'Segoe UI',Roboto,'Helvetica Neue',Arial,'DejaVu Sans',sans-serif;font-size:16px;line-height:1.55}
main,.site{max-width:760px;margin:0 auto;padding:16px 12px}
.site{padding-bottom:0;display:flex;flex-wrap:wrap;gap:4px 16px;font-size:14px}
a{color:var(--link)}
h1,h2,h3,strong{color:var(--strong)}
h1{font-size:26px;line-height:1.25;margin:8px 0 4px}
h2{font-size:21px;line-height:1.3;margin:0 0 6px}
h2 a{color:var(--strong);text-decoration:none}
h3{font-size:17px;margin:20px 0 8px}
.muted{color:var(--muted);font-size:14px;margin:0 0 2px}
.card{background:var(--card);border:1px solid var(--line);border-radius:12px;padding:20px 18px;margin:0 0 20px;overflow-wrap:anywhere;word-break:break-word}
.point-label{margin:14px 0 2px;font-weight:700;font-size:15px;color:var(--strong)}
.point{margin:0}
.reason{margin:10px 0 0;padding:6px 10px;border-left:3px solid var(--link);background:var(--soft);font-size:15px}
.more{margin:14px 0 0;font-weight:600}
figure{margin:18px 0 0;text-align:center}
figure img{display:block;max-width:100%;height:auto;max-height:720px;object-fit:contain;margin:0 auto;border-radius:10px}details.answer[open] .when-closed,details.answer:not([open]) .when-open{display:none}.tldr{font-weight:600}
figcaption{color:var(--muted);font-size:13px;margin-top:6px}
.warning{margin:18px 0 0;padding:10px 14px;border-radius:8px;background:var(--warn-bg);border:1px solid var(--warn-line);color:var(--warn-text);font-size:14px}
.warning strong{color:inherit}
.question{margin:14px 0 4px;font-weight:600}
details{margin:4px 0 0;padding:8px 12px;border-radius:8px;background:var(--soft)}
summary{cursor:pointer;font-weight:600;color:var(--link)}
dl.meta{display:grid;grid-template-columns:max-content 1fr;gap:2px 12px;margin:12px 0 0;font-size:14px}
dl.meta dt{color:var(--muted)}
dl.meta dd{margin:0;min-width:0}
.search{margin:12px 0 20px}
.search input{width:100%;font:inherit;padding:10px 12px;border:1px solid var(--line);border-radius:8px;background:var(--card);color:var(--text)}
.search ol{padding-left:22px}
.search button{font:inherit;font-size:15px;margin:6px 0 0;padding:6px 12px;border:1px solid var(--line);border-radius:8px;background:var(--card);color:var(--link);cursor:pointer}
.search li,.editions>li{margin:0 0 12px}
.episode audio{display:block;width:100%;margin:6px 0 10px}
.chapters{list-style:none;padding:0;margin:0 0 8px}
.chapters li{display:flex;align-items:center;gap:10px;margin:0 0 6px}
.chapters button{flex:1;min-width:0;min-height:40px;font:inherit;font-size:15px;line-height:1.35;text-align:left;overflow-wrap:anywhere;padding:8px 12px;border:1px solid var(--line);border-radius:8px;background:var(--card);color:var(--link);cursor:pointer}
.chapters button:hover,.chapters button:focus-visible{border-color:var(--link)}
.reader-feedback{margin:8px 0 14px}.reader-feedback button{font:inherit;font-size:15px;margin:0 6px 6px 0;padding:6px 12px;border:1px solid var(--line);border-radius:8px;background:var(--card);color:var(--link);cursor:pointer}
.chapters .muted{flex:none;margin:0;font-variant-numeric:tabular-nums}
.contents{margin:12px 0 20px;padding-left:22px;font-size:15px}.contents li{margin:0 0 8px}.contents .tldr{color:#555}.contents-heading{font-size:18px;margin:16px 0 4px}
.editions{list-style:none;padding:0}
.editions ul{margin:4px 0 0;padding-left:20px;font-size:15px}
footer{max-width:760px;margin:0 auto;padding:4px 12px 24px;color:var(--muted);font-size:13px}
@media (max-width:480px){.card{padding:16px 14px}h1{font-size:22px}h2{font-size:19px}}
`;
