# Writing post-its: a held backspace deletes and keeps deleting, a 10,000-
# character paste is cut at 280 with the count showing it and is one undo step,
# backspace takes a whole emoji, a tap puts the caret, and a drawn note survives
# a restart stroke for stroke.
. "$(dirname "$0")/lib.sh"
db="$TMP/notes.db"
# Start from the scenario's meeting: three notes, the third one drawn.
sed -e "s|@OUT|$TMP|g" "$SRC/tests/scenarios/write_notes.script" > "$TMP/setup.script"
check "the writing scenario runs" app --db "$db" --script "$TMP/setup.script"
ink_before=$(sqlite3 "$db" "SELECT hex(ink) FROM notes WHERE ink IS NOT NULL")
# The scenario's three notes are still in Sanne's tray: in the file as typed (its
# export leaves them out: held notes are hers alone).
check "the scenario's notes are stored as typed, accents too" \
  test "$(sqlite3 "$db" "SELECT group_concat(text, '|') FROM (SELECT text FROM notes WHERE hung_at IS NULL ORDER BY id)")" = "Opa Henk komt op zondag|één café|opa"
check "the drawing is stored as ink" test -n "$ink_before"

paste=$(printf 'x%.0s' $(seq 10000))
script edit <<EOS
tap @meeting.chip.0
tap @tray.write
tap @osk.key.a
tap @osk.key.b
tap @osk.key.c
tap @osk.key.d
tap @osk.key.e
tap @osk.key.f
tap @osk.key.g
tap @osk.key.h
dump @TMP/typed.json
hold @osk.key.backspace 300
dump @TMP/one_back.json
hold @osk.key.backspace 1500
dump @TMP/held.json
type "$paste"
dump @TMP/pasted.json
shot @OUT/note_paste.png
quit
EOS
check "the editing script runs" app --db "$db" --script "$TMP/edit.script"
label() { jq -r --arg id "$2" '.widgets[] | select(.id == $id) | .label' "$1"; }
check "eight letters typed on the keyboard" test "$(label "$TMP/typed.json" note.text)" = "abcdefgh"
check "the on-screen keyboard is up while it is used" dump_has "$TMP/typed.json" '[.widgets[] | select(.id == "osk.done")] | length == 1'
# A slow machine: every frame 350 ms late. A tap is still a tap and a hold a hold,
# judged by the events' own times, not by the frame that happened to deliver them.
script slow <<EOS
tap @meeting.chip.0
tap @tray.write
tap @osk.key.o
tap @osk.key.k
hold @osk.key.a 300
hold @osk.key.e 800
dump @TMP/slow.json
quit
EOS
slow_app() { (export SCHOUDERS_SLOW_FRAME_MS=350; app "$@"); }
check "the script runs with every frame 350 ms late" slow_app --db "$db" --script "$TMP/slow.script"
check "there, taps and a 300 ms hold are letters, not long presses" test "$(label "$TMP/slow.json" note.text)" = "oka"
check "and an 800 ms hold still opens the letter's accents" dump_has "$TMP/slow.json" '[.widgets[] | select(.id == "osk.key.é")] | length == 1'
check "and stays away once a physical keyboard types" dump_has "$TMP/pasted.json" '[.widgets[] | select(.id | startswith("osk"))] | length == 0' 
check "a short press of backspace deletes one" test "$(label "$TMP/one_back.json" note.text)" = "abcdefg"
check "held, it keeps deleting until the note is empty" test -z "$(label "$TMP/held.json" note.text)"
pasted=$(label "$TMP/pasted.json" note.text)
check "a 10,000-character paste is cut at 280 (got ${#pasted})" test "${#pasted}" -eq 280
check "the field holds all 280" dump_has "$TMP/pasted.json" '[.texts[].label] | index("280 / 280")'
check "and says it was cut" dump_has "$TMP/pasted.json" '[.texts[].label | select(test("Ingekort: hooguit 280 tekens"))] | length == 1'

# Undo after a paste takes the whole paste away in one step (Ctrl+Z on a keyboard).
script undo <<EOS
tap @meeting.chip.0
tap @tray.write
tap @osk.key.o
tap @osk.key.k
type "$paste"
dump @TMP/before_undo.json
tap @note.undo
dump @TMP/after_undo.json
quit
EOS
check "the undo script runs" app --db "$db" --script "$TMP/undo.script"
check "one undo takes the whole paste away" test "$(label "$TMP/after_undo.json" note.text)" = "ok"

