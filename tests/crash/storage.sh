# Storage faults while the app runs, each with a clear message and nothing lost
# that was acknowledged: a full disk, the file locked by another program, and the
# file deleted from under the app. (A corrupt file at start: tests/crash/backup.sh
# and tests/ui/database.sh.)
. "$(dirname "$0")/../ui/lib.sh"
db="$TMP/s.db"
script setup <<EOS
$(pin_new 8642)
tap @home.new
tap @new.title
type "Familie Schijf"
tap @new.template.drieluik-bijeenkomst
tap @new.name
type "Sanne"
tap @new.add
tap @new.save
tap @phase.next
quit
EOS
check "the meeting is set up" app --db "$db" --script "$TMP/setup.script"
sqlite3 "$db" "PRAGMA wal_checkpoint(TRUNCATE)" >/dev/null
cp "$db" "$TMP/fresh.db"
fresh() { rm -f "$db" "$db-wal" "$db-shm"; cp "$TMP/fresh.db" "$db"; }  # each fault starts from the same meeting

# 1. A full disk: the file may grow by one page only.
pages=$(sqlite3 "$db" "PRAGMA wal_checkpoint(TRUNCATE); PRAGMA page_count" | tail -1)
{ echo "tap @meeting.chip.0"
  for i in $(seq 40); do echo "tap @tray.write"; printf 'type "%s %d"\n' "$(printf 'vol%.0s' $(seq 80))" "$i"; echo "tap @note.save"; done
  echo "dump $TMP/full.json"; echo "quit"; } > "$TMP/full.script"
( exec env SDL_VIDEODRIVER=offscreen SCHOUDERS_MAX_PAGES=$((pages + 1)) SCHOUDERS_ACK_FD=3 "$SCHOUDERS" --windowed --size 1920x1080 \
    --db "$db" --script "$TMP/full.script" 3>"$TMP/acks_full" 2>/dev/null )
check "a full disk is said on screen" dump_has "$TMP/full.json" '[.texts[].label] | index("Niet opgeslagen: de schijf is vol. Wat je ziet blijft staan.")'
check "and the words being written stay in the editor" dump_has "$TMP/full.json" '[.widgets[].id] | index("note.modal")'
acked=$(grep -c '^ack note_add' "$TMP/acks_full")
check "every acknowledged note is in the file ($acked)" test "$(sqlite3 "$db" "SELECT count(*) FROM notes")" = "$acked"
check "the file is whole" test "$(sqlite3 "$db" "PRAGMA integrity_check")" = ok

# 2. Locked by another program: told, and saved once it lets go. The script and the
# lock wait for each other's signals (files), not for guessed lengths of time.
fresh
script locked <<EOS
tap @meeting.chip.0
tap @tray.write
type "na het slot"
dump @TMP/typed.json
await @TMP/lock_held
tap @note.save
dump @TMP/locked.json
await @TMP/lock_gone
tap @note.save
dump @TMP/unlocked.json
quit
EOS
SDL_VIDEODRIVER=offscreen "$SCHOUDERS" --windowed --size 1920x1080 --db "$db" --script "$TMP/locked.script" 2>/dev/null &
pid=$!
await_file "$TMP/typed.json"
hold_db "$db" "BEGIN EXCLUSIVE; SELECT 'held';" held
touch "$TMP/lock_held"
await_file "$TMP/locked.json"
release_db
touch "$TMP/lock_gone"
wait $pid
check "a lock by another program is said" dump_has "$TMP/locked.json" '[.texts[].label] | index("Het bestand is even bezet. Probeer het nog een keer.")'
check "and once it lets go, the note is saved" test "$(sqlite3 "$db" "SELECT count(*) FROM notes WHERE text='na het slot'")" = 1

# 3. The file changed under the app while someone writes: each time the app has
# saved a note and has a second one in the editor, the harness does something to the
# file, then the app saves. under_app NAME COMMAND...: the run; its screen then is in
# NAME.json and the notes it saved before are n_before + 2 when nothing was lost.
under_app() {
  local name=$1
  shift
  script "$name" <<EOS
tap @meeting.chip.0
tap @tray.write
type "voor $name"
tap @note.save
tap @tray.write
type "na $name"
dump @TMP/${name}_ready.json
await @TMP/${name}_done
tap @note.save
dump @TMP/$name.json
tap @note.save
quit
EOS
  fresh
  n_before=$(sqlite3 "$db" "SELECT count(*) FROM notes")
  SDL_VIDEODRIVER=offscreen "$SCHOUDERS" --windowed --size 1920x1080 --db "$db" --script "$TMP/$name.script" 2> /dev/null &
  local pid=$!
  await_file "$TMP/${name}_ready.json"
  "$@"
  touch "$TMP/${name}_done"
  wait $pid
}

