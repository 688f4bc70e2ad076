# The facilitator PIN guards leaving the kiosk and deleting a meeting; a wrong PIN
# does neither. --demo makes its meeting once, however often the app starts.
. "$(dirname "$0")/lib.sh"
db="$TMP/guard.db"
script setup <<EOS
$(pin_new 4321)
dump @TMP/first.json
key Escape
dump @TMP/escape.json
tap @pin.cancel
tap @home.meeting.0.delete
$(pin_type 1111)
dump @TMP/wrong.json
shot @OUT/pin_wrong.png
tap @pin.cancel
quit
EOS
check "the demo app runs" app --db "$db" --demo --script "$TMP/setup.script"
check "Home shows the demo meeting" dump_has "$TMP/first.json" '[.widgets[] | select(.id == "home.meeting.0") | .label] == ["Familie De Boer"]'
check "Escape asks for the PIN instead of leaving" dump_has "$TMP/escape.json" '[.widgets[] | select(.id == "pin.modal")] | length == 1'
check "a wrong PIN says so" dump_has "$TMP/wrong.json" '[.texts[].label] | index("Die pincode klopt niet.")'
check "a wrong PIN deletes nothing" dump_has "$TMP/wrong.json" '[.widgets[] | select(.id == "home.meeting.0")] | length == 1'

# Second start with --demo: Home is the facilitator's, so it asks the PIN first and
# shows no family's name before it. Still one demo meeting. Delete it with the PIN.
script delete <<EOS
dump @TMP/locked.json
$(pin_type 4321)
dump @TMP/again.json
tap @home.meeting.0.delete
$(pin_type 4321)
dump @TMP/deleted.json
quit
EOS
check "the app starts again" app --db "$db" --demo --script "$TMP/delete.script"
check "on a restart Home asks the PIN" dump_has "$TMP/locked.json" '.screen == "home" and ([.widgets[].id] | index("pin.modal"))'
check "and shows no meeting before it" \
  dump_has "$TMP/locked.json" '([.widgets[].id] | any(test("^home\\.meeting"))) or ([.widgets[].label, .texts[].label] | any(test("De Boer"))) | not'
check "--demo made its meeting only once" dump_has "$TMP/again.json" '[.widgets[] | select(.id | test("^home\\.meeting\\.[0-9]+$"))] | length == 1'
check "the right PIN deletes the meeting" dump_has "$TMP/deleted.json" '[.widgets[] | select(.id == "home.meeting.0")] | length == 0'

# Many meetings: Home turns pages, and every meeting can be reached.
for i in $(seq 1 40); do
  echo "INSERT INTO meetings(title, template, created_at) VALUES('Familie $i', 'familienetwerkberaad', $((1700000000000 + i * 1000)));"
done | sqlite3 "$db"
script page1 <<EOS
$(pin_type 4321)
dump @TMP/page1.json
quit
EOS
check "Home opens with 40 meetings" app --db "$db" --script "$TMP/page1.script"
per_page=$(jq '[.widgets[] | select(.id | test("^home\\.meeting\\.[0-9]+$"))] | length' "$TMP/page1.json")
turns=$(( (40 + per_page - 1) / per_page - 1 ))
{ pin_type 4321; for i in $(seq "$turns"); do echo "tap @home.page.next"; done
  echo "dump $TMP/last_page.json"; echo "shot $OUT/home_pages.png"; echo "quit"; } > "$TMP/pages.script"
check "turning $turns pages of $per_page works" app --db "$db" --script "$TMP/pages.script"
check "the first page starts with the newest" dump_has "$TMP/page1.json" '[.widgets[] | select(.id == "home.meeting.0") | .label] == ["Familie 40"]'
check "and offers the next page" dump_has "$TMP/page1.json" '[.widgets[] | select(.id == "home.page.next")] | length == 1'
check "the last page reaches the oldest" dump_has "$TMP/last_page.json" '[.widgets[] | select(.id == "home.meeting.39") | .label] == ["Familie 1"]'

# A long list of participants: the one just added is always in view.
{ pin_type 4321; echo "tap @home.new"
  for i in $(seq 1 16); do echo "tap @new.name"; echo "type \"Netwerklid $i\""; echo "tap @new.add"; done
  echo "dump $TMP/many.json"; echo "shot $OUT/new_many.png"; echo "quit"; } > "$TMP/many.script"
