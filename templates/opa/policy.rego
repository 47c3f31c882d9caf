# ztc application-layer policy. Written once; everything project-specific is in data.ztc
# (data.json, generated from the IR). Default deny: a request is allowed when one route of its
# asset matches method, path and caller, and every condition of that route holds.
#
# Two input shapes (docs/opa-bundle.md):
#   Envoy ext_authz: input.attributes.request.http {method, path, headers}; the caller comes from
#                    x-ztc-* headers that the identity-aware proxy sets (and the PEP strips from clients).
#   plain JSON:      {resource, method, path, subject{...}, device{posture}, source_ip, time}
package ztc.authz

default allow := false

allow if decision.allow

decision := {"allow": true, "granted_by": sort([id | some id in granting]), "reasons": []} if {
	count(granting) > 0
} else := {"allow": false, "granted_by": [], "reasons": deny_reasons}

# --- the request, in one internal shape whatever the PEP sent; a missing fact is null ---

req := envoy_request if input.attributes

req := plain_request if not input.attributes

envoy_request := {
	"method": string_or_null(object.get(http, "method", null)),
	"raw_path": string_or_null(object.get(http, "path", null)),
	"resource": null,
	"user": string_or_null(object.get(headers, "x-ztc-user", null)),
	"groups": comma_list(object.get(headers, "x-ztc-groups", "")),
	"service": string_or_null(object.get(headers, "x-ztc-service", null)),
	"mfa": object.get(headers, "x-ztc-mfa", "") == "true",
	"posture": string_or_null(object.get(headers, "x-ztc-device-posture", null)),
	"risk": string_or_null(object.get(headers, "x-ztc-risk", null)),
	"session_age": digits_or_null(object.get(headers, "x-ztc-session-age", null)),
	"source_ip": string_or_null(object.get(input.attributes, ["source", "address", "socketAddress", "address"], null)),
	# Envoy stamps the request time; without it the PDP's own clock decides
	"time_ns": time_or_now(object.get(input.attributes, ["request", "time"], null)),
}

http := object.get(input.attributes, ["request", "http"], {})

headers := h if {
	h := http.headers
	is_object(h)
} else := {}

plain_request := {
	"method": string_or_null(object.get(input, "method", null)),
	"raw_path": string_or_null(object.get(input, "path", null)),
	"resource": string_or_null(object.get(input, "resource", null)),
	"user": string_or_null(object.get(subject, "user", null)),
	"groups": [g | some g in object.get(subject, "groups", []); is_string(g)],
	"service": string_or_null(object.get(subject, "service", null)),
	"mfa": object.get(subject, "mfa", false) == true,
	"posture": string_or_null(object.get(input, ["device", "posture"], null)),
	"risk": string_or_null(object.get(subject, "risk", null)),
	"session_age": number_or_null(object.get(subject, "session_age_seconds", null)),
	"source_ip": string_or_null(object.get(input, "source_ip", null)),
	# the plain shape names its time; a route with hours denies a request without one
	"time_ns": time_or_null(object.get(input, "time", null)),
}

subject := s if {
	s := input.subject
	is_object(s)
} else := {}

# --- which asset: the one named, or (Envoy, or no resource given) the longest base path above the path ---

path := normal_path(req.raw_path)

asset_id := trim_prefix(req.resource, "asset:") if is_string(req.resource)

asset_id := longest_base_asset if req.resource == null

longest_base_asset := ids[0] if {
	lengths := [count(p) | some p in base_paths_above]
	best := [p | some p in base_paths_above; count(p) == max(lengths)][0]
	ids := data.ztc.base_paths[best]
	count(ids) == 1 # two assets on one base path: ambiguous, so neither
}

base_paths_above contains p if {
	segments := split(trim_prefix(path, "/"), "/")
	some n in numbers.range(1, count(segments))
	p := concat("/", array.concat([""], array.slice(segments, 0, n)))
	data.ztc.base_paths[p]
}

base_paths_above contains "/" if data.ztc.base_paths["/"]

