# The plan as a family makes it (tests/scenarios/eigen-kracht.script): the
# timer pauses and resumes, the closed segment locks every facilitator control,
# a decision without a who cannot be final, a kill -9 in the closed segment comes
# back there with the count-up timer right, drafts never leave the room, consent
# fixes the plan, a change makes version 2. Then the chime at zero, and a closed
# first phase refused at load.
. "$(dirname "$0")/lib.sh"
db="$TMP/ekc.db"
src="$SRC/tests/scenarios/eigen-kracht.script"
fill() { sed -e "s|@OUT|$OUT|g" -e "s|@TMP|$TMP|g"; }
state() { jq -r --arg id "$2" '[.widgets[] | select(.id == $id)][0].state' "$1"; }
texts() { jq -r '[.widgets[].label, .texts[].label] | join("\n")' "$1"; }
closed_clock() { jq -r '[.texts[] | select(.label | test("^[0-9]+:[0-9]{2}$"))][0].label' "$1" | awk -F: '{print $1 * 60 + $2}'; }

{ sed -n '1,/^# --- kill here ---$/p' "$src" | fill; echo "wait 2100"; echo "dump $TMP/before_kill.json"; echo "wait 60000"; } > "$TMP/part1.script"
SDL_VIDEODRIVER=offscreen "$SCHOUDERS" --windowed --size 1920x1080 --db "$db" --script "$TMP/part1.script" &
pid=$!
check "part one reaches the closed segment's decisions" await_file "$TMP/before_kill.json"
started=$(sqlite3 "$db" "SELECT started_at FROM phases WHERE seq=1")
kill -9 "$pid" 2>/dev/null
wait "$pid" 2>/dev/null

check "pause shows, and offers to go on" \
  dump_has "$TMP/ekc_paused.json" '([.widgets[].id] | index("timer.resume")) and ([.texts[].label] | index("gepauzeerd"))'
check "the closed segment says the professionals have left" \
  dump_has "$TMP/ekc_closed.json" '[.texts[].label] | any(test("de professionals zijn even weg"))'
check "the professionals are recorded absent" \
  test "$(sqlite3 "$db" "SELECT group_concat(participant) FROM phase_absent JOIN phases ON phases.id = phase WHERE seq = 1")" = "5,6"
for id in phase.next phase.prev timer.plus5 meeting.home; do
  check "in the closed segment $id is locked" test "$(state "$TMP/ekc_locked.json" "$id")" = disabled
done
check "and tapping them changed nothing: still the closed segment" \
  dump_has "$TMP/ekc_locked.json" '.screen == "meeting" and ([.widgets[].id] | index("closed.done"))'
check "no minutes were added in the closed segment" test "$(sqlite3 "$db" "SELECT extra_ms FROM phases WHERE seq=1")" = 0
check "a decision without a who cannot be final, and the editor says so" \
  dump_has "$TMP/ekc_need_who.json" '([.texts[].label] | index("Nog nodig: wie doet het?")) and ([.widgets[] | select(.id == "decision.final")][0].state == "normal")'

{ echo "dump $TMP/after_restart.json"; sed -n '/^# --- kill here ---$/,$p' "$src" | fill; } > "$TMP/part2.script"
restart_at=$(date +%s%3N)
check "after kill -9 the app starts again and finishes the meeting" app --db "$db" --script "$TMP/part2.script"
finished_at=$(date +%s%3N)
check "it comes back in the closed segment" \
  dump_has "$TMP/after_restart.json" '([.widgets[].id] | index("closed.done")) and ([.texts[].label] | any(test("van 100 min gepland")))'
before=$(closed_clock "$TMP/before_kill.json")
after=$(closed_clock "$TMP/after_restart.json")
# The count-up after the restart is the time since the stored start, by this clock:
# between the restart and the end of that run (a second either way for rounding).
lo=$(((restart_at - started) / 1000 - 1)) hi=$(((finished_at - started) / 1000 + 1))
check "the count-up timer is right after the restart ($before s before, $after s after, between $lo and $hi)" \
  test "$after" -ge "$before" -a "$after" -ge "$lo" -a "$after" -le "$hi"
