# Operations: one path for every change (DESIGN, Architecture). A meeting is made
# here the way a second device would make it, by replaying operations written by
# hand; then the app is tried as a person would: a hang while another program holds
# the file, undo of an imposed goal by a parent and by the professional, undo after
# a restart. The rules are core's, so a replay meets them too.
. "$(dirname "$0")/lib.sh"

now=$(($(date +%s) * 1000))
seed() { # seed FILE: a meeting with three people at the Drieluik's hang step, a goal Petra imposed
  cat > "$1" <<EOF
{"seq":1,"at":$now,"how":"do","op":{"kind":"meeting_create","text":"Familie Jansen","template":{"id":"ops-test","name_nl":"Proef","phases":[{"title_nl":"Welkom","minutes":5,"board":"none"},{"title_nl":"Drieluik","minutes":60,"board":"drieluik"},{"title_nl":"Doelen","minutes":30,"board":"goals"}]},"participants":[{"name":"Sanne","role":"kind","colour":15113984,"present":1},{"name":"Mark","role":"ouder","colour":5682409,"present":1},{"name":"Petra","role":"professional","colour":29362,"present":1}]},"ids":[]}
{"seq":2,"at":$((now + 1000)),"how":"do","op":{"kind":"phase_go","meeting":1,"n":1},"ids":[]}
{"seq":3,"at":$((now + 2000)),"how":"do","op":{"kind":"note_add","meeting":1,"actor":1,"text":"bang dat het weer misgaat","board":"drieluik","place":{"col":0,"prompt":-1}},"ids":[]}
{"seq":4,"at":$((now + 3000)),"how":"do","op":{"kind":"note_add","meeting":1,"actor":3,"text":"zorgen over school","board":"drieluik","place":{"col":0,"prompt":-1}},"ids":[]}
{"seq":5,"at":$((now + 4000)),"how":"do","op":{"kind":"goal_put","meeting":1,"actor":3,"goal":{"text":"Sanne gaat elke dag naar school","x":0.2,"y":0.1,"imposed":1}},"ids":[]}
EOF
}
step() { # step N AT: the Drieluik to step N
  echo "{\"seq\":$((90 + $1)),\"at\":$2,\"how\":\"do\",\"op\":{\"kind\":\"drieluik_step\",\"meeting\":1,\"n\":$1},\"ids\":[]}"
}
hang() { # hang NOTE AT: the note from its tray onto the board
  echo "{\"seq\":99,\"at\":$2,\"how\":\"do\",\"op\":{\"kind\":\"drieluik_action\",\"meeting\":1,\"n\":0,\"id\":$1,\"rows\":[{\"before\":{\"id\":$1,\"col\":0,\"prompt\":-1},\"after\":{\"id\":$1,\"hung_at\":$2,\"order\":1,\"col\":0,\"prompt\":-1}}]},\"ids\":[]}"
}

# with_lock DB SCRIPT FIRST HELD THEN GONE: runs SCRIPT; once it wrote the dump FIRST,
# another program holds DB's lock and the flag HELD is set; once it wrote THEN, the
# lock goes and GONE is set (the script awaits both flags).
with_lock() {
  SDL_VIDEODRIVER=offscreen timeout 300 "$SCHOUDERS" --windowed --size 1920x1080 --db "$1" --script "$TMP/$2.script" 2> /dev/null &
  local pid=$!
  await_file "$TMP/$3"
  hold_db "$1" "BEGIN EXCLUSIVE; SELECT 'held';" held
  touch "$TMP/$4"
  await_file "$TMP/$5"
  release_db
  touch "$TMP/$6"
  wait $pid
}

# 1. The rules hold for a replay as for a finger: a note is hung only in its
# column's hang step, and a professional hangs last.
seed "$TMP/seed.ops"
check "a meeting made of hand-written operations replays" "$SCHOUDERS" replay --db "$TMP/a.db" --ops "$TMP/seed.ops"
{ cat "$TMP/seed.ops"; hang 1 $((now + 5000)); } > "$TMP/early.ops"
check "hanging before the hang step is refused" refused "$SCHOUDERS" replay --db "$TMP/early.db" --ops "$TMP/early.ops"
"$SCHOUDERS" replay --db "$TMP/early2.db" --ops "$TMP/early.ops" 2> "$TMP/early.err"
check "and the refusal names the line and the rule" grep -q "line 6: drieluik_action refused: why.hang_step" "$TMP/early.err"
{ cat "$TMP/seed.ops"; step 2 $((now + 5000)); hang 2 $((now + 6000)); } > "$TMP/pro.ops"
"$SCHOUDERS" replay --db "$TMP/pro.db" --ops "$TMP/pro.ops" 2> "$TMP/pro.err"
check "a professional hanging while the family holds notes is refused" grep -q "refused: why.pros_last" "$TMP/pro.err"
check "and nothing of the refused line is in the file" test "$(sqlite3 "$TMP/pro.db" "SELECT count(*) FROM notes WHERE hung_at IS NOT NULL")" = 0
{ cat "$TMP/seed.ops"; step 2 $((now + 5000)); hang 1 $((now + 6000)); hang 2 $((now + 7000)); } > "$TMP/ok.ops"
check "once the family has hung, the professional may" "$SCHOUDERS" replay --db "$TMP/ok.db" --ops "$TMP/ok.ops"