asset := data.ztc.assets[asset_id]

problems contains "request has no method" if not is_string(req.method)

problems contains "path has no normal form" if not path

problems contains "no asset serves this path" if {
	path
	not asset_id
}

problems contains sprintf("asset %s is not served by this bundle", [asset_id]) if {
	asset_id
	not asset
}

problems contains sprintf("path is outside base path %s", [asset.base_path]) if {
	path
	not under(path, asset.base_path)
}

under(_, "/")

under(p, base) if p == base

under(p, base) if startswith(p, concat("", [base, "/"]))

# --- routes: only the asset's routes for the method are looked at ---

candidates contains i if {
	count(problems) == 0
	some i in object.get(asset.routes_by_method, req.method, [])
	route := asset.routes[i]
	path_matches(route.paths, path)
	caller_matches(route)
}

granting contains rule_id if {
	some i in candidates
	count(failures(asset.routes[i])) == 0
	some rule_id in asset.routes[i].rule_ids
}

deny_reasons := sort([p | some p in problems]) if {
	count(problems) > 0
} else := ["no route matches"] if {
	count(candidates) == 0
} else := sort([reason |
	some i in candidates
	route := asset.routes[i]
	some failure in failures(route)
	some rule_id in route.rule_ids
	reason := concat(": ", [rule_id, failure])
])

path_matches(paths, p) if p in paths.exact

path_matches(paths, p) if {
	some exact in paths.exact
	p == concat("", [exact, "/"]) # an exact path also matches with one trailing slash
}

path_matches(paths, p) if {
	some prefix in paths.prefix
	startswith(p, prefix)
}

caller_matches(route) if {
	route.subject.kind == "group"
	route.subject.id in req.groups
}

# a group membership the inventory records counts as much as one the proxy asserts
caller_matches(route) if {
	route.subject.kind == "group"
	is_string(req.user)
	route.subject.id in object.get(data.ztc.users, req.user, [])
}

caller_matches(route) if {
	route.subject.kind == "user"
	req.user == route.subject.id
}

# a service is only itself from its segment: the source_cidrs condition checks that
caller_matches(route) if {
	route.subject.kind == "service"
	req.service == route.subject.id
}

caller_matches(route) if {
	route.subject.kind in {"segment", "location"}
	source_in(route.source_cidrs)
}

# --- conditions, in the intent evaluator's order: mfa, device, source, hours, session, risk ---

failures(route) := [f |
	some f in [
		mfa_failure(route), device_failure(route), source_failure(route),
		hours_failure(route), session_failure(route), risk_failure(route),
	]
	f != ""
]

mfa_failure(route) := "mfa required" if {
	route.mfa
	req.mfa != true
} else := ""

device_failure(route) := sprintf("device posture %v is not one of %v", [req.posture, route.device_postures]) if {
	count(route.device_postures) > 0
	not req.posture in route.device_postures
} else := ""

source_failure(route) := sprintf("source %v is not in %v", [req.source_ip, route.source_cidrs]) if {
	route.source_pinned
	not source_in(route.source_cidrs)
} else := ""

source_in(cidrs) if {
	is_string(req.source_ip)
	not contains(req.source_ip, "/") # one address, not a block
	some cidr in cidrs
	net.cidr_contains(cidr, req.source_ip)
}

hours_failure(route) := "" if {
	not route.hours
} else := "no request time" if {
	req.time_ns == null
} else := sprintf("outside hours %s", [route.hours.text]) if {
	not within_hours(route.hours, req.time_ns)
} else := ""

# [start, end) in the zone the rule names; an end before the start spans midnight, owned by the start day
within_hours(h, ns) if {
	h.start_minute <= h.end_minute
	t := second_of_day(ns, h.zone)
	t >= h.start_minute * 60
	t < h.end_minute * 60
	iso_day(ns, h.zone) in h.days
}

within_hours(h, ns) if {
	h.end_minute < h.start_minute
	second_of_day(ns, h.zone) >= h.start_minute * 60
	iso_day(ns, h.zone) in h.days
}

