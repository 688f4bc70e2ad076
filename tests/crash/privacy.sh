# Privacy (AVG): a deleted meeting leaves no word behind, not in the database, its
# write-ahead log or shared memory, nor in backups; files and exports are 0600;
# nothing a participant wrote reaches stderr.
. "$(dirname "$0")/../ui/lib.sh"
db="$TMP/privacy.db"
word="Zebravlinderkoekje"
script write <<EOS
$(pin_new 4826)
tap @home.new
tap @new.title
type "Familie Geheim"
tap @new.template.drieluik-bijeenkomst
tap @new.name
type "$word-kind"
tap @new.add
tap @new.save
tap @phase.next
tap @meeting.chip.0
tap @tray.write
type "mijn geheim is $word"
tap @note.save
tap @tray.close
tap @meeting.home
$(pin_type 4826)
quit
EOS
check "a meeting with a secret is written" app --db "$db" --script "$TMP/write.script" 2> "$TMP/err1"
check "the secret is in the file before deleting" bash -c "cat '$db' '$db-wal' 2>/dev/null | grep -aq '$word'"
"$SCHOUDERS" export --db "$db" --meeting 1 --format json --out "$TMP/plan.json"
check "an export is created 0600" test "$(stat -c %a "$TMP/plan.json")" = 600
check "the database is 0600" test "$(stat -c %a "$db")" = 600
script delete <<EOS
$(pin_type 4826)
tap @home.meeting.0.delete
$(pin_type 4826)
dump @TMP/deleted.json
quit
EOS
check "the meeting is deleted with the PIN" app --db "$db" --script "$TMP/delete.script" 2> "$TMP/err2"
check "Home no longer shows it" dump_has "$TMP/deleted.json" '[.widgets[].id] | index("home.meeting.0") | not'
for f in "$db" "$db-wal" "$db-shm" "$(dirname "$db")"/*.bak*; do
  [ -e "$f" ] || continue
  check "no trace of it in $(basename "$f")" bash -c "! grep -aq '$word' '$f'"
done
check "nothing a participant wrote went to stderr" bash -c "! cat '$TMP/err1' '$TMP/err2' | grep -q '$word'"

# A crash leaves no core file with the family's words: the app turns them off for
# itself, whatever limit it was started with.
script core <<EOS
dump @TMP/core_up.json
await @TMP/core_seen
quit
EOS
(ulimit -c unlimited 2> /dev/null; exec env SDL_VIDEODRIVER=offscreen "$SCHOUDERS" --windowed --size 800x600 --db "$db" \
  --script "$TMP/core.script" 2> /dev/null) &
pid=$!
await_file "$TMP/core_up.json"
core_limit=$(awk '/^Max core file size/ {print $5 "/" $6}' "/proc/$pid/limits")
touch "$TMP/core_seen"
wait $pid
check "core dumps are off in the running app ($core_limit)" test "$core_limit" = "0/0"

no_trace() { # no_trace DB: the word is nowhere on disk, database, WAL, shm or a backup
  local f
  for f in "$1" "$1-wal" "$1-shm" "$1".bak*; do
    [ -e "$f" ] && grep -aq "$word" "$f" && return 1
  done
  return 0
}
# The same meeting again, on a file of its own (the write script; it ends on Home).
fresh_secret() { rm -f "$1" "$1"-* "$1".bak*; app --db "$1" --script "$TMP/write.script" 2> /dev/null; }

# Stopped after the delete committed, before the backups were rewritten (killed at
# the first unlink of .bak.0): the next start finishes the delete.
db2="$TMP/cut.db"
check "a second secret meeting is written" fresh_secret "$db2"
script delete2 <<EOS
$(pin_type 4826)
tap @home.meeting.0.delete
$(pin_type 4826)
quit
EOS
SDL_VIDEODRIVER=offscreen strace -f -o /dev/null -P "$db2.bak.0" -e trace=unlink,unlinkat -e inject=unlink,unlinkat:signal=KILL \
  "$SCHOUDERS" --windowed --size 1920x1080 --db "$db2" --script "$TMP/delete2.script" 2> /dev/null
check "the app was stopped with the delete committed" test "$(sqlite3 -readonly "$db2" "SELECT count(*) FROM meetings")" = 0
check "and the words still in a backup (the attack)" bash -c "cat '$db2'.bak* | grep -aq '$word'"
script start <<EOS
dump @TMP/after_cut.json
quit
EOS
check "the app starts again" app --db "$db2" --script "$TMP/start.script"
check "and has finished the delete: no trace anywhere" no_trace "$db2"

# Another reader holds a snapshot while the meeting is deleted (an export, say): the
# screen says the words are not wiped everywhere yet, and they are once it lets go.
db3="$TMP/held.db"
check "a third secret meeting is written" fresh_secret "$db3"
hold_db "$db3" "BEGIN; SELECT 'reading', count(*) FROM notes;" reading
script delete3 <<EOS
$(pin_type 4826)
tap @home.meeting.0.delete
$(pin_type 4826)
dump @TMP/held_said.json
await @TMP/reader_gone
await @TMP/wiped
dump @TMP/held_done.json
quit
EOS
app --db "$db3" --script "$TMP/delete3.script" 2> /dev/null 7>&- & # not holding the reader's pipe open
pid=$!
await_file "$TMP/held_said.json"
check "the screen says another program still holds the file" \
  dump_has "$TMP/held_said.json" '[.texts[].label] | any(test("nog niet overal gewist"))'
check "while it reads, its snapshot keeps the words on disk" refused no_trace "$db3"
release_db
touch "$TMP/reader_gone"
for _ in $(seq 600); do no_trace "$db3" && break; sleep 0.1; done # the app tries again every two seconds
touch "$TMP/wiped"
wait $pid
check "once it lets go, the app wipes them everywhere" no_trace "$db3"
check "and says the meeting is deleted" dump_has "$TMP/held_done.json" '[.texts[].label] | any(test("^De bijeenkomst is verwijderd\\."))'
finish
