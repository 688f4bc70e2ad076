# Bad databases and bad layouts: a clear screen naming the file and the problem,
# the file never written, a new file beside it on request; a second app on the
# same file is told so at once; a broken layout is named with its line.
. "$(dirname "$0")/lib.sh"

# A damaged file with no backup: the error screen, the file untouched; a new file is
# made at its path (the one the kiosk starts on) and the damaged one kept aside.
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
kept=$(ls "$TMP"/broken-beschadigd-*.db 2> /dev/null | head -1)
check "the damaged file is kept aside, with the day in its name (${kept##*/})" test -n "$kept"
check "byte for byte as it was" test "$before" = "$(sha256sum < "${kept:-/dev/null}")"
check "no journal was made beside it" test ! -e "$kept-wal" -a ! -e "$TMP/broken.db-wal.x"
check "the new file is at the same path" test -s "$TMP/broken.db"
check "the new file starts with the PIN" dump_has "$TMP/after_new.json" '.screen == "pin_new"'
script broken_again <<'EOS'
dump @TMP/broken_again.json
quit
EOS
app --db "$TMP/broken.db" --script "$TMP/broken_again.script" 2> /dev/null
check "the next start (the service's, same path) opens the new file, not the error" \
  dump_has "$TMP/broken_again.json" '.screen != "error"'

# A damaged file whose good backup carries the PIN: every way on is the facilitator's.
script guarded_make <<EOS
$(pin_new 3141)
tap @home.new
tap @new.title
type "Familie Bewaard"
tap @new.template.familienetwerkberaad
tap @new.save
tap @timer.start
tap @phase.next
tap @closed.start
quit
EOS
check "a meeting with a backup is made" app --db "$TMP/guarded.db" --script "$TMP/guarded_make.script"
sqlite3 "$TMP/guarded.db" "PRAGMA wal_checkpoint(TRUNCATE)" > /dev/null
printf 'garbage garbage garbage garbage' | dd of="$TMP/guarded.db" bs=1 seek=100 conv=notrunc 2> /dev/null
script guarded <<EOS
tap @error.quit
dump @TMP/g_quit.json
tap @pin.cancel
tap @error.newfile
dump @TMP/g_new.json
$(pin_type 0000)
dump @TMP/g_wrong.json
tap @pin.cancel
key Escape
dump @TMP/g_escape.json
tap @pin.cancel
tap @error.restore
$(pin_type 3141)
dump @TMP/g_restored.json
quit
EOS
app --db "$TMP/guarded.db" --script "$TMP/guarded.script" 2> /dev/null; rc=$?
check "the guarded error screen runs (status $rc)" test "$rc" -eq 0
check "Afsluiten asks the PIN" dump_has "$TMP/g_quit.json" '.screen == "error" and ([.widgets[].id] | index("pin.modal"))'
check "so does a new file" dump_has "$TMP/g_new.json" '[.widgets[].id] | index("pin.modal")'
check "a wrong PIN makes nothing: still the error screen, saying so" \
  dump_has "$TMP/g_wrong.json" '.screen == "error" and ([.texts[].label] | index("Die pincode klopt niet."))'
check "Escape asks the PIN too" dump_has "$TMP/g_escape.json" '[.widgets[].id] | index("pin.modal")'
check "with the PIN the backup is restored: the meeting is back on screen" \
  dump_has "$TMP/g_restored.json" '.screen == "meeting" and ([.texts[].label] | any(test("Familie Bewaard")))'
gkept=$(ls "$TMP"/guarded-beschadigd-*.db 2> /dev/null | head -1)
check "the damaged file is kept aside (${gkept##*/})" test -n "$gkept"
check "and says so" dump_has "$TMP/g_restored.json" '[.texts[].label] | any(test("Het beschadigde bestand is bewaard als"))'
script guarded_again <<'EOS'
dump @TMP/g_again.json
quit
EOS
app --db "$TMP/guarded.db" --script "$TMP/guarded_again.script" 2> /dev/null
check "the next start on the same path opens the restored meeting, not the error" \
  dump_has "$TMP/g_again.json" '.screen == "meeting" and ([.texts[].label] | any(test("Familie Bewaard")))'

# Made by a newer Schouders: its id, a version above ours.
sqlite3 "$TMP/newer.db" "CREATE TABLE t(x); PRAGMA user_version=99; PRAGMA application_id=$((0x53434844));"
before=$(sha256sum < "$TMP/newer.db")
script newer <<'EOS'
dump @TMP/newer.json
quit
EOS
app --db "$TMP/newer.db" --script "$TMP/newer.script" 2> /dev/null
check "a newer database gets the error screen" dump_has "$TMP/newer.json" '[.texts[].label | select(contains("nieuwere versie"))] | length > 0'
check "and is not written" test "$before" = "$(sha256sum < "$TMP/newer.db")"

# Another program's database (here one with a table called meetings, as a name
# clash): said what it is, never written, not even its journal mode; no new file
# is put in its place.
sqlite3 "$TMP/other.db" "CREATE TABLE meetings(room TEXT, at INTEGER); INSERT INTO meetings VALUES('zaal 2', 1); PRAGMA user_version=3;"
before=$(sha256sum < "$TMP/other.db")
script other <<'EOS'
dump @TMP/other.json
quit
EOS
app --db "$TMP/other.db" --script "$TMP/other.script" 2> /dev/null
check "another program's database is named for what it is" dump_has "$TMP/other.json" '[.texts[].label] | any(test("geen bestand van Schouders"))'
check "and not written" test "$before" = "$(sha256sum < "$TMP/other.db")" -a ! -e "$TMP/other.db-wal"
check "no new file offered in its place" dump_has "$TMP/other.json" '[.widgets[].id] | index("error.newfile") | not'
check "still another program's: no Schouders tables added" test "$(sqlite3 "$TMP/other.db" "SELECT count(*) FROM sqlite_schema")" = 1

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
# A board the app does not know is the file's mistake, not an empty placeholder.
printf '{\n  "name": {"nl": "Verkeerd bord"},\n  "phases": [\n    {"title": "Een", "minutes": 5},\n    {"title": "Twee", "minutes": 5, "board": "doelenbord"}\n  ]\n}\n' > "$TMP/layouts/bord.json"
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
check "a phase naming an unknown board is named with its file, line and the word" \
  dump_has "$TMP/layouts.json" '[.texts[].label | select(contains("bord.json, line 5") and contains("doelenbord"))] | length > 0'
check "and that template is not offered" dump_has "$TMP/layouts.json" '[.widgets[] | select(.id == "new.template.bord")] | length == 0'
finish
