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
quit
EOS
check "a meeting with a secret is written" app --db "$db" --script "$TMP/write.script" 2> "$TMP/err1"
check "the secret is in the file before deleting" bash -c "cat '$db' '$db-wal' 2>/dev/null | grep -aq '$word'"
"$SCHOUDERS" export --db "$db" --meeting 1 --format json --out "$TMP/plan.json"
check "an export is created 0600" test "$(stat -c %a "$TMP/plan.json")" = 600
check "the database is 0600" test "$(stat -c %a "$db")" = 600
script delete <<EOS
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
finish
