# The VIP-kaart as a child uses it (tests/scenarios/vip.script): ten on the
# card, the eleventh refused with a message, a swap, faces, wishes and notes in
# the file; a kill -9 while adding people keeps every pick; the card places ten
# people without overlap at three screen sizes; the picture export; last time's
# card to start from, and what changed.
. "$(dirname "$0")/lib.sh"
db="$TMP/vip.db"
src="$SRC/tests/scenarios/vip.script"
fill() { sed -e "s|@OUT|$OUT|g" -e "s|@TMP|$TMP|g"; }
on_card() { sqlite3 "$db" "SELECT group_concat(person) FROM (SELECT person FROM vip_entries ORDER BY person)"; }

{ sed -n '1,/^# --- kill here ---$/p' "$src" | fill; echo "dump $TMP/before_kill.json"; echo "wait 60000"; } > "$TMP/part1.script"
SDL_VIDEODRIVER=offscreen "$SCHOUDERS" --windowed --size 1920x1080 --db "$db" --script "$TMP/part1.script" &
pid=$!
check "part one: people added and picked" await_file "$TMP/before_kill.json"
picked=$(jq -c '[.widgets[] | select(.id | startswith("vip.tile.")) | select(.state == "selected") | .id] | sort' "$TMP/before_kill.json")
kill -9 "$pid" 2>/dev/null
wait "$pid" 2>/dev/null
check "seven picked before the kill" test "$(jq length <<< "$picked")" = 7
{ echo "tap @meeting.vip"; echo "dump $TMP/after_restart.json"; sed -n '/^# --- kill here ---$/,$p' "$src" | fill; } > "$TMP/part2.script"
check "the app starts again after the kill and finishes the card" app --db "$db" --script "$TMP/part2.script"
check "every pick is still there after the restart" \
  test "$(jq -c '[.widgets[] | select(.id | startswith("vip.tile.")) | select(.state == "selected") | .id] | sort' "$TMP/after_restart.json")" = "$picked"

count() { jq -r '[.texts[].label | select(test("^[0-9]+ van 10$"))][0]' "$1"; }
check "ten taps fill the ten places" test "$(count "$TMP/vip_ten.json")" = "10 van 10"
check "the eleventh is refused: still ten" test "$(count "$TMP/vip_refused.json")" = "10 van 10"
check "and the child is told why, kindly" \
  dump_has "$TMP/vip_refused.json" '[.texts[].label] | index("Er staan al tien mensen op je kaart. Haal er eerst één weg.")'
check "dropping one lets the eleventh on" \
  dump_has "$TMP/vip_swapped.json" '([.widgets[] | select(.id == "vip.tile.11")][0].state == "normal") and ([.widgets[] | select(.id == "vip.tile.12")][0].state == "selected")'
check "the card never held eleven" test "$(sqlite3 "$db" "SELECT count(*) FROM vip_entries")" = 10
check "a face, a wish and a typed note are stored" \
  test "$(sqlite3 "$db" "SELECT contact || change || note FROM vip_entries WHERE person=2")" = "2meerIk wil vaker bij papa slapen"
check "a drawn note is stored as ink" test -n "$(sqlite3 "$db" "SELECT hex(ink) FROM vip_entries WHERE person=7")"
check "no numbers on the card" \
  bash -c "! jq -r '.texts[].label' '$TMP/vip_card.json' | grep -qE '^[0-9]+$'"

# Ten people without overlap, at three sizes.
script card <<EOS
tap @meeting.vip
tap @vip.card
dump @TMP/card_size.json
quit
EOS
overlaps() {
  jq '[.widgets[] | select(.id | test("^vip\\.person\\.")) | .rect] as $r
      | [range(0; $r | length) as $i | range($i + 1; $r | length) as $j
         | select($r[$i][0] < $r[$j][0] + $r[$j][2] and $r[$j][0] < $r[$i][0] + $r[$i][2]
                  and $r[$i][1] < $r[$j][1] + $r[$j][3] and $r[$j][1] < $r[$i][1] + $r[$i][3])] | length' "$1"
}
inside() { jq '[.size as $s | .widgets[] | select(.id | test("^vip\\.person\\.")) | .rect | select(.[0] >= 0 and .[1] >= 0 and .[0] + .[2] <= $s[0] and .[1] + .[3] <= $s[1])] | length' "$1"; }
for size in 1280x800 1920x1080 800x1280; do
  check "the card at $size runs" env SDL_VIDEODRIVER=offscreen timeout 60 "$SCHOUDERS" --windowed --size "$size" --db "$db" --script "$TMP/card.script"
  cp "$TMP/card_size.json" "$TMP/card_$size.json"
  check "ten people on the card at $size" test "$(jq '[.widgets[] | select(.id | test("^vip\\.person\\."))] | length' "$TMP/card_$size.json")" = 10
  check "none overlap at $size" test "$(overlaps "$TMP/card_$size.json")" = 0
  check "all on screen at $size" test "$(inside "$TMP/card_$size.json")" = 10
