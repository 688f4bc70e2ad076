# Nothing on screen ever disappears (issue 18): the heaviest real meeting
# (heavy_fixture.c: eight participants with long names, forty post-its, a VIP-kaart
# of ten, and a conference of twenty-four) at the wall screen's, the tablet's and
# the upright tablet's size, in Dutch and English. From each dump: everyone can
# reach their tray, no two things to tap overlap (one inside another is a button
# on a card), nothing to tap lies off the screen. Screenshots: $OUT/heavy-*.png.
. "$(dirname "$0")/lib.sh"
: "${HEAVY_FIXTURE:?}"
"$HEAVY_FIXTURE" "$SRC/layouts" "$TMP/heavy.db" > "$TMP/ids" || { fail "the heavy meeting could not be made"; finish; exit 1; }

# What a person could not tap as meant: two things to tap overlapping (neither
# inside the other), or a thing to tap reaching off the screen. Under a modal only
# what comes after its block counts (the rest cannot be touched).
cat > "$TMP/hidden.jq" <<'EOF'
def tappable: select(.kind == "button" or .kind == "toggle" or .kind == "field" or .kind == "area");
def meet(a; b): a.rect[0] < b.rect[0] + b.rect[2] and b.rect[0] < a.rect[0] + a.rect[2] and a.rect[1] < b.rect[1] + b.rect[3] and b.rect[1] < a.rect[1] + a.rect[3];
def holds(a; b): a.rect[0] <= b.rect[0] and a.rect[1] <= b.rect[1] and a.rect[0] + a.rect[2] >= b.rect[0] + b.rect[2] and a.rect[1] + a.rect[3] >= b.rect[1] + b.rect[3];
.size as $s
| (.widgets | ((map(.kind == "block") | rindex(true)) // -1) as $b | .[$b + 1:] | map(tappable)) as $w
| [range(0; $w | length) as $i | range($i + 1; $w | length) as $j
   | select(meet($w[$i]; $w[$j]) and ((holds($w[$i]; $w[$j]) or holds($w[$j]; $w[$i])) | not))
   | "\($w[$i].id) overlaps \($w[$j].id)"]
  + [$w[] | select(.rect[0] < 0 or .rect[1] < 0 or .rect[0] + .rect[2] > $s[0] or .rect[1] + .rect[3] > $s[1]) | "\(.id) is off the screen at \(.rect)"]
| .[]
EOF
nothing_hidden() { # nothing_hidden DUMP: says what is, and fails
  local bad
  bad=$(jq -r -f "$TMP/hidden.jq" "$1") || return 1
  [ -z "$bad" ] && return 0
  echo "$bad" | head -5 | sed "s|^|  $(basename "$1"): |" >&2
  return 1
}
# The widget is there and whole on the screen.
on_screen() { # on_screen DUMP ID
  jq_true --arg id "$2" '.size as $s | [.widgets[] | select(.id == $id)] | length == 1 and
    (.[0].rect | .[0] >= 0 and .[1] >= 0 and .[0] + .[2] <= $s[0] and .[1] + .[3] <= $s[1])' "$1"
}

# The app at this round's size and language, on a fresh copy of the heavy meeting,
# running the script NAME (made by `script NAME`); what it said goes to NAME.err.
run_heavy() {
  cp "$TMP/heavy.db" "$TMP/$1.db"
  SDL_VIDEODRIVER=offscreen timeout 300 "$SCHOUDERS" --windowed --size "$size" --lang "$lang" --db "$TMP/$1.db" \
    --script "$TMP/$1.script" > /dev/null 2> "$TMP/$1.err"
}

pin="$(pin_type 2468)"
for lang in nl en; do
  for size in 1920x1080 1280x800 800x1280; do
    tag=$lang-$size
    # The Drieluik of eight (Home lists the newest first: it is the fourth).
    {
      echo "$pin"
      echo "dump @TMP/$tag-home.json"
      echo "tap @home.meeting.3"
      echo "shot @OUT/heavy-$tag-drieluik.png"
      echo "dump @TMP/$tag-drieluik.json"
      for i in 0 1 2 3 4 5 6 7; do
        echo "tap @meeting.chip.$i"
        echo "dump @TMP/$tag-tray$i.json"
        echo "tap @tray.close"
      done
      echo "tap @meeting.chip.1"
      echo "shot @OUT/heavy-$tag-tray.png"
      echo "quit"
    } | script "$tag-eight"
    run_heavy "$tag-eight"
    check "$tag: the Drieluik of eight ran (status $?: $(tail -2 "$TMP/$tag-eight.err"))" test -s "$TMP/$tag-tray7.json"
    check "$tag: Home shows the family's four meetings" \
      jq_true '[.widgets[] | select(.id | test("^home\\.meeting\\.[0-9]+$"))] | length == 4' "$TMP/$tag-home.json"
    check "$tag: the fourth on Home is the Drieluik of eight" \
      jq_true '[.widgets[] | select(.id == "home.meeting.3") | .label | contains("El Amrani-Vermeulen")] == [true]' "$TMP/$tag-home.json"
    for i in 0 1 2 3 4 5 6 7; do
      check "$tag: participant $i has a chip, whole on the screen" on_screen "$TMP/$tag-drieluik.json" "meeting.chip.$i"
      check "$tag: participant $i's chip opens their tray" on_screen "$TMP/$tag-tray$i.json" "tray.close"
    done
    check "$tag: Mohammed's two notes in his tray, each with Ophangen" \
      jq_true '[.widgets[] | select(.id | test("^tray\\.note\\.[0-9]+\\.hang$"))] | length == 2' "$TMP/$tag-tray1.json"
    check "$tag: no button's or switch's words are cut short on the Drieluik" \
      jq_true '[.widgets[] | select(.kind == "button" or .kind == "toggle") | .label] as $l | [.texts[] | select(.cut and (.label as $t | $l | index($t)))] | length == 0' \
      "$TMP/$tag-drieluik.json"
    check "$tag: the family's name is whole in the phase bar, not cut short" \
      jq_true '[.texts[] | select(.cut and (.label | startswith("Familie El Amrani")))] | length == 0' "$TMP/$tag-drieluik.json"
    for f in home drieluik tray0 tray1; do
      check "$tag: nothing to tap overlaps or lies off the screen ($f)" nothing_hidden "$TMP/$tag-$f.json"
    done

    # Twelve goals, two dropped on one place: each shows and takes its own tap, in
    # its own cell (a goal's place is what it means).
    printf '%s\ntap @home.meeting.1\nshot @OUT/heavy-%s-goals.png\ndump @TMP/%s-goals.json\nquit\n' "$pin" "$tag" "$tag" | script "$tag-goals"
    run_heavy "$tag-goals"
    check "$tag: twelve goals, each whole on the screen" \
      jq_true '.size as $s | [.widgets[] | select(.id | test("^goal\\.[0-9]+$")) | select(.rect[0] >= 0 and .rect[1] >= 0 and .rect[0] + .rect[2] <= $s[0] and .rect[1] + .rect[3] <= $s[1])] | length == 12' \
      "$TMP/$tag-goals.json"
    check "$tag: no goal covers another, none leaves its cell" nothing_hidden "$TMP/$tag-goals.json"
    check "$tag: no word on the goals board is cut short" jq_true '[.texts[] | select(.cut)] | length == 0' "$TMP/$tag-goals.json"
    check "$tag: all eight can say they are at the screen (Aan de beurt)" \
      jq_true '.size as $s | [.widgets[] | select(.id | test("^goals\\.actor\\.[0-9]+$")) | select(.rect[0] + .rect[2] <= $s[0])] | length == 8' \
      "$TMP/$tag-goals.json"

    # Twenty-four: more than the bar holds, so one button opens everyone, and a tap
    # on a name opens that person's tray.
    {
      echo "$pin"
      echo "tap @home.meeting.0"
      echo "dump @TMP/$tag-crowd.json"
      echo "tap @meeting.everyone"
      echo "shot @OUT/heavy-$tag-everyone.png"
      echo "dump @TMP/$tag-everyone.json"
      echo "tap @everyone.23"
      echo "dump @TMP/$tag-crowd-tray.json"
      echo "quit"
    } | script "$tag-crowd"
    run_heavy "$tag-crowd"
    check "$tag: the conference ran (status $?: $(tail -2 "$TMP/$tag-crowd.err"))" test -s "$TMP/$tag-crowd-tray.json"
    check "$tag: twenty-four: one button says how many" \
      jq_true '[.widgets[] | select(.id == "meeting.everyone") | .label | test("24")] == [true]' "$TMP/$tag-crowd.json"
    for i in $(seq 0 23); do
      check "$tag: person $i of 24 in the grid, whole on the screen" on_screen "$TMP/$tag-everyone.json" "everyone.$i"
    done
    check "$tag: no name in the grid is cut short" \
      jq_true '[.widgets[] | select(.id | test("^everyone\\.[0-9]+$")) | .label] as $names | [.texts[] | select(.cut and (.label as $l | $names | index($l)))] | length == 0' \
      "$TMP/$tag-everyone.json"
    check "$tag: the last of 24 opens her tray from the grid" \
      jq_true '[.texts[].label] | any(test("Oudtante Grietje"))' "$TMP/$tag-crowd-tray.json"
    check "$tag: and it is her tray" on_screen "$TMP/$tag-crowd-tray.json" "tray.close"
    for f in crowd everyone; do
      check "$tag: nothing to tap overlaps or lies off the screen ($f)" nothing_hidden "$TMP/$tag-$f.json"
    done
  done
done

# Schermmaat: a display that says nothing of its size (the offscreen driver) has
# its millimetres assumed; the facilitator makes the drawn bank card as large as a
# real one, and from then on this device's millimetres are the measured ones.
cp "$TMP/heavy.db" "$TMP/measure.db"
{ echo "$pin"; echo "dump @TMP/m-home.json"; echo "tap @home.measure"; echo "tap @measure.larger.big"; echo "tap @measure.larger"
  echo "shot @OUT/heavy-measure.png"; echo "dump @TMP/m-sheet.json"; echo "tap @measure.save"; echo "dump @TMP/m-saved.json"; echo quit; } |
  script measure
printf '%s\ndump @TMP/m-again.json\nquit\n' "$pin" | script again
app --size 1280x800 --db "$TMP/measure.db" --script "$TMP/measure.script" > /dev/null 2>&1
app --size 1280x800 --db "$TMP/measure.db" --script "$TMP/again.script" > /dev/null 2>&1
app --size 1280x800 --db "$TMP/measure.db" --px-per-mm 5 --script "$TMP/again.script" > /dev/null 2>&1 && cp "$TMP/m-again.json" "$TMP/m-option.json"
app --size 1280x800 --db "$TMP/measure.db" --script "$TMP/again.script" > /dev/null 2>&1
check "an assumed size: Home asks for the Schermmaat first" \
  jq_true '.px_per_mm_from == "assumed" and ([.widgets[] | select(.id == "home.measure")] | length == 1)' "$TMP/m-home.json"
check "the drawn card is made larger, step by step: five and one in a hundred" \
  jq_true --slurpfile h "$TMP/m-home.json" '(.px_per_mm / $h[0].px_per_mm) as $r | $r > 1.06 and $r < 1.061' "$TMP/m-saved.json"
check "nothing to tap overlaps on the Schermmaat" nothing_hidden "$TMP/m-sheet.json"
check "saved: the millimetres are the measured ones at once" jq_true '.px_per_mm_from == "measured"' "$TMP/m-saved.json"
check "and after a restart" jq_true --slurpfile s "$TMP/m-saved.json" '.px_per_mm_from == "measured" and .px_per_mm == $s[0].px_per_mm' \
  "$TMP/m-again.json"
check "--px-per-mm goes before the measurement" jq_true '.px_per_mm == 5 and .px_per_mm_from == "option"' "$TMP/m-option.json"
# At a 10" tablet's real size (5.9 px/mm) Home's header has no room for Schermmaat
# beside its title: it goes to the list's foot, and nothing covers the title.
printf '%s\nshot @OUT/heavy-home-tablet.png\ndump @TMP/m-tablet.json\nquit\n' "$pin" | script tablet
app --size 1280x800 --db "$TMP/measure.db" --px-per-mm 5.9 --script "$TMP/tablet.script" > /dev/null 2>&1
check "at a tablet's real size, nothing to tap overlaps on Home" nothing_hidden "$TMP/m-tablet.json"
check "and no button covers Home's title" jq_true '([.texts[] | select(.label == "Bijeenkomsten")][0].rect) as $t | $t != null and
  ([.widgets[] | select(.kind == "button") | .rect | select(.[0] < $t[0] + $t[2] and $t[0] < .[0] + .[2] and .[1] < $t[1] + $t[3] and $t[1] < .[1] + .[3])] | length == 0)' \
  "$TMP/m-tablet.json"
check "Schermmaat is still there" on_screen "$TMP/m-tablet.json" home.measure
finish
