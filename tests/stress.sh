#!/usr/bin/env bash
# make stress: the whole suite as CI may meet it, not as a quiet desk does. Every run
# has one busy loop per core beside it (other processes at the same priority), and
# all but the first run at a date where clocks and calendars go wrong, through
# libfaketime: the last minute of a year, a leap day, and the two nights the clocks
# change in the Netherlands. Every run is in Europe/Amsterdam, where the app is used.
# Usage: tests/stress.sh BUILD_DIR (a `make test-build` tree). Prints a table; exits 1
# when any run failed. STRESS_RUNS="name ..." picks runs.
set -u
build=$(cd "${1:?usage: tests/stress.sh BUILD_DIR}" && pwd)
lib=$(dpkg -L libfaketime 2> /dev/null | grep '/libfaketimeMT\.so\.1$' | head -n 1)
[ -n "$lib" ] || { echo "stress: libfaketime is not installed (apt-get install faketime)" >&2; exit 2; }
[ -e /usr/share/zoneinfo/Europe/Amsterdam ] || { echo "stress: tzdata is not installed" >&2; exit 2; }

# name, and the moment (UTC) the run starts at; "now" is today, unfaked.
runs=(
  "busy now"
  "year-end 2026-12-31T22:59:00Z"   # 23:59 in Amsterdam: the run crosses into 2027
  "leap-day 2028-02-29T11:00:00Z"   # midday on 29 February
  "spring 2027-03-28T00:59:00Z"     # 01:59 CET; at 02:00 the clocks jump to 03:00
  "autumn 2027-10-31T00:59:00Z"     # 02:59 CEST; at 03:00 the clocks fall back to 02:00
)
want=${STRESS_RUNS:-}

busy=()
stop_busy() { for p in "${busy[@]}"; do kill "$p" 2> /dev/null; done; busy=(); }
trap stop_busy EXIT
for _ in $(seq "$(nproc)"); do
  (exec bash -c 'while :; do :; done') &
  busy+=($!)
done

results=()
status=0
for run in "${runs[@]}"; do
  read -r name at <<< "$run"
  [ -z "$want" ] || [[ " $want " == *" $name "* ]] || continue
  log="$build/stress-$name.log"
  env=(TZ=Europe/Amsterdam ASAN_OPTIONS=verify_asan_link_order=0)
  if [ "$at" != now ]; then
    # An offset, not a fixed start: every process of the run (the app, sqlite3, jq,
    # a restarted app) sees the same clock, moving on as it does. Monotonic time
    # stays real so timeouts and sleeps keep their length.
    off=$(($(date -d "$at" +%s) - $(date +%s)))
    env+=(LD_PRELOAD="$lib" FAKETIME="$( [ "$off" -ge 0 ] && echo +)$off" FAKETIME_DONT_FAKE_MONOTONIC=1)
  fi
  echo "stress: $name ($at), $(nproc) busy loops; log in $log"
  t0=$(date +%s)
  (cd "$build" && env "${env[@]}" ctest --output-on-failure -j"$(nproc)" --timeout 300) > "$log" 2>&1
  rc=$?
  secs=$(($(date +%s) - t0))
  summary=$(grep -E 'tests passed' "$log" | tail -n 1)
  failed=$(sed -n '/The following tests FAILED/,$p' "$log" | grep -E '^\s+[0-9]+ - ' | awk '{print $3}' | paste -sd, -)
  [ "$rc" = 0 ] || status=1
  results+=("$(printf '| %-9s | %-20s | %5d s | %s%s |' "$name" "$at" "$secs" "${summary:-no summary}" "${failed:+ (failed: $failed)}")")
done
stop_busy

echo
echo "| run       | starts at (UTC)      |    time | result |"
echo "| ---       | ---                  |     --- | ---    |"
printf '%s\n' "${results[@]}"
exit "$status"