# 2. Ophangen while another program holds the file: the note stays in the tray and
# the status bar says the file is busy, not that it was hung.
{ cat "$TMP/seed.ops"; step 2 $((now + 5000)); } > "$TMP/b.ops"
"$SCHOUDERS" replay --db "$TMP/b.db" --ops "$TMP/b.ops" 2> /dev/null
script locked <<EOS
$(pin_new 2468)
tap @home.meeting.0
tap @meeting.chip.0
dump @TMP/tray.json
await @TMP/lock_held
tap @tray.note.1.hang
dump @TMP/locked.json
await @TMP/lock_gone
tap @tray.note.1.hang
dump @TMP/hung.json
quit
EOS
with_lock "$TMP/b.db" locked tray.json lock_held locked.json lock_gone
check "with the file held, Ophangen says it is busy" \
  dump_has "$TMP/locked.json" '[.texts[].label] | index("Het bestand is even bezet. Probeer het nog een keer.")'
check "and not that the note was hung" refused dump_has "$TMP/locked.json" '[.texts[].label] | index("Opgehangen.")'
check "the note is still in the tray" dump_has "$TMP/locked.json" '[.widgets[].id] | index("tray.note.1.hang")'
check "once the file is free, Ophangen hangs it and says so" dump_has "$TMP/hung.json" '[.texts[].label] | index("Opgehangen.")'
check "and it is on the board in the file" test "$(sqlite3 "$TMP/b.db" "SELECT hung_at IS NOT NULL FROM notes WHERE id=1")" = 1

# 2b. A commit that fails after one that was saved: the saved mark goes, the status bar
# says why, and the screen shows what the file holds (the first note on the board,
# the second back in its tray).
note_by() { # note_by ACTOR TEXT AT: a note in that person's tray
  echo "{\"seq\":80,\"at\":$3,\"how\":\"do\",\"op\":{\"kind\":\"note_add\",\"meeting\":1,\"actor\":$1,\"text\":\"$2\",\"board\":\"drieluik\",\"place\":{\"col\":0,\"prompt\":-1}},\"ids\":[]}"
}
{ cat "$TMP/seed.ops"; step 2 $((now + 5000)); note_by 2 "ruzie thuis" $((now + 6000)); } > "$TMP/c.ops"
"$SCHOUDERS" replay --db "$TMP/c.db" --ops "$TMP/c.ops" 2> /dev/null
script twice <<EOS
$(pin_new 2468)
tap @home.meeting.0
tap @meeting.chip.0
tap @tray.note.1.hang
dump @TMP/c_saved.json
await @TMP/c_held
tap @tray.close
tap @meeting.chip.1
tap @tray.note.3.hang
dump @TMP/c_failed.json
await @TMP/c_gone
quit
EOS
with_lock "$TMP/c.db" twice c_saved.json c_held c_failed.json c_gone
check "a hang that is saved shows the saved mark" dump_has "$TMP/c_saved.json" '[.texts[].label] | index("opgeslagen")'
check "the next, with the file held, says it is busy" \
  dump_has "$TMP/c_failed.json" '[.texts[].label] | index("Het bestand is even bezet. Probeer het nog een keer.")'
check "and the saved mark is gone beside it" refused dump_has "$TMP/c_failed.json" '[.texts[].label] | index("opgeslagen")'
check "the note that was not saved is back in its tray" dump_has "$TMP/c_failed.json" '[.widgets[].id] | index("tray.note.3.hang")'
check "the one that was saved is on the board" dump_has "$TMP/c_failed.json" '[.widgets[].id] | index("drieluik.note.1")'
check "and the file holds just that" test "$(sqlite3 "$TMP/c.db" "SELECT group_concat(id) FROM notes WHERE hung_at IS NOT NULL")" = 1