check "the closed segment kept its start" test "$(sqlite3 "$db" "SELECT started_at FROM phases WHERE seq=1")" = "$started"
check "back in phase 3, the discarded draft is gone from the screen" \
  bash -c "! grep -q 'Een weekend samen weg' <<< \"\$(jq -r '[.widgets[].label, .texts[].label] | join(\"\n\")' '$TMP/ekc_back.json')\""
check "and from the file" test "$(sqlite3 "$db" "SELECT count(*) FROM decisions WHERE what LIKE 'Een weekend%'")" = 0
check "consent from all fixes the plan" dump_has "$TMP/ekc_fixed.json" '[.texts[].label] | any(test("^Versie 1 vastgesteld"))'
check "version 1 is kept whole, with six answers" \
  test "$(sqlite3 "$db" "SELECT plan FROM plan_versions WHERE version=1" | jq '.consent | length')" = 6
check "the fixed plan refuses a change, and says why" \
  dump_has "$TMP/ekc_refused.json" '([.texts[].label] | index("Het plan is vastgesteld. Maak eerst een nieuwe versie.")) and ([.widgets[].id] | index("decision.modal") | not)'
"$SCHOUDERS" export --db "$db" --meeting 1 --format json --out "$TMP/ekc.json"
check "the export is the plan of version 2, without drafts" jq -e "$(cat "$SRC/tests/scenarios/eigen-kracht.check")" "$TMP/ekc.json"

# Someone is still writing a decision when the app is closed: it is kept as a draft.
cp "$db" "$TMP/quit.db"
sqlite3 "$TMP/quit.db" "UPDATE meetings SET current_phase=1, plan_fixed_at=NULL; UPDATE phases SET ended_at=NULL WHERE seq=1"
script quit_writing <<EOS
tap @decision.add
type "Nog niet af"
quit
EOS
check "the app closes with a decision half written" app --db "$TMP/quit.db" --script "$TMP/quit_writing.script"
check "it is kept as a draft" test "$(sqlite3 "$TMP/quit.db" "SELECT final FROM decisions WHERE what='Nog niet af'")" = 0

# The chime: once at zero (the sound device is SDL's dummy here), never when muted.
# The timer is set to run out 3 s after the app, on Home, says it is ready; the
# meeting is opened at once and the chime may sound up to 3 s past zero.
script chime <<EOS
$(pin_type 4815)
dump @TMP/chime_home.json
await @TMP/chime_set
tap @home.meeting.0
wait 4500
dump @TMP/chimed.json
shot @OUT/timer_zero.png
wait 2000
dump @TMP/over.json
quit
EOS
chime_run() { # chime_run DB: the app on Home, then the timer set, then the meeting
  rm -f "$TMP/chime_home.json" "$TMP/chime_set" "$TMP/chimed.json" "$TMP/over.json"
  sqlite3 "$1" "DELETE FROM settings WHERE key='open_meeting'" # it starts on Home
  app --db "$1" --script "$TMP/chime.script" &
  local pid=$!
  await_file "$TMP/chime_home.json"
  sqlite3 "$1" "UPDATE phases SET started_at=$(date +%s%3N) - 30*60000 + 3000, extra_ms=0, paused_ms=0, paused_at=NULL WHERE seq=2"
  touch "$TMP/chime_set"
  wait $pid
}
cp "$db" "$TMP/chime.db"
check "the timer runs to zero" chime_run "$TMP/chime.db"
check "at zero the chime sounds once" dump_has "$TMP/chimed.json" '.chimes == 1'
check "then it counts the overrun upward" dump_has "$TMP/over.json" '([.texts[].label] | any(test("^\\+[0-9]{2}:[0-9]{2}$"))) and .chimes == 1'
cp "$db" "$TMP/mute.db"
sqlite3 "$TMP/mute.db" "INSERT OR REPLACE INTO settings VALUES('chime','off')"
check "muted, it runs to zero" chime_run "$TMP/mute.db"
check "and stays silent" dump_has "$TMP/chimed.json" '.chimes == 0'

