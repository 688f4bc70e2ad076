# Bad databases and bad layouts: a clear screen naming the file and the problem,
# the file never written, a new file beside it on request; a second app on the
# same file is told so at once; a broken layout is named with its line.
. "$(dirname "$0")/lib.sh"

# A damaged file: the error screen, the file untouched, then a new file beside it.
head -c 16384 /dev/urandom > "$TMP/broken.db"
before=$(sha256sum < "$TMP/broken.db")
script corrupt <<'EOS'
dump @TMP/corrupt.json
shot @OUT/error_corrupt.png
tap @error.newfile
dump @TMP/after_new.json
quit
EOS
app --db "$TMP/broken.db" --script "$TMP/corrupt.script" 2> "$TMP/err"; rc=$?
check "a damaged database does not end the app" test "$rc" -eq 0
check "the error screen shows" dump_has "$TMP/corrupt.json" '.screen == "error"'
check "it names the file" dump_has "$TMP/corrupt.json" '[.texts[].label | select(contains("broken.db"))] | length > 0'
check "it says the file is damaged" dump_has "$TMP/corrupt.json" '[.texts[].label | select(contains("beschadigd"))] | length > 0'
check "the damaged file is not written" test "$before" = "$(sha256sum < "$TMP/broken.db")"
check "no journal was made beside it" test ! -e "$TMP/broken.db-wal"
check "a new file beside it" test -s "$TMP/broken-2.db"
check "the new file starts with the PIN" dump_has "$TMP/after_new.json" '.screen == "pin_new"'

# Made by a newer Schouders.
sqlite3 "$TMP/newer.db" "CREATE TABLE t(x); PRAGMA user_version=99;"
before=$(sha256sum < "$TMP/newer.db")
script newer <<'EOS'
dump @TMP/newer.json
quit
EOS
app --db "$TMP/newer.db" --script "$TMP/newer.script" 2> /dev/null
check "a newer database gets the error screen" dump_has "$TMP/newer.json" '[.texts[].label | select(contains("nieuwere versie"))] | length > 0'
check "and is not written" test "$before" = "$(sha256sum < "$TMP/newer.db")"

# A folder that does not exist.
script nodir <<'EOS'
dump @TMP/nodir.json
quit
EOS
app --db "$TMP/no/such/folder/x.db" --script "$TMP/nodir.script" 2> /dev/null; rc=$?
check "a missing folder does not crash the app" test "$rc" -eq 0
check "a missing folder is explained" dump_has "$TMP/nodir.json" '.screen == "error" and ([.texts[].label | select(contains("bestaat niet"))] | length > 0)'
check "no new-file button where no file can be made" dump_has "$TMP/nodir.json" '[.widgets[] | select(.id == "error.newfile")] | length == 0'

# A second app on the same database, while the first holds it: told, and no hang
# (the file is claimed with a lock that does not wait).
script first <<EOS
$(pin_new 1234)
dump @TMP/first_open.json
await @TMP/second_done
quit
EOS
app --db "$TMP/shared.db" --script "$TMP/first.script" 2> /dev/null &
first=$!
await_file "$TMP/first_open.json"
script second <<'EOS'
dump @TMP/second.json
quit
EOS
app --db "$TMP/shared.db" --script "$TMP/second.script" 2> /dev/null; rc=$?
touch "$TMP/second_done"
wait $first
check "the second app does not hang on the file (status $rc)" test "$rc" -eq 0
check "the second app says the file is in use" dump_has "$TMP/second.json" '[.texts[].label | select(contains("al open"))] | length > 0'

# A broken layout: named with its line; the good one still loads.
mkdir -p "$TMP/layouts"
cp "$SRC/layouts/familienetwerkberaad.json" "$TMP/layouts/"
printf '{\n  "name": {"nl": "Kapot"},\n  "phases": [\n    {"title": "Een" "minutes": 5}\n  ]\n}\n' > "$TMP/layouts/kapot.json"
script layouts <<EOS
$(pin_new 1234)
tap @home.new
dump @TMP/layouts.json
shot @OUT/layout_broken.png
quit
EOS
SCHOUDERS_LAYOUTS="$TMP/layouts" app --db "$TMP/layouts.db" --script "$TMP/layouts.script" 2> "$TMP/err"
check "a broken layout is named with its line" dump_has "$TMP/layouts.json" '[.texts[].label | select(contains("kapot.json, line 4"))] | length > 0'
check "the good template still loads" dump_has "$TMP/layouts.json" '[.widgets[] | select(.id == "new.template.familienetwerkberaad")] | length == 1'
check "the broken one is not offered" dump_has "$TMP/layouts.json" '[.widgets[] | select(.id == "new.template.kapot")] | length == 0'
finish
