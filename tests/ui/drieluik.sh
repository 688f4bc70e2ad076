# The Drieluik as a family runs it (tests/scenarios/drieluik.script): the
# professional waits to hang while the parent still holds a note, two fingers
# group two pairs at once, a note let go outside snaps back, undo and redo move
# the mark, and a kill -9 in the middle of grouping resumes at the same step
# with nothing lost. Screenshots of every step go to the screens folder.
. "$(dirname "$0")/lib.sh"
db="$TMP/dl.db"
src="$SRC/tests/scenarios/drieluik.script"
fill() { sed -e "s|@OUT|$OUT|g" -e "s|@TMP|$TMP|g"; }
widget() { jq -c --arg id "$2" '[.widgets[] | select(.id == $id)][0]' "$1"; }
state() { jq -r --arg id "$2" '[.widgets[] | select(.id == $id)][0].state' "$1"; }
board() { jq -c '[.widgets[] | select(.id | test("^drieluik\\.(note|group)\\.")) | [.id, .label]] | sort' "$1"; }

# Part one: up to the middle of grouping, then the app is killed.
{ sed -n '1,/^# --- kill here ---$/p' "$src" | fill; echo "dump $TMP/before_kill.json"; echo "wait 60000"; } > "$TMP/part1.script"
SDL_VIDEODRIVER=offscreen "$SCHOUDERS" --windowed --size 1920x1080 --db "$db" --script "$TMP/part1.script" &
pid=$!
check "part one reaches the middle of grouping" await_file "$TMP/before_kill.json"
kill -9 "$pid" 2>/dev/null
wait "$pid" 2>/dev/null

check "the welcome round shows everyone who is here, in one circle, with their role" \
  dump_has "$TMP/dl_circle.json" '[.texts[].label] as $t | ($t | index("Wie is er vandaag")) and ($t | index("Oma Joke")) and ($t | index("Netwerklid"))'
check "a professional does not write unless switched on" \
  dump_has "$TMP/dl_pro_no_write.json" '([.widgets[].id] | index("tray.write") | not) and ([.texts[].label] | any(test("Professionals schrijven niet mee")))'
check "the professional's note cannot be hung while the parent holds one" \
  test "$(state "$TMP/dl_pro_waits.json" tray.note.6.hang)" = disabled
check "and the tray says why" \
  dump_has "$TMP/dl_pro_waits.json" '[.texts[].label] | any(test("Professionals hangen als laatste: er is nog 1 briefje bij de anderen"))'
check "others see only how many the parent holds" \
  dump_has "$TMP/dl_pro_waits.json" '[.widgets[] | select(.id == "meeting.chip.1")][0].label == "Mark, houdt 2 briefjes vast"'
check "once the parent has hung, the professional may" test "$(state "$TMP/dl_pro_may.json" tray.note.6.hang)" = normal
check "two fingers at once: both pairs are groups" \
  dump_has "$TMP/dl_two_fingers.json" '[.widgets[].id] | (index("drieluik.group.1") and index("drieluik.group.2"))'
check "let go outside the Drieluik, the note went back to its place" \
  test "$(jq -c '.rect' <<< "$(widget "$TMP/dl_two_fingers.json" drieluik.note.3)")" = "$(jq -c '.rect' <<< "$(widget "$TMP/before_kill.json" drieluik.note.3)")"

# Part two: a restart, which comes back in the meeting by itself, and the rest.
{ echo "dump $TMP/after_restart.json"; sed -n '/^# --- kill here ---$/,$p' "$src" | fill; } > "$TMP/part2.script"
check "the app starts again after the kill and finishes the Drieluik" app --db "$db" --script "$TMP/part2.script"
check "it resumes at the same step" dump_has "$TMP/after_restart.json" '[.texts[].label] | any(test("^Stap 4 van 7"))'
check "with the same board: every note, group and theme" test "$(board "$TMP/before_kill.json")" = "$(board "$TMP/after_restart.json")"
check "and the same trays (Sanne still holds her right note)" \
  dump_has "$TMP/after_restart.json" '[.widgets[] | select(.id == "meeting.chip.0")][0].label == "Sanne, houdt 1 briefje vast"'
check "the database is whole" test "$(sqlite3 "$db" 'PRAGMA integrity_check')" = ok
check "undo took the mark back to the note it was on" \
  test "$(state "$TMP/dl_undone.json" drieluik.mark.note.6)/$(state "$TMP/dl_undone.json" drieluik.mark.group.1)" = selected/normal
check "redo put it on the group again" \
  test "$(state "$TMP/dl_worst.json" drieluik.mark.note.6)/$(state "$TMP/dl_worst.json" drieluik.mark.group.1)" = normal/selected