# 3. Undo survives a restart: the hang of the last run is taken back now (the kiosk
# comes back in the meeting it showed).
script undo <<EOS
tap @drieluik.undo
dump @TMP/undone.json
quit
EOS
check "the app starts again" app --db "$TMP/b.db" --script "$TMP/undo.script"
check "Ongedaan maken after a restart takes the last run's hang back" test "$(sqlite3 "$TMP/b.db" "SELECT hung_at IS NULL FROM notes WHERE id=1")" = 1
check "and says so" dump_has "$TMP/undone.json" '[.texts[].label] | index("Ongedaan gemaakt.")'
check "the log says it is an undo of that hang" test "$(sqlite3 "$TMP/b.db" "SELECT count(*) FROM ops u JOIN ops o ON o.seq=u.ref WHERE u.how=1 AND o.kind='drieluik_action'")" = 1

# 3b. Ongedaan maken while another program holds the file: the undo is handed to the
# writer like any op; its commit fails, the status bar says why, and the note the
# undo took off the board is back on it, as the file still has it.
script undo_held <<EOS
dump @TMP/u_ready.json
await @TMP/u_held
tap @drieluik.undo
dump @TMP/u_failed.json
await @TMP/u_gone
quit
EOS
with_lock "$TMP/c.db" undo_held u_ready.json u_held u_failed.json u_gone
check "an undo with the file held says it is busy" \
  dump_has "$TMP/u_failed.json" '[.texts[].label] | index("Het bestand is even bezet. Probeer het nog een keer.")'
check "and the hung note is on the board again" dump_has "$TMP/u_failed.json" '[.widgets[].id] | index("drieluik.note.1")'
check "the file still has it hung, with no undo in its log" \
  test "$(sqlite3 "$TMP/c.db" "SELECT (SELECT hung_at IS NOT NULL FROM notes WHERE id=1) || (SELECT count(*) FROM ops WHERE how=1)")" = 10

# 4. Undo asks the rules: Petra imposed a goal; with Mark (a parent) at the screen,
# Ongedaan maken would remove it and is refused with the reason; with Petra it goes.
{ cat "$TMP/seed.ops"; echo "{\"seq\":20,\"at\":$((now + 5000)),\"how\":\"do\",\"op\":{\"kind\":\"phase_go\",\"meeting\":1,\"n\":2},\"ids\":[]}"; } > "$TMP/g.ops"
"$SCHOUDERS" replay --db "$TMP/g.db" --ops "$TMP/g.ops" 2> /dev/null
script goals <<EOS
$(pin_new 2468)
tap @home.meeting.0
tap @goals.actor.2
tap @goals.undo
dump @TMP/parent_undo.json
shot @OUT/ops_parent_undo.png
tap @goals.actor.3
tap @goals.undo
dump @TMP/pro_undo.json
quit
EOS
check "the goals board opens" app --db "$TMP/g.db" --script "$TMP/goals.script"
check "a parent's undo of an imposed goal is refused with the reason" \
  dump_has "$TMP/parent_undo.json" '[.texts[].label] | map(select(test("Dit doel is opgelegd"))) | length > 0'
check "and the imposed goal is still on the board" dump_has "$TMP/parent_undo.json" '[.widgets[].id] | index("goal.1")'
check "the professional's undo is the only one in the log" test "$(sqlite3 "$TMP/g.db" "SELECT count(*) FROM ops WHERE how=1")" = 1
check "the professional's undo removes it" test "$(sqlite3 "$TMP/g.db" "SELECT count(*) FROM goals")" = 0
check "and redo can bring it back" dump_has "$TMP/pro_undo.json" '[.widgets[] | select(.id == "goals.redo")] | .[0].state != "disabled"'

# 5. A cap is never silent: a board holding as many goals as it can show refuses the
# next with a message, and the file holds no goal the board would not show.
{
  cat "$TMP/g.ops"
  for i in $(seq 2 48); do
    echo "{\"seq\":$((100 + i)),\"at\":$((now + 6000 + i)),\"how\":\"do\",\"op\":{\"kind\":\"goal_put\",\"meeting\":1,\"actor\":2,\"goal\":{\"text\":\"doel $i\",\"x\":0.$((i % 9 + 1)),\"y\":0.5}},\"ids\":[]}"
  done
} > "$TMP/full.ops"
check "48 goals replay" "$SCHOUDERS" replay --db "$TMP/full.db" --ops "$TMP/full.ops"
script full <<EOS
$(pin_new 2468)
tap @home.meeting.0
tap @goals.actor.2
tap @goal.add
dump @TMP/full.json
shot @OUT/ops_goals_full.png
quit
EOS
check "the full board opens" app --db "$TMP/full.db" --script "$TMP/full.script"
check "the 49th goal is refused with a message before anyone types it" \
  dump_has "$TMP/full.json" '[.texts[].label] | map(select(test("geen doelen meer bij"))) | length > 0'
check "no editor opens for it" refused dump_has "$TMP/full.json" '[.widgets[].id] | index("goal.text")'
check "and is not in the file" test "$(sqlite3 "$TMP/full.db" "SELECT count(*) FROM goals")" = 48

