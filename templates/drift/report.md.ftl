## ztc drift: [=project] — [=status]

[=exitMeaning]. Read at [=readAt] against the compiled intent revision [=revision].

[#if unknownLayers?has_content]
**Unknown** (could not be read, so nothing is known about their drift):

[#list unknownLayers as u]
- **[=u.name]**: [=u.why]
[/#list]

[/#if]
| layer | status | missing | unexpected | changed | unmanaged |
|---|---|---:|---:|---:|---:|
[#list layerCharts as l]
| [=l.title] | [=l.status] |[#list l.bars as b] [=b.count] |[#else] – | – | – | – |[/#list]
[/#list]

| severity | [#list bySeverity as c][=c.label] | [/#list]suppressed |
|---|[#list bySeverity as c]---:|[/#list]---:|
| drifting items | [#list bySeverity as c][=c.count] | [/#list][=suppressed] |

| CISA pillar | status | missing | unexpected | changed | unmanaged |
|---|---|---:|---:|---:|---:|
[#list pillarCharts as p]
| [=p.title] | [=p.status] |[#list p.bars as b] [=b.count] |[#else] – | – | – | – |[/#list]
[/#list]
[#list layers as layer]

### [=layer.layer]: [=layer.status]

Sources: [=layer.sources]; intended objects [=layer.intended], live objects [=layer.live].

[#if layer.unknownBecause?has_content]
Unknown: [=layer.unknownBecause]
[#elseif !layer.rows?has_content]
No drift.
[#else]
| kind | severity | object | matrix rules | field: intended → live | suppressed |
|---|---|---|---|---|---|
[#list layer.rows as row]
| [=row.kind] | [=row.severity] | [=row.object] | [=row.rules] | [#list row.changes as c][=c.field]: [=c.intended] → [=c.live][#sep]; [/#sep][/#list] | [=row.suppression] |
[/#list]
[/#if]
[/#list]
[#if notChecked?has_content]

Not checked (no source was asked to read them): [#list notChecked as n][=n.name][#sep], [/#sep][/#list].
[/#if]
