# Backups from the app: a phase change leaves a verified copy (0600); when the
# database fails its check at start, it is left untouched and the newest good
# copy is offered (behind the PIN the copy carries), restored at the database's own
# path with the damaged file kept aside, and the meeting is back.
. "$(dirname "$0")/../ui/lib.sh"
db="$TMP/b.db"
script make <<EOS
$(pin_new 1357)
tap @home.new
tap @new.title
type "Familie Reserve"
tap @new.template.familienetwerkberaad
tap @new.save
tap @timer.start
tap @phase.next
tap @closed.start
quit
EOS
check "a meeting moves through two phases" app --db "$db" --script "$TMP/make.script"
check "a verified copy is beside the database" test -s "$db.bak.0" -a -s "$db.bak.0.sum"
check "the copy is 0600" test "$(stat -c %a "$db.bak.0")" = 600
before=$(md5sum < "$db")
# Damage the database itself: a run of garbage inside its first page.
printf 'garbage garbage garbage garbage' | dd of="$db" bs=1 seek=100 conv=notrunc 2>/dev/null
damaged=$(md5sum < "$db")
script restore <<EOS
dump @TMP/offer.json
tap @error.restore
$(pin_type 1357)
dump @TMP/restored.json
quit
EOS
check "the app starts on a damaged database" app --db "$db" --script "$TMP/restore.script"
check "it offers the backup" dump_has "$TMP/offer.json" '.screen == "error" and ([.widgets[].id] | index("error.restore"))'
kept=$(ls "$TMP"/b-beschadigd-*.db 2> /dev/null | head -1)
check "the damaged file is kept aside as it was (${kept##*/})" test -n "$kept" -a "$(md5sum < "${kept:-/dev/null}")" = "$damaged"
check "and the good copy is at the database's own path" test "$(sqlite3 -readonly "$db" "SELECT title FROM meetings")" = "Familie Reserve"
check "after restoring, the room is back in its meeting" \
  dump_has "$TMP/restored.json" '.screen == "meeting" and ([.texts[].label] | any(test("Familie Reserve")))'
check "and the screen says where it now works" \
  dump_has "$TMP/restored.json" '[.texts[].label] | any(test("^Teruggezet uit de reservekopie"))'
finish