check "a group undone and redone is group 3 again, on screen as in the file" \
  dump_has "$TMP/dl_regroup.json" '[.widgets[].id] | (index("drieluik.group.3") and (map(select(test("group\\.-"))) | length == 0))'
check "a long press opens the note to change or delete" \
  dump_has "$TMP/dl_long_press.json" '[.widgets[].id] | (index("note.delete") and index("note.text"))'
"$SCHOUDERS" export --db "$db" --meeting 1 --format json --out "$TMP/dl.json"
check "the export holds the whole Drieluik" jq -e "$(cat "$SRC/tests/scenarios/drieluik.check")" "$TMP/dl.json"
# The board as a picture, drawn by the same code as the screen.
check "export --format png runs" "$SCHOUDERS" export --db "$db" --meeting 1 --format png --out "$OUT/drieluik_export.png"
check "the picture is 1920x1080" test "$(identify -format '%wx%h' "$OUT/drieluik_export.png")" = 1920x1080
check "and not blank: notes in three colours and text" test "$(identify -format '%k' "$OUT/drieluik_export.png")" -gt 500
check "at another size when asked" "$SCHOUDERS" export --db "$db" --meeting 1 --format png --size 1280x800 --out "$TMP/small.png"
check "the smaller picture is 1280x800" test "$(identify -format '%wx%h' "$TMP/small.png")" = 1280x800
"$SCHOUDERS" export --db "$db" --meeting 1 --format png --out "$TMP/missing/dir/x.png" 2> "$TMP/png_err"
check "a folder that is not there: exit 1 with a message" test $? -eq 1 -a -s "$TMP/png_err"
check "and no half file left" test -z "$(find "$TMP" -name '*.part')"
"$SCHOUDERS" export --db "$db" --meeting 99 --format png --out "$TMP/none.png" 2> "$TMP/png_err"
check "an unknown meeting: exit 1, no file" test $? -eq 1 -a ! -e "$TMP/none.png"
check "every step left a screenshot" test "$(ls "$OUT"/drieluik_*.png | wc -l)" -ge 9

# A supporter comes with a family member, and their tray says whom.
script supporter <<EOS
$(pin_new 2468)
tap @home.new
tap @new.title
type "Familie Smit"
tap @new.template.drieluik-bijeenkomst
tap @new.name
type "Sanne"
tap @new.add
type "Bram"
tap @new.role.supporter
tap @new.add
dump @TMP/sup_refused.json
tap @new.supports.0
tap @new.add
shot @OUT/new_supporter.png
tap @new.save
tap @phase.next
tap @meeting.chip.1
dump @TMP/sup_tray.json
quit
EOS
check "the supporter script runs" app --db "$TMP/sup.db" --script "$TMP/supporter.script"
check "a supporter is not added before choosing whom they support" \
  dump_has "$TMP/sup_refused.json" '[.texts[].label] | any(test("Kies eerst wie deze supporter steunt"))'
check "the link is stored" \
  test "$(sqlite3 "$TMP/sup.db" "SELECT s.name FROM participants p JOIN participants s ON s.id = p.supports WHERE p.name = 'Bram'")" = Sanne
check "the tray names whom the supporter supports" \
  dump_has "$TMP/sup_tray.json" '[.texts[].label] | any(. == "Bram · supporter van Sanne")'
# The board is data: layouts/drieluik.json gives its words and colours; a broken
# file is named with its line and the standard board still works.
mkdir -p "$TMP/layouts"
cp "$SRC"/layouts/*.json "$TMP/layouts/"
sed -i 's/"#D5EDD0"/"groen"/' "$TMP/layouts/drieluik.json"
script broken_board <<EOS
$(pin_new 2468)
tap @home.new
dump @TMP/broken_new.json
quit
EOS
check "a broken board file does not stop the app" env SCHOUDERS_LAYOUTS="$TMP/layouts" bash -c "$(declare -f app); app --db '$TMP/broken.db' --script '$TMP/broken_board.script'"
check "the new-meeting screen names the file and line" \
  dump_has "$TMP/broken_new.json" '[.texts[].label] | any(test("drieluik.json, line [0-9]+: column middle"))'
script english <<EOS
dump @TMP/english.json
quit
EOS
check "the board in English" app --db "$db" --lang en --script "$TMP/english.script"
check "speaks English from the layout file" \
  dump_has "$TMP/english.json" '[.texts[].label] | (index("If nothing changes") and index("Whom do we invite?") and index("What do you wish yourself and others?"))'
finish