within_hours(h, ns) if {
	h.end_minute < h.start_minute
	second_of_day(ns, h.zone) < h.end_minute * 60
	day_before := ((iso_day(ns, h.zone) + 5) % 7) + 1
	day_before in h.days
}

second_of_day(ns, zone) := ((c[0] * 60) + c[1]) * 60 + c[2] if c := time.clock([ns, zone])

iso_day(ns, zone) := {
	"Monday": 1, "Tuesday": 2, "Wednesday": 3, "Thursday": 4,
	"Friday": 5, "Saturday": 6, "Sunday": 7,
}[time.weekday([ns, zone])]

session_failure(route) := "" if {
	not route.max_session_seconds
} else := "no session age" if {
	req.session_age == null
} else := sprintf("session age %vs exceeds %vs", [req.session_age, route.max_session_seconds]) if {
	req.session_age > route.max_session_seconds
} else := ""

risk_failure(route) := "" if {
	not route.max_risk
} else := "no sign-in risk" if {
	not data.ztc.risk_levels[req.risk]
} else := sprintf("sign-in risk %s above %s", [req.risk, route.max_risk]) if {
	data.ztc.risk_levels[req.risk] > data.ztc.risk_levels[route.max_risk]
} else := ""

# --- paths, normalized as ztc's model/HttpPath does: decode everything, drop "." and empty
# segments, resolve ".."; climbing above the root, a backslash, a control character, invalid
# UTF-8, an encoded "/", "\" or ".", a ";", more than 2048 characters or 128 segments, or a path
# that changes when normalized again (encoded twice) has no normal form ---

normal_path(raw) := p if {
	p := normalize_once(raw)
	normalize_once(p) == p
}

normalize_once(raw) := p if {
	is_string(raw)
	before_query := regex.split(`[?#]`, raw)[0]
	startswith(before_query, "/")
	count(before_query) <= 2048
	# an encoded "/", "\" or "." and a ";" path parameter mean one thing here and another to some backends
	not regex.match(`(?i)%2f|%5c|%2e|;`, before_query)
	decoded := urlquery.decode(replace(before_query, "+", "%2B")) # "+" is a plus in a path
	json.unmarshal(json.marshal(decoded)) == decoded # valid UTF-8 survives the round trip
	not regex.match(`[\\\x00-\x1f\x7f]`, decoded)
	tokens := [s | some s in split(decoded, "/"); s != ""; s != "."]
	count(tokens) <= 128 # bounds the quadratic ".." resolution below
	depths := [depth(tokens, i) | some i, _ in tokens]
	every d in depths { d >= 0 }
	kept := [s | some i, s in tokens; s != ".."; not popped(depths, i)]
	p := with_trailing_slash(concat("/", array.concat([""], kept)), decoded, kept)
}

depth(tokens, i) := count([1 | some j, t in tokens; j <= i; t != ".."]) - count([1 | some j, t in tokens; j <= i; t == ".."])

# a segment is undone by a later ".." that takes the depth below its own
popped(depths, i) if {
	some j, d in depths
	j > i
	d < depths[i]
}

with_trailing_slash(joined, decoded, kept) := "/" if {
	count(kept) == 0
} else := concat("", [joined, "/"]) if {
	endswith(decoded, "/")
} else := joined

# --- helpers: anything of the wrong type is null, and null fails every condition that needs it ---

string_or_null(x) := x if is_string(x) else := null

number_or_null(x) := x if is_number(x) else := null

digits_or_null(x) := to_number(x) if {
	is_string(x)
	regex.match(`^[0-9]{1,12}$`, x)
} else := null

comma_list(x) := [g | some part in split(x, ","); g := trim_space(part); g != ""] if is_string(x) else := []

time_or_null(x) := time.parse_rfc3339_ns(x) if is_string(x) else := null

time_or_now(x) := time.parse_rfc3339_ns(x) if is_string(x) else := time.now_ns()
