{
  "Version": "2012-10-17",
  "Statement": [
[#list statements as statement]
    {
      "Sid": "[=statement.sid]",
      "Effect": "Allow",
      "Action": [
[#list statement.actions as action]
        "[=action]"[#sep],[/#sep]
[/#list]
      ],
      "Resource": [
[#list statement.resources as resource]
        "[=resource]"[#sep],[/#sep]
[/#list]
      ][#if statement.hasConditions],
      "Condition": {
[#list statement.conditions as operator]
        "[=operator.operator]": {
[#list operator.keys as key]
          "[=key.key]": [#if key.single]"[=key.values[0]]"[#else][[#list key.values as value]"[=value]"[#sep], [/#sep][/#list]][/#if][#sep],[/#sep]
[/#list]
        }[#sep],[/#sep]
[/#list]
      }[/#if]
    }[#sep],[/#sep]
[/#list]
  ]
}
