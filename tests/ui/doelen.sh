# Doelen in beeld (tests/scenarios/doelen.script): six goals, two dragged to
# other cells (term and priority in the file), undo of a drag restores the cell,
# a parent's removal of an imposed goal refused with the reason, a professional's
# allowed (and undone), actions with dates, the board as a picture.
. "$(dirname "$0")/lib.sh"
db="$TMP/doelen.db"
sed -e "s|@OUT|$OUT|g" -e "s|@TMP|$TMP|g" "$SRC/tests/scenarios/doelen.script" > "$TMP/doelen.script"
check "the goals scenario runs" app --db "$db" --script "$TMP/doelen.script"
cell() { sqlite3 "$db" "SELECT term || '/' || priority FROM goals WHERE id=$1"; }
check "six goals on the board" test "$(sqlite3 "$db" "SELECT count(*) FROM goals")" = 6
check "dragged up: short term, high priority" test "$(cell 2)" = kort/hoog
check "dragged right and down: long term, low priority" test "$(cell 5)" = lang/laag
check "the others stay where they were put" test "$(cell 3)" = kort/midden
# The undo put goal 5 back in its cell: its centre lies in that cell in the dump taken then.
centre_in() { jq -e --arg g "$2" --arg c "$3" '
  ([.widgets[] | select(.id == $g)][0].rect) as $n | ([.widgets[] | select(.id == $c)][0].rect) as $r
  | ($n[0] + $n[2] / 2) as $x | ($n[1] + $n[3] / 2) as $y
  | $x >= $r[0] and $x < $r[0] + $r[2] and $y >= $r[1] and $y < $r[1] + $r[3]' "$1" > /dev/null; }
check "after the drag, goal 5 stands long term and low" centre_in "$TMP/doelen_moved.json" goal.5 goals.cell.lang.laag
rect() { jq -c --arg g "$2" '[.widgets[] | select(.id == $g)][0].rect' "$1"; }
check "after the drag no goal covers another: the one left beside two takes the gap between them" \
  dump_has "$TMP/doelen_moved.json" '[.widgets[] | select(.id | test("^goal\\.[0-9]+$")) | .rect] as $g | [range(0; $g|length) as $i | range($i+1; $g|length) as $j | select($g[$i][0] < $g[$j][0] + $g[$j][2] and $g[$j][0] < $g[$i][0] + $g[$i][2] and $g[$i][1] < $g[$j][1] + $g[$j][3] and $g[$j][1] < $g[$i][1] + $g[$i][3])] | length == 0'
check "undo of the drag puts it back where it was" test "$(rect "$TMP/doelen_undone.json" goal.5)" = "$(rect "$TMP/doelen_six.json" goal.5)"
check "a parent cannot remove an imposed goal, and is told why" \
  dump_has "$TMP/doelen_refused.json" '([.texts[].label] | any(test("^Dit doel is opgelegd. Alleen een professional"))) and ([.widgets[].id] | index("goal.modal"))'
check "a professional can: it is gone" dump_has "$TMP/doelen_removed.json" '[.widgets[].id] | index("goal.1") | not'
check "and undo brings it back, imposed still" test "$(sqlite3 "$db" "SELECT imposed FROM goals WHERE id=1")" = 1
check "the goal's note shows its progress" dump_has "$TMP/doelen_moved.json" '[.texts[].label] | index("0/0") | not'
"$SCHOUDERS" export --db "$db" --meeting 1 --format json --out "$TMP/doelen.json"
check "the export holds goals, their marks and actions" jq -e "$(cat "$SRC/tests/scenarios/doelen.check")" "$TMP/doelen.json"
check "export --format png --board doelen" "$SCHOUDERS" export --db "$db" --meeting 1 --format png --board doelen --out "$OUT/doelen_export.png"
check "the board picture is 1920x1080" test "$(identify -format '%wx%h' "$OUT/doelen_export.png")" = 1920x1080
finish