check "sixteen participants are added" app --db "$db" --script "$TMP/many.script"
check "the last one added is in view" dump_has "$TMP/many.json" '[.widgets[] | select(.id == "new.participant.15.remove")] | length == 1'
check "and the list says how many are above" dump_has "$TMP/many.json" '[.texts[].label | select(test("eerder toegevoegd"))] | length == 1'

# Leaving: Afsluiten with the right PIN ends the app before the script's own quit.
script leave <<EOS
$(pin_type 4321)
tap @home.quit
$(pin_type 4321)
wait 500
dump @TMP/still_here.json
quit
EOS
app --db "$db" --script "$TMP/leave.script"; rc=$?
check "Afsluiten with the PIN closes the app (status $rc)" test "$rc" -eq 0
check "and nothing ran after it" test ! -e "$TMP/still_here.json"

# Five wrong PINs pause the keypad, and a restart (a power cycle every 30 s) does
# not end the pause: the count and the pause are in the file.
cp "$TMP/guard.db" "$TMP/pause.db" 2> /dev/null || sqlite3 "$db" ".backup '$TMP/pause.db'"
sqlite3 "$TMP/pause.db" "DELETE FROM settings WHERE key='open_meeting'"
{ for i in 1 2 3 4 5; do pin_type 9999; done; echo "dump $TMP/paused.json"; echo "quit"; } > "$TMP/guess.script"
check "five wrong PINs are typed" app --db "$TMP/pause.db" --script "$TMP/guess.script"
check "then the keypad pauses" dump_has "$TMP/paused.json" '[.texts[].label] | any(test("^Te vaak fout. Probeer het over [0-9]+ seconden weer"))'
script after_restart <<EOS
dump @TMP/paused_again.json
$(pin_type 4321)
dump @TMP/still_locked.json
quit
EOS
check "the app starts again at once" app --db "$TMP/pause.db" --script "$TMP/after_restart.script"
check "and the pause is still on after the restart" \
  dump_has "$TMP/paused_again.json" '[.texts[].label] | any(test("^Te vaak fout. Probeer het over [0-9]+ seconden weer"))'
check "even the right PIN does not open Home during it" \
  dump_has "$TMP/still_locked.json" '([.widgets[].id] | index("home.meeting.0") | not) and ([.widgets[].id] | index("pin.modal"))'
check "the count and the pause are in the file" test -n "$(sqlite3 "$TMP/pause.db" "SELECT value FROM settings WHERE key='pin_guard'")"

# A restart (a crash, a power cut, the power button) comes back in the meeting that
# was on screen, not on Home; Home from a meeting takes the PIN.
script into <<EOS
$(pin_new 2222)
tap @home.new
tap @new.title
type "Familie Terug"
tap @new.template.familienetwerkberaad
tap @new.save
tap @timer.start
quit
EOS
check "a meeting is opened and its timer started" app --db "$TMP/into.db" --script "$TMP/into.script"
script back <<EOS
dump @TMP/back.json
tap @meeting.home
dump @TMP/home_pin.json
tap @pin.cancel
dump @TMP/stayed.json
tap @meeting.home
$(pin_type 2222)
dump @TMP/home_open.json
quit
EOS
check "the app starts again" app --db "$TMP/into.db" --script "$TMP/back.script"
check "it starts in the meeting that was on screen" \
  dump_has "$TMP/back.json" '.screen == "meeting" and ([.texts[].label] | any(test("Familie Terug")))'
check "Naar overzicht asks the facilitator's PIN" dump_has "$TMP/home_pin.json" '[.widgets[].id] | index("pin.modal")'
check "without it the meeting stays" dump_has "$TMP/stayed.json" '.screen == "meeting" and ([.widgets[].id] | index("pin.modal") | not)'
check "with it, Bijeenkomsten" dump_has "$TMP/home_open.json" '.screen == "home" and ([.widgets[].id] | index("home.meeting.0"))'
script again <<EOS
dump @TMP/again_home.json
quit
EOS
check "left on Home, the app starts again" app --db "$TMP/into.db" --script "$TMP/again.script"
check "then it starts on Home, behind the PIN" \
  dump_has "$TMP/again_home.json" '.screen == "home" and ([.widgets[].id] | index("pin.modal")) and ([.widgets[].id] | index("home.meeting.0") | not)'
finish
