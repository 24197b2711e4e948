#!/bin/bash
# Container healthcheck: GET /actuator/health/readiness on the service's own port and succeed on status UP.
# Written against bash's /dev/tcp because the JRE image ships neither curl nor wget.
# Port: $1, else SERVER_PORT (set by docker-compose.yml), else 8080.
set -u
port="${1:-${SERVER_PORT:-8080}}"
exec 3<>"/dev/tcp/127.0.0.1/${port}" || exit 1
printf 'GET /actuator/health/readiness HTTP/1.0\r\nHost: localhost\r\nAccept: application/json\r\n\r\n' >&3
response="$(cat <&3)"
exec 3<&-
# the status line says 200 only when the readiness group is UP (503 for DOWN or OUT_OF_SERVICE)
[[ "${response%%$'\r'*}" == HTTP/1.?" 200"* ]] && [[ "${response}" == *'"status":"UP"'* ]]
