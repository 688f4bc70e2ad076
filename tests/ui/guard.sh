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

# Second start with --demo: still one demo meeting. Delete it with the right PIN.
script delete <<EOS
dump @TMP/again.json
tap @home.meeting.0.delete
$(pin_type 4321)
dump @TMP/deleted.json
quit
EOS
check "the app starts again" app --db "$db" --demo --script "$TMP/delete.script"
check "--demo made its meeting only once" dump_has "$TMP/again.json" '[.widgets[] | select(.id | test("^home\\.meeting\\.[0-9]+$"))] | length == 1'
check "the right PIN deletes the meeting" dump_has "$TMP/deleted.json" '[.widgets[] | select(.id == "home.meeting.0")] | length == 0'

# Leaving: Afsluiten with the right PIN ends the app before the script's own quit.
script leave <<EOS
tap @home.quit
$(pin_type 4321)
wait 500
dump @TMP/still_here.json
quit
EOS
app --db "$db" --script "$TMP/leave.script"; rc=$?
check "Afsluiten with the PIN closes the app (status $rc)" test "$rc" -eq 0
check "and nothing ran after it" test ! -e "$TMP/still_here.json"
finish