# 3a. Deleted: everything is written back, and it goes on.
under_app gone rm -f "$db"
check "the app said the file was gone and is back" dump_has "$TMP/gone.json" '[.texts[].label] | any(test("^Het bestand was weggehaald"))'
check "the file is there again" test -s "$db"  # (checked before anything else opens it)
check "with everything: the notes from before, and both new ones" \
  test "$(sqlite3 "$db" "SELECT count(*) FROM notes")" = "$((n_before + 2))"
check "and it is whole" test "$(sqlite3 "$db" "PRAGMA integrity_check")" = ok

# 3b. Emptied (truncate -s 0): found before the next action is written, said, and
# everything the app holds is written back.
under_app cut truncate -s 0 "$db"
check "an emptied file is said on screen" dump_has "$TMP/cut.json" '[.texts[].label] | any(test("^Het bestand was leeggemaakt"))'
check "and written back with everything: the notes from before and both new ones" \
  test "$(sqlite3 "$db" "SELECT count(*) FROM notes")" = "$((n_before + 2))"
check "and it is whole" test "$(sqlite3 "$db" "PRAGMA integrity_check")" = ok

# 3c. Another file put in its place (mv): that file is left as it is, byte for byte,
# and the app's own is rescued beside it, whole.
rm -f "$TMP"/s-2.db*
sqlite3 "$TMP/theirs.db" "CREATE TABLE boodschappen(wat TEXT); INSERT INTO boodschappen VALUES('brood');"
theirs=$(sha256sum < "$TMP/theirs.db")
put_theirs() { cp "$TMP/theirs.db" "$TMP/theirs.copy" && mv "$TMP/theirs.copy" "$db"; }
under_app swapped put_theirs
check "a replaced file is said on screen, naming where the app's is" \
  dump_has "$TMP/swapped.json" '[.texts[].label] | any(test("^Het bestand is vervangen door een ander.*s-2.db"))'
check "the file put there is left byte for byte as it was" test "$(sha256sum < "$db")" = "$theirs"
check "the app's is beside it with the notes from before and both new ones" \
  test "$(sqlite3 "$TMP/s-2.db" "SELECT count(*) FROM notes")" = "$((n_before + 2))"
check "and whole" test "$(sqlite3 "$TMP/s-2.db" "PRAGMA integrity_check")" = ok

# 4. Made read-only while the app runs (files immutable: needs CAP_LINUX_IMMUTABLE).
touch "$TMP/probe"
if chattr +i "$TMP/probe" 2>/dev/null; then
  chattr -i "$TMP/probe"
  fresh
  script readonly <<EOS
tap @meeting.chip.0
tap @tray.write
type "alleen lezen"
dump @TMP/ro_typed.json
await @TMP/ro_made
tap @note.save
dump @TMP/ro.json
await @TMP/rw_again
tap @note.save
quit
EOS
  SDL_VIDEODRIVER=offscreen "$SCHOUDERS" --windowed --size 1920x1080 --db "$db" --script "$TMP/readonly.script" 2>/dev/null &
  pid=$!
  await_file "$TMP/ro_typed.json"
  chattr +i "$db" "$db-wal" 2>/dev/null  # not -shm: SQLite maps it; its writes would fault
  touch "$TMP/ro_made"
  await_file "$TMP/ro.json"
  chattr -i "$db" "$db-wal" 2>/dev/null
  touch "$TMP/rw_again"
  wait $pid
  check "read-only while running is said" dump_has "$TMP/ro.json" '[.texts[].label] | any(test("alleen-lezen"))'
  check "and the words stay in the editor" dump_has "$TMP/ro.json" '[.widgets[].id] | index("note.modal")'
  check "once writable again, the note is saved" test "$(sqlite3 "$db" "SELECT count(*) FROM notes WHERE text='alleen lezen'")" = 1
else
  echo "read-only while running: not checked here (files cannot be made immutable without CAP_LINUX_IMMUTABLE)"
fi
finish