done

check "export --format png --board vip" "$SCHOUDERS" export --db "$db" --meeting 1 --format png --board vip --out "$OUT/vip_export.png"
check "the card picture is 1920x1080 and not blank" \
  test "$(identify -format '%wx%h' "$OUT/vip_export.png")" = 1920x1080 -a "$(identify -format '%k' "$OUT/vip_export.png")" -gt 100
# Not shared (Mag in het plan off): no picture of the card leaves the device either.
cp "$db" "$TMP/unshared.db"
sqlite3 "$TMP/unshared.db" "UPDATE vip_entries SET shared=0"
check "an unshared card is refused as a picture" refused "$SCHOUDERS" export --db "$TMP/unshared.db" --meeting 1 --format png --board vip --out "$TMP/unshared.png"
check "and no file is written" test ! -e "$TMP/unshared.png"

# The next meeting starts from this card and shows, gently, what changed.
script next <<EOS
tap @meeting.home
$(pin_type 5566)
tap @home.new
tap @new.title
type "Familie Visser, drie maanden later"
tap @new.template.familienetwerkberaad
tap @new.name
type "Sanne"
tap @new.role.kind
tap @new.add
type "Mark"
tap @new.role.ouder
tap @new.add
tap @new.save
tap @meeting.vip
tap @vip.from_last
quit
EOS
check "a second meeting for Sanne starts from the last card" app --db "$db" --script "$TMP/next.script"
m2=$(sqlite3 "$db" "SELECT max(id) FROM meetings")
mark=$(sqlite3 "$db" "SELECT id FROM people WHERE meeting=$m2 AND name='Mark'")
opa=$(sqlite3 "$db" "SELECT id FROM people WHERE meeting=$m2 AND name='Opa Henk'")
script changed <<EOS
tap @meeting.vip
tap @vip.tile.$mark
tap @vip.card
tap @vip.person.$opa
tap @vip.face.1
tap @vip.person.done
tap @vip.pick
tap @vip.add
tap @vip.rel.vriend
type "Daan"
tap @vip.add.save
tap @vip.card
dump @TMP/next.json
shot @OUT/vip_5_next.png
quit
EOS
check "then Mark is dropped, a face changes, Daan is added" app --db "$db" --script "$TMP/changed.script"
check "it started from last time's card" test "$(sqlite3 "$db" "SELECT count(*) FROM vip_entries v JOIN meetings m ON m.id = v.meeting WHERE m.title LIKE '%later'")" = 10
check "who left the card is said" dump_has "$TMP/next.json" '[.texts[].label] | any(test("^Vorige keer stond ook op je kaart: Mark$"))'
check "who came in is marked new" dump_has "$TMP/next.json" '[.texts[].label] | index("nieuw")'
# The card copied from last time is in the log as the card itself: the second meeting
# replays alone into an empty file, with no earlier meeting there, and is the same.
check "the second meeting's operations are printed" "$SCHOUDERS" ops --db "$db" --meeting "$m2" > "$TMP/m2.ops"
check "the copy from last time is one operation carrying the card" \
  test "$(grep -c '"kind":"vip_copy_previous".*"card":\[' "$TMP/m2.ops")" = 1
check "they replay into an empty file" "$SCHOUDERS" replay --db "$TMP/m2.db" --ops "$TMP/m2.ops"
"$SCHOUDERS" export --db "$db" --meeting "$m2" --format json --out "$TMP/m2.a.json"
"$SCHOUDERS" export --db "$TMP/m2.db" --meeting "$m2" --format json --out "$TMP/m2.b.json"
check "and the replayed meeting exports identically" cmp -s <(jq -S . "$TMP/m2.a.json") <(jq -S . "$TMP/m2.b.json")
check "its card in the replayed file holds the ten people" test "$(sqlite3 "$TMP/m2.db" "SELECT count(*) FROM vip_entries")" = 10
finish