# Backspace takes a whole emoji with skin tone, and a flag; a tap moves the caret.
script graphemes <<'EOS'
tap @meeting.chip.0
tap @tray.write
type "ok \xF0\x9F\x91\x8D\xF0\x9F\x8F\xBD\xF0\x9F\x87\xB3\xF0\x9F\x87\xB1"
key Backspace
dump @TMP/flag_gone.json
key Backspace
dump @TMP/thumb_gone.json
type "\xFF caf\xC3\xA9"
dump @TMP/invalid.json
type " \xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D \xD8\xB9\xD8\xB1\xD8\xA8\xD9\x8A e\xCC\x81"
dump @TMP/rtl.json
shot @OUT/note_unicode.png
quit
EOS
check "the grapheme script runs" app --db "$db" --script "$TMP/graphemes.script"
check "backspace removes a flag whole" test "$(label "$TMP/flag_gone.json" note.text)" = "ok 👍🏽"
check "and an emoji with its skin tone whole" test "$(label "$TMP/thumb_gone.json" note.text)" = "ok "
check "invalid UTF-8 becomes U+FFFD, never a crash" test "$(label "$TMP/invalid.json" note.text)" = "ok � café"
rtl=$(printf 'ok \xef\xbf\xbd caf\xc3\xa9 \xd7\xa9\xd7\x9c\xd7\x95\xd7\x9d \xd8\xb9\xd8\xb1\xd8\xa8\xd9\x8a e\xcc\x81')
check "right-to-left words and combining marks stay in the note" test "$(label "$TMP/rtl.json" note.text)" = "$rtl"

# A tap puts the caret where the finger is: at the start of the words here.
script where <<'EOS'
tap @meeting.chip.0
tap @tray.write
dump @TMP/where.json
quit
EOS
check "the layout script runs" app --db "$db" --script "$TMP/where.script"
read -r fx fy < <(jq -r '.widgets[] | select(.id == "note.text") | "\(.rect[0] + 20) \(.rect[1] + 45)"' "$TMP/where.json")
script caret <<EOS
tap @meeting.chip.0
tap @tray.write
type "Opa Henk"
tap $fx $fy
type "X"
dump @TMP/caret.json
quit
EOS
check "the caret script runs" app --db "$db" --script "$TMP/caret.script"
check "typing goes where the finger tapped" test "$(label "$TMP/caret.json" note.text)" = "XOpa Henk"

# The drawn note after a restart: shown, opened, saved again: the same strokes.
script ink <<'EOS'
tap @meeting.chip.0
tap @tray.note.3
shot @OUT/note_ink_restart.png
dump @TMP/ink_view.json
tap @note.save
quit
EOS
check "the ink script runs after a restart" app --db "$db" --script "$TMP/ink.script"
check "the drawn note opens as a drawing" dump_has "$TMP/ink_view.json" '[.widgets[] | select(.id == "note.canvas")] | length == 1'
check "saved again, it is the same ink, stroke for stroke" test "$(sqlite3 "$db" "SELECT hex(ink) FROM notes WHERE ink IS NOT NULL")" = "$ink_before"
check "and still one drawn note" test "$(sqlite3 "$db" "SELECT count(*) FROM notes WHERE ink IS NOT NULL")" = "1"
check "words left in an open editor when the app closed are kept in the writer's tray" \
  test "$(sqlite3 "$db" "SELECT count(*) FROM notes WHERE text='XOpa Henk' AND hung_at IS NULL")" = "1"

# A shutdown while someone writes (SIGTERM from the session, a reboot, the power key):
# the words are kept in the writer's tray as the PIN-guarded quit keeps them.
script term <<EOS
tap @meeting.chip.0
tap @tray.write
type "net voor het uitzetten"
dump @TMP/term_typed.json
await @TMP/never
quit
EOS
SDL_VIDEODRIVER=offscreen "$SCHOUDERS" --windowed --size 1920x1080 --db "$db" --script "$TMP/term.script" 2> "$TMP/term.err" &
pid=$!
await_file "$TMP/term_typed.json"
kill -TERM "$pid"
wait "$pid"; rc=$?
check "SIGTERM ends the app cleanly (status $rc)" test "$rc" -eq 0
check "and the words being written are kept in the tray" \
  test "$(sqlite3 "$db" "SELECT count(*) FROM notes WHERE text='net voor het uitzetten' AND hung_at IS NULL")" = 1
finish
