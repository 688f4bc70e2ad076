# Shared by the UI tests: run the real app on SDL's offscreen driver with a script.
# ctest sets SCHOUDERS (the binary), SRC (the source tree) and OUT (screenshots).
set -u
: "${SCHOUDERS:?}" "${SRC:?}" "${OUT:?}"
mkdir -p "$OUT"
TMP=$(mktemp -d /tmp/schouders-ui-XXXXXX)
trap '[ -n "${KEEP:-}" ] || rm -rf "$TMP"' EXIT
FAILED=0
PASSED=0

fail() { echo "FAIL: $*" >&2; FAILED=$((FAILED + 1)); }
ok() { PASSED=$((PASSED + 1)); }
check() { # check "what" command...
  local what=$1; shift
  if "$@"; then ok; else fail "$what"; fi
}
# The app, headless, at a wall screen's size. Extra arguments go to the app.
app() {
  SDL_VIDEODRIVER=offscreen timeout 300 "$SCHOUDERS" --windowed --size 1920x1080 "$@"
}
# A script file from here-document text, with @OUT and @TMP filled in.
script() { sed -e "s|@OUT|$OUT|g" -e "s|@TMP|$TMP|g" > "$TMP/$1.script"; }
# The PIN keypad: set a new PIN (twice) or type it once.
pin_new() { for i in 1 2; do for d in $(echo "$1" | grep -o .); do echo "tap @pin.key.$d"; done; echo "tap @pin.ok"; done; }
pin_type() { for d in $(echo "$1" | grep -o .); do echo "tap @pin.key.$d"; done; echo "tap @pin.ok"; }
# jq on a dump: true/false.
dump_has() { jq -e "$2" "$1" > /dev/null; }
# jq -e with its own options (--arg ...), quietly: true/false.
jq_true() { jq -e "$@" > /dev/null; }
# An export against the contract's JSON Schema (export.schema.json), with Debian's
# python3-jsonschema; prints what is wrong. Debian's python3: the one CI has.
schema_valid() {
  /usr/bin/python3 - "$SRC/export.schema.json" "$1" <<'PY'
import json, sys, jsonschema
schema = json.load(open(sys.argv[1]))
jsonschema.Draft202012Validator.check_schema(schema)
errors = sorted(jsonschema.Draft202012Validator(schema).iter_errors(json.load(open(sys.argv[2]))), key=lambda e: list(e.path))
for e in errors[:5]:
    print(sys.argv[2], "/".join(map(str, e.path)) or "(top)", e.message[:300], file=sys.stderr)
sys.exit(1 if errors else 0)
PY
}
# Waits for a file to appear (a dump the app wrote, a signal): a state, never a guess
# at how fast the machine is. Gives up after two minutes.
await_file() { for _ in $(seq 1200); do [ -e "$1" ] && return 0; sleep 0.1; done; return 1; }
# Another program holding DB open (a lock, a reader's snapshot): hold_db DB SQL WORD
# runs SQL in a sqlite3 session and waits until it printed WORD; release_db commits
# and ends it. Its pipe is fd 7: start an app after hold_db with 7>&-.
hold_db() {
  rm -f "$TMP/hold_in" "$TMP/hold_out"
  mkfifo "$TMP/hold_in"
  sqlite3 "$1" < "$TMP/hold_in" > "$TMP/hold_out" &
  HOLD_PID=$!
  exec 7> "$TMP/hold_in"
  echo "$2" >&7
  for _ in $(seq 600); do grep -q "$3" "$TMP/hold_out" && break; sleep 0.1; done
}
release_db() { echo "COMMIT;" >&7; exec 7>&-; wait "$HOLD_PID"; }
# The command fails (quietly): a check that something is refused.
refused() { ! "$@" 2> /dev/null; }
finish() {
  echo "$PASSED passed, $FAILED failed"
  [ "$FAILED" -eq 0 ]
}