# 6. A hostile ops file: every bad line is refused by its number and why; nothing
# crashes (the sanitizer build stops at any undefined behaviour) and nothing of the
# refused line is written.
hostile() { # hostile NAME LINE WORDS: the line after the seed is refused, saying WORDS
  { cat "$TMP/seed.ops"; printf '%s\n' "$2"; } > "$TMP/$1.ops"
  "$SCHOUDERS" replay --db "$TMP/$1.db" --ops "$TMP/$1.ops" 2> "$TMP/$1.err"
  local rc=$?
  check "$1: refused with status 1 ($rc)" test "$rc" = 1
  check "$1: the message names line 6 and says why" grep -q "line 6: .*$3" "$TMP/$1.err"
  check "$1: what came before it stands" test "$(sqlite3 "$TMP/$1.db" "SELECT count(*) FROM ops")" = 5
}
hostile garbage 'this is not json' "not an operation"
hostile huge_id '{"op":{"kind":"note_add","meeting":1,"actor":1,"text":"x","place":{"col":0}},"ids":[1e300]}' "ids are not right"
hostile negative_id '{"op":{"kind":"note_add","meeting":1,"actor":1,"text":"x","place":{"col":0}},"ids":[-5]}' "ids are not right"
hostile no_meeting '{"op":{"kind":"note_add","meeting":42,"actor":1,"text":"x","place":{"col":0}}}' "meeting is not in the file"
hostile taken_id '{"op":{"kind":"note_add","meeting":1,"actor":1,"text":"x","place":{"col":0}},"ids":[1]}' "UNIQUE"
hostile stray_undo '{"how":"undo","ref":77,"op":{"kind":"goal_delete","meeting":1,"id":1}}' "not in the file"
hostile drop_that_hangs '{"op":{"kind":"drieluik_action","meeting":1,"n":1,"id":2,"rows":[{"before":{"id":2,"col":0,"prompt":-1},"after":{"id":2,"hung_at":5,"order":1,"col":0,"prompt":-1}}]}}' "why.hang_step"
hostile undo_of_another '{"seq":30,"how":"undo","ref":3,"op":{"kind":"goal_put","meeting":1,"actor":3,"goal":{"text":"ander doel","x":0.5,"y":0.5}}}' "not the newest one on its board"
many=$(for i in $(seq 41); do printf '{"name":"P%d","role":"netwerklid","colour":1},' "$i"; done)
hostile forty_one "{\"op\":{\"kind\":\"meeting_create\",\"text\":\"Te groot\",\"template\":{\"id\":\"x\",\"name_nl\":\"X\",\"phases\":[{\"title_nl\":\"A\",\"minutes\":5}]},\"participants\":[${many%,}]}}" "not an operation"
hostile nan_goal '{"op":{"kind":"goal_put","meeting":1,"actor":2,"goal":{"id":1,"text":"x","x":"NaN","imposed":0}}}' "goals.imposed_refused"

# 7. A goal deleted and brought back by undo: the decision that served it serves it again.
{
  cat "$TMP/seed.ops"
  echo "{\"seq\":20,\"at\":$((now + 5000)),\"how\":\"do\",\"op\":{\"kind\":\"decision_save\",\"meeting\":1,\"decision\":{\"what\":\"Sanne fietst naar school\",\"goal\":1}},\"ids\":[]}"
  echo "{\"seq\":21,\"at\":$((now + 6000)),\"how\":\"do\",\"op\":{\"kind\":\"goal_delete\",\"meeting\":1,\"actor\":3,\"id\":1},\"ids\":[]}"
  echo "{\"seq\":22,\"at\":$((now + 7000)),\"how\":\"undo\",\"ref\":21,\"op\":{\"kind\":\"goal_put\",\"meeting\":1,\"actor\":3},\"ids\":[]}"
} > "$TMP/relink.ops"
check "a goal deleted and undone replays" "$SCHOUDERS" replay --db "$TMP/relink.db" --ops "$TMP/relink.ops"
check "the goal is back" test "$(sqlite3 "$TMP/relink.db" "SELECT count(*) FROM goals WHERE id=1")" = 1
check "and the decision serves it again" test "$(sqlite3 "$TMP/relink.db" "SELECT goal FROM decisions")" = 1

# 8. A file from before the log (schema 6), read without the app: ops says what to do.
cp "$TMP/relink.db" "$TMP/old.db"
sqlite3 "$TMP/old.db" "DROP TABLE ops; PRAGMA user_version=6;"
"$SCHOUDERS" ops --db "$TMP/old.db" --meeting 1 > /dev/null 2> "$TMP/old.err"
check "ops on a file from before the log says to open it in the app once" grep -q "older Schouders: open it once in the app" "$TMP/old.err"
finish
