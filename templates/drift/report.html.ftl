<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>ztc drift: [=project] — [=status]</title>
<style>
  body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif; color: #1f2933; margin: 0; background: #f4f6f8; }
  main { max-width: 1180px; margin: 0 auto; padding: 24px 28px 48px; }
  h1 { font-size: 26px; margin: 0 0 4px; }
  h2 { font-size: 19px; margin: 32px 0 10px; border-bottom: 2px solid #d9e2ec; padding-bottom: 4px; }
  h3 { font-size: 16px; margin: 22px 0 8px; }
  .meta { color: #52606d; margin: 0 0 16px; }
  .banner { display: flex; align-items: center; gap: 18px; padding: 16px 20px; border-radius: 8px; color: #fff; margin-bottom: 18px; }
  .banner .word { font-size: 28px; font-weight: 700; text-transform: uppercase; letter-spacing: .04em; }
  .banner.in-sync { background: #2b8a3e; } .banner.drifted { background: #d9480f; } .banner.unknown { background: #c92a2a; }
  .cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(250px, 1fr)); gap: 14px; }
  .card { background: #fff; border: 1px solid #d9e2ec; border-radius: 8px; padding: 12px 16px; }
  .card h3 { margin: 0 0 8px; font-size: 14px; text-transform: uppercase; letter-spacing: .05em; color: #52606d; }
  .card table { width: 100%; border-collapse: collapse; } .card td { padding: 2px 0; } .card td.n { text-align: right; font-weight: 700; }
  .alert { background: #fff5f5; border: 2px solid #c92a2a; color: #8a1c1c; border-radius: 8px; padding: 10px 16px; margin: 14px 0; }
  .alert h3 { margin: 0 0 6px; color: #c92a2a; }
  .quiet { color: #52606d; }
  .charts { display: grid; grid-template-columns: repeat(auto-fill, minmax(300px, 1fr)); gap: 14px; }
  .charts.four { grid-template-columns: repeat(4, minmax(0, 1fr)); }
  .chart svg { max-width: 100%; height: auto; }
  .chart { background: #fff; border: 1px solid #d9e2ec; border-radius: 8px; padding: 10px 14px; }
  .chart h3 { margin: 0 0 4px; font-size: 15px; display: flex; justify-content: space-between; align-items: flex-start; gap: 6px; }
  .chart h3 .pill { flex: none; }
  .chart p { margin: 0 0 4px; font-size: 13px; }
  svg text { font: 12px system-ui, "DejaVu Sans", sans-serif; fill: #1f2933; }
  .bar.missing { fill: #e8590c; } .bar.unexpected { fill: #c2255c; } .bar.changed { fill: #f59f00; } .bar.unmanaged { fill: #868e96; }
  .dot.in-sync { fill: #2b8a3e; } .dot.drifted { fill: #d9480f; } .dot.unknown { fill: #c92a2a; }
  .line { fill: none; stroke: #486581; stroke-width: 2; } .axis { stroke: #bcccdc; stroke-width: 1; }
  .pill { display: inline-block; padding: 1px 9px; border-radius: 10px; font-size: 12px; font-weight: 700; color: #fff; text-transform: uppercase; }
  .pill.in-sync { background: #2b8a3e; } .pill.drifted { background: #d9480f; } .pill.unknown { background: #c92a2a; } .pill.not-checked { background: #9aa5b1; }
  .pill.critical { background: #862e9c; } .pill.high { background: #c92a2a; } .pill.medium { background: #e67700; } .pill.low { background: #5c7cfa; }
  table.items { width: 100%; table-layout: fixed; border-collapse: collapse; background: #fff; border: 1px solid #d9e2ec; font-size: 14px; }
  table.items th { text-align: left; background: #e4e7eb; padding: 6px 8px; }
  table.items td { border-top: 1px solid #e4e7eb; padding: 6px 8px; vertical-align: top; }
  table.items tr.suppressed td { color: #7b8794; background: #f8f9fa; }
  code, .mono { font-family: ui-monospace, "DejaVu Sans Mono", Menlo, monospace; font-size: 13px; word-break: break-all; }
  .diff { margin: 0; padding: 0; list-style: none; }
  .diff del { background: #ffe3e3; text-decoration: none; } .diff ins { background: #d3f9d8; text-decoration: none; }
  .kind { font-weight: 700; } .kind.missing { color: #e8590c; } .kind.unexpected { color: #c2255c; } .kind.changed { color: #b06d00; } .kind.unmanaged { color: #52606d; }
  footer { margin-top: 36px; color: #7b8794; font-size: 13px; }
</style>
</head>
<body>
<main>
<h1>Drift report: [=project]</h1>
<p class="meta">Read at <span class="mono">[=readAt]</span> against the compiled intent revision <span class="mono">[=revision]</span></p>

<section id="summary">
<div class="banner [=status]"><span class="word">[=status]</span><span>[=exitMeaning]</span></div>
[#if unknownLayers?has_content]
<div class="alert" id="unknown">
<h3>Unknown: these layers could not be read, so nothing is known about their drift</h3>
<ul>
[#list unknownLayers as u]
<li><strong>[=u.name]</strong>: [=u.why]</li>
[/#list]
</ul>
</div>
[/#if]
<div class="cards">
<div class="card"><h3>Items by kind</h3><table>
[#list byKind as c]<tr><td><span class="kind [=c.label]">[=c.label]</span></td><td class="n">[=c.count]</td></tr>
[/#list]</table></div>
<div class="card"><h3>Drift by severity</h3><table>
[#list bySeverity as c]<tr><td><span class="pill [=c.label]">[=c.label]</span></td><td class="n">[=c.count]</td></tr>
[/#list]<tr><td class="quiet">suppressed (shown, not counted)</td><td class="n">[=suppressed]</td></tr></table></div>
<div class="card"><h3>Layers</h3><table>
[#list layerCharts as l]<tr><td>[=l.title]</td><td class="n"><span class="pill [=l.status]">[=l.status]</span></td></tr>
[/#list]</table></div>
</div>
[#if notChecked?has_content]
<p class="quiet">Not checked (no source was asked to read them; not the same as unknown):
[#list notChecked as n][=n.name][#sep], [/#sep][/#list].</p>
[/#if]
</section>

<section id="charts">
<h2>By layer</h2>
<div class="charts four">
[#list layerCharts as chart][@barChart chart/][/#list]
</div>
<h2>By CISA Zero Trust pillar</h2>
<div class="charts">
[#list pillarCharts as chart][@barChart chart/][/#list]
</div>
<h2>Trend</h2>
<div class="chart" id="trend">
<p>Drifting items (unsuppressed) over the last [=trend.runs] run(s), from [=trend.first] to [=trend.last]; red dots: a layer was unknown.[#if skippedHistoryLines > 0] [=skippedHistoryLines] unreadable line(s) of the history file were skipped.[/#if]</p>
<svg role="img" aria-label="trend of drifting items" width="[=trend.width]" height="[=trend.height + 16]" viewBox="0 0 [=trend.width] [=trend.height + 16]">
<line class="axis" x1="0" y1="[=trend.height - 14]" x2="[=trend.width]" y2="[=trend.height - 14]"/>
<text x="2" y="12">max [=trend.max]</text>
[#if trend.runs > 1]<polyline class="line" points="[=trend.points]"/>[/#if]
[#list trend.dots as d]<circle class="dot [=d.status]" cx="[=d.x]" cy="[=d.y]" r="5"><title>[=d.title]</title></circle>
[/#list]
<text x="2" y="[=trend.height + 12]">oldest</text><text x="[=trend.width - 2]" y="[=trend.height + 12]" text-anchor="end">this run</text>
</svg>
</div>
</section>

<section id="tables">
[#list layers as layer]
<h2 id="layer-[=layer.layer]">[=layer.layer] <span class="pill [=layer.status]">[=layer.status]</span></h2>
<p class="meta">Sources: <span class="mono">[=layer.sources]</span> · intended objects [=layer.intended] · live objects [=layer.live]</p>
[#if layer.unknownBecause?has_content]
<div class="alert"><strong>Unknown:</strong> [=layer.unknownBecause]</div>
[#elseif !layer.rows?has_content]
<p>No drift: every intended object is live as intended, and nothing else is.</p>
[#else]
<table class="items">
<colgroup><col style="width: 11%"><col style="width: 9%"><col style="width: 29%"><col style="width: 10%"><col style="width: 24%"><col style="width: 17%"></colgroup>
<thead><tr><th>kind</th><th>severity</th><th>object</th><th>matrix rules</th><th>field: intended → live</th><th>suppressed</th></tr></thead>
<tbody>
[#list layer.rows as row]
<tr[#if row.suppression?has_content] class="suppressed"[/#if]>
<td><span class="kind [=row.kind]">[=row.kind]</span>[#if row.checkId?has_content] <span class="quiet">[=row.checkId]</span>[/#if]</td>
<td><span class="pill [=row.severity]">[=row.severity]</span></td>
<td><code>[=row.object]</code></td>
<td>[=row.rules]</td>
<td>[#if row.changes?has_content]<ul class="diff">[#list row.changes as c]<li><code>[=c.field]</code>: <del class="mono">[=c.intended]</del> → <ins class="mono">[=c.live]</ins></li>[/#list]</ul>[/#if]</td>
<td>[=row.suppression]</td>
</tr>
[/#list]
</tbody>
</table>
[/#if]
[/#list]
</section>
<footer>Generated by ztc drift. Exit codes: 0 nothing drifted, 1 something drifted, 2 a source could not be read.</footer>
</main>
</body>
</html>
[#macro barChart chart]
<div class="chart">
<h3><span>[=chart.title]</span><span class="pill [=chart.status]">[=chart.status]</span></h3>
[#if chart.note?has_content]<p class="quiet">[=chart.note]</p>[/#if]
[#if chart.bars?has_content]
<svg role="img" aria-label="[=chart.title] by kind" width="[=chart.width]" height="[=chart.height]" viewBox="0 0 [=chart.width] [=chart.height]">
[#list chart.bars as b]<text x="0" y="[=b.textY]">[=b.kind]</text><rect class="bar [=b.kind]" x="[=b.x]" y="[=b.y]" width="[=b.width]" height="16" rx="2"/><text x="[=b.countX]" y="[=b.textY]">[=b.count]</text>
[/#list]</svg>
[/#if]
</div>
[/#macro]