# Bijeenkomst afronden: on the last phase, with the PIN. A finished meeting says so,
# opens read only (the file itself refuses changes), is "finished" in the export and
# on the plan's first page, and opens for changes again only with the PIN.
sqlite3 "$db" ".backup '$TMP/finish.db'"
answers=$(sqlite3 "$TMP/finish.db" "SELECT count(*) FROM consents")
script finish <<EOS
tap @meeting.finish
dump @TMP/finish_pin.json
$(pin_type 4815)
dump @TMP/finished.json
shot @OUT/meeting_finished.png
tap @consent.1.niet
dump @TMP/finished_tap.json
quit
EOS
check "the finishing script runs" app --db "$TMP/finish.db" --script "$TMP/finish.script"
check "Afronden asks the facilitator's PIN" dump_has "$TMP/finish_pin.json" '[.widgets[].id] | index("pin.modal")'
check "then the meeting says it is finished, read only" \
  dump_has "$TMP/finished.json" '[.texts[].label] | any(test("^Deze bijeenkomst is afgerond op .* Alleen lezen"))'
check "and is finished in the file, with when" \
  test "$(sqlite3 "$TMP/finish.db" "SELECT status, finished_at > 0 FROM meetings")" = "finished|1"
check "a tap on the board changes nothing and says why" \
  bash -c "[ \"\$(sqlite3 '$TMP/finish.db' 'SELECT count(*) FROM consents')\" = '$answers' ] && jq -e '[.texts[].label] | any(test(\"er kan niets meer veranderen\"))' '$TMP/finished_tap.json' > /dev/null"
check "the file itself refuses a change to it" refused sqlite3 "$TMP/finish.db" "INSERT INTO bodemeisen(meeting, text) VALUES(1, 'toch nog')"
"$SCHOUDERS" export --db "$TMP/finish.db" --meeting 1 --format json --out "$TMP/finished_plan.json"
check "the export says finished, and when" jq -e '.meeting.status == "finished" and (.meeting.finished_at | test("^20[0-9]{2}-"))' "$TMP/finished_plan.json"
check "and follows the schema" schema_valid "$TMP/finished_plan.json"
"$SCHOUDERS" export --db "$TMP/finish.db" --meeting 1 --format pdf --out "$TMP/finished_plan.pdf"
pdftotext -f 1 -l 1 "$TMP/finished_plan.pdf" - | tr -s '[:space:]' ' ' > "$TMP/finished_p1.txt"
check "the plan's first page says when it ended" grep -q "Deze bijeenkomst is afgerond op" "$TMP/finished_p1.txt"
check "and no longer that it still runs" refused grep -q "loopt nog" "$TMP/finished_p1.txt"
script reopen <<EOS
dump @TMP/finished_again.json
tap @meeting.reopen
$(pin_type 4815)
dump @TMP/reopened.json
quit
EOS
check "the app starts again" app --db "$TMP/finish.db" --script "$TMP/reopen.script"
check "still finished after a restart" dump_has "$TMP/finished_again.json" '[.texts[].label] | any(test("^Deze bijeenkomst is afgerond op"))'
check "Heropenen with the PIN opens it for changes" test "$(sqlite3 "$TMP/finish.db" "SELECT status FROM meetings")" = running
check "and the screen no longer says read only" dump_has "$TMP/reopened.json" '[.texts[].label] | any(test("^Deze bijeenkomst is afgerond op")) | not'

