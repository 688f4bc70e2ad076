# Every scenario in tests/scenarios/ runs from an empty database and leaves a
# meeting; after a restart its export must satisfy NAME.check (a jq expression)
# and the contract's JSON Schema. A script's "# app: ARGS" line adds arguments
# (plan.script fills the demo meeting: "# app: --demo").
. "$(dirname "$0")/lib.sh"
for s in "$SRC"/tests/scenarios/*.script; do
  name=$(basename "$s" .script)
  db="$TMP/$name.db"
  export ERR="$TMP/$name.err"
  sed -e "s|@OUT|$OUT|g" -e "s|@TMP|$TMP|g" "$s" > "$TMP/$name.script"
  args=$(sed -n 's/^# app: //p' "$s")
  # shellcheck disable=SC2086 # the line's words are arguments
  # Every third frame drawn in part (only what changed) is checked against the same
  # frame drawn whole: a pixel that differs is a change the screen did not show.
  check "$name: the script runs to its end" env SCHOUDERS_CHECK_REDRAW=3 \
    bash -c 'SDL_VIDEODRIVER=offscreen timeout 300 "$SCHOUDERS" --windowed --size 1920x1080 "$@" 2> "$ERR"; r=$?; cat "$ERR" >&2; exit $r' _ \
    --db "$db" $args --script "$TMP/$name.script"
  check "$name: every frame drawn in part equals the frame drawn whole" refused grep -m3 "redraw:" "$ERR"
  # Restart: the app opens the same file and is back in the meeting the script left
  # on screen (a kiosk comes back where the room was).
  script restart <<EOS
dump $TMP/$name.home.json
quit
EOS
  check "$name: the app starts again on the same database" app --db "$db" --script "$TMP/restart.script"
  id=$(sqlite3 "$db" "SELECT max(id) FROM meetings" 2>/dev/null || echo 1)
  title=$(sqlite3 "$db" "SELECT title FROM meetings WHERE id=${id:-1}" 2>/dev/null)
  check "$name: after the restart the meeting ($title) is on screen again" \
    jq_true --arg t "$title" '.screen == "meeting" and ([.texts[].label] | index($t))' "$TMP/$name.home.json"

  check "$name: export runs" "$SCHOUDERS" export --db "$db" --meeting "${id:-1}" --format json --out "$TMP/$name.json"
  if [ -f "$SRC/tests/scenarios/$name.check" ]; then
    check "$name: the export holds what the script made" jq -e "$(cat "$SRC/tests/scenarios/$name.check")" "$TMP/$name.json"
  fi
  check "$name: the export follows export.schema.json" schema_valid "$TMP/$name.json"
  # Its operations, replayed into an empty file through the same checks, make the
  # same meeting: same ids, texts and times (the contract a second device uses).
  check "$name: its operations are printed" "$SCHOUDERS" ops --db "$db" --meeting "${id:-1}" > "$TMP/$name.ops"
  check "$name: the log holds the meeting's steps" test "$(grep -c '"kind":"meeting_create"' "$TMP/$name.ops")" = 1
  check "$name: replay applies every one" "$SCHOUDERS" replay --db "$TMP/$name.replay.db" --ops "$TMP/$name.ops"
  "$SCHOUDERS" export --db "$TMP/$name.replay.db" --meeting "${id:-1}" --format json --out "$TMP/$name.replay.json"
  check "$name: the replayed meeting exports identically" cmp -s <(jq -S . "$TMP/$name.json") <(jq -S . "$TMP/$name.replay.json")
  # The check can fail: the same export with a role the contract does not know.
  jq '.participants[0].role = "mama"' "$TMP/$name.json" > "$TMP/$name.bad.json"
  check "$name: a role outside the contract is refused by the schema" refused schema_valid "$TMP/$name.bad.json"

done
finish
