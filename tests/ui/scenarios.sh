# Every scenario in tests/scenarios/ runs from an empty database and leaves a
# meeting; after a restart its export must satisfy NAME.check (a jq expression).
. "$(dirname "$0")/lib.sh"
for s in "$SRC"/tests/scenarios/*.script; do
  name=$(basename "$s" .script)
  db="$TMP/$name.db"
  sed -e "s|@OUT|$OUT|g" -e "s|@TMP|$TMP|g" "$s" > "$TMP/$name.script"
  check "$name: the script runs to its end" app --db "$db" --script "$TMP/$name.script"
  # Restart: the app opens the same file and shows the meeting on Home.
  script restart <<EOS
dump $TMP/$name.home.json
quit
EOS
  check "$name: the app starts again on the same database" app --db "$db" --script "$TMP/restart.script"
  check "$name: Home lists the meeting after the restart" \
    dump_has "$TMP/$name.home.json" '[.widgets[] | select(.id == "home.meeting.0")] | length == 1'
  id=$(sqlite3 "$db" "SELECT max(id) FROM meetings" 2>/dev/null || echo 1)
  check "$name: export runs" "$SCHOUDERS" export --db "$db" --meeting "${id:-1}" --format json --out "$TMP/$name.json"
  if [ -f "$SRC/tests/scenarios/$name.check" ]; then
    check "$name: the export holds what the script made" jq -e "$(cat "$SRC/tests/scenarios/$name.check")" "$TMP/$name.json"
  fi
done
finish