# Ending the closed segment early (Eerder stoppen, the PIN) settles the drafts as
# "Wij zijn klaar" does, and going back into it takes the PIN and shows no draft.
script early <<EOS
$(pin_new 4815)
tap @home.new
tap @new.title
type "Familie Vroeg"
tap @new.template.eigen-kracht-conferentie
tap @new.name
type "Sanne"
tap @new.role.kind
tap @new.add
type "Petra"
tap @new.role.professional
tap @new.add
tap @new.save
tap @phase.next
tap @closed.start
tap @decision.add
type "Geheim plannetje van de familie"
tap @decision.save
tap @closed.leave
$(pin_type 4815)
dump @TMP/early_settle.json
tap @draft.1.discard
dump @TMP/early_after.json
tap @phase.prev
dump @TMP/early_back_pin.json
tap @pin.cancel
dump @TMP/early_refused.json
tap @phase.prev
$(pin_type 4815)
dump @TMP/early_reopened.json
quit
EOS
check "the early-end script runs" app --db "$TMP/early.db" --script "$TMP/early.script"
check "ending early asks to keep or throw away the draft, still in the closed segment" \
  dump_has "$TMP/early_settle.json" '([.widgets[].id] | index("draft.1.keep")) and ([.widgets[].id] | index("draft.1.discard")) and ([.widgets[].id] | index("closed.done"))'
check "thrown away, the segment ends and the draft is gone from the file" \
  test "$(sqlite3 "$TMP/early.db" "SELECT count(*) FROM decisions WHERE what LIKE 'Geheim%'")" = 0
check "and from the screen, back in phase 3" dump_has "$TMP/early_after.json" \
  '([.widgets[].label, .texts[].label] | any(test("Geheim")) | not) and ([.widgets[].id] | index("closed.done") | not)'
check "going back into the closed phase asks the facilitator's PIN" \
  dump_has "$TMP/early_back_pin.json" '([.widgets[].id] | index("pin.modal")) and ([.texts[].label] | any(test("Terug naar het besloten deel kan alleen de begeleider")))'
check "without it the room stays where it was" dump_has "$TMP/early_refused.json" '([.widgets[].id] | index("closed.done") | not) and ([.widgets[].id] | index("pin.modal") | not)'
check "with it the closed segment is back, every lock on" \
  dump_has "$TMP/early_reopened.json" '([.widgets[].id] | index("closed.done")) and ([.widgets[] | select(.id == "phase.next")][0].state == "disabled")'
check "and no earlier draft is shown" dump_has "$TMP/early_reopened.json" '[.widgets[].label, .texts[].label] | any(test("Geheim")) | not'

# A template whose first phase is the closed segment is refused at load, by file and line.
mkdir -p "$TMP/layouts"
cat > "$TMP/layouts/verkeerd.json" <<'EOJ'
{"name": {"nl": "Verkeerd"},
 "phases": [{"title": {"nl": "Besloten deel"}, "minutes": 60, "closed": true, "board": "decisions"}]}
EOJ
cat > "$TMP/layouts/nul.json" <<'EOJ'
{"name": {"nl": "Nul"},
 "phases": [{"title": {"nl": "Start"}, "minutes": 0, "board": "none"}]}
EOJ
script refused <<EOS
$(pin_new 2468)
tap @home.new
dump @TMP/refused.json
quit
EOS
check "the app runs with broken templates" env SCHOUDERS_LAYOUTS="$TMP/layouts" bash -c "$(declare -f app); app --db '$TMP/refused.db' --script '$TMP/refused.script'"
check "a closed first phase is named and refused" \
  dump_has "$TMP/refused.json" '[.texts[].label] | any(test("verkeerd.json, line 1: the first phase cannot be the closed segment"))'
check "zero minutes are named and refused" dump_has "$TMP/refused.json" '[.texts[].label] | any(test("nul.json, line 2: phase 1 needs \"minutes\""))'
finish
